package io.mlops.feature.online;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.support.web.HttpProperties;
import io.mlops.support.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Registers {@link OnlineLookupFilter} unless {@code mlops.feature.online.direct=false}, and
 * {@link OnlineListener} when {@code mlops.feature.online.port} is set; keeps Lettuce from timing each command.
 */
@Configuration(proxyBeanMethods = false)
class OnlineServingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "mlops.feature.online.direct", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<OnlineLookupFilter> onlineLookupFilter(OnlineLookup lookup,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors, MeterRegistry meters, HttpProperties http) {
        var registration = new FilterRegistrationBean<>(new OnlineLookupFilter(lookup, errors, meters, http.maxRequestSize().toBytes()));
        registration.addUrlPatterns(OnlineLookupFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);   // first: see OnlineLookupFilter for what the others cost
        return registration;
    }

    /**
     * Lettuce's own latency collector (on by default when HdrHistogram and LatencyUtils are on the classpath) records
     * every command for events nobody reads here; like Boot's per-command observation (excluded in
     * FeatureServiceApplication), it cost Lettuce's event loop CPU on every lookup (JFR, bench/feature-online).
     */
    @Bean
    ClientResourcesBuilderCustomizer noRedisCommandLatencyCollector() {
        return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
    }

    @Bean
    @ConditionalOnProperty(name = "mlops.feature.online.port")
    OnlineListener onlineListener(OnlineProperties properties, OnlineLookup lookup, OnlineStore store, ProblemDetailsAdvice advice,
            RequestMappingHandlerAdapter mvc, MeterRegistry meters, HttpProperties http, ConfigurableEnvironment environment) {
        ListenerProblems problems = new ListenerProblems(advice, mvc.getMessageConverters());
        return new OnlineListener(properties, http.maxRequestSize().toBytes(), new OnlineHttpHandler(lookup, store, problems, meters),
                problems, environment);
    }
}
