package io.mlops.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code mlops-service-defaults.yml} as the LAST property source, so the five services share one set of
 * defaults that each service's application.yml, environment variables and command line still override.
 * ({@code spring.config.import} would not do: imported files take precedence over the importing one.)
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "mlops-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
