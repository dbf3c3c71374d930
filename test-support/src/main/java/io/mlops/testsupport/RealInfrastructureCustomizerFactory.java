package io.mlops.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Turns {@link RealInfrastructure} into connection properties with the highest precedence. */
class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure spec = AnnotatedElementUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return spec == null ? null : new Customizer(spec.postgres(), spec.redis(), spec.kafka());
    }

    /** A record so equal requests share one cached application context. */
    private record Customizer(boolean postgres, boolean redis, boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mlops-test-infrastructure", properties()));
        }

        private Map<String, Object> properties() {
            Map<String, Object> props = new LinkedHashMap<>();
            if (postgres) {
                PostgresServer pg = TestInfrastructure.postgres();
                props.put("spring.datasource.url", pg.jdbcUrl());
                props.put("spring.datasource.username", pg.username());
                props.put("spring.datasource.password", pg.password());
            }
            if (redis) {
                RedisServerAddress r = TestInfrastructure.redis();
                props.put("spring.data.redis.host", r.host());
                props.put("spring.data.redis.port", r.port());
            }
            if (kafka) {
                props.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
            }
            return props;
        }
    }
}
