package io.mlops.standalone;

import io.mlops.standalone.suite.Suite;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole platform in one JVM: embedded PostgreSQL, Redis and Kafka, then the five services on their usual
 * ports, each in its own application context. This context has no web server and no auto-configuration: it
 * only binds {@code mlops.standalone.*} and runs the {@link Suite}, which its shutdown hook stops on Ctrl-C.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
public class StandaloneApplication {

    @Bean
    Suite suite(StandaloneProperties settings) {
        return new Suite(settings);
    }

    public static void main(String[] args) {
        try {
            start(args);
        } catch (RuntimeException e) {
            System.err.println("mlops standalone: " + rootMessage(e));
            System.exit(1);
        }
    }

    /** Starts the suite and returns once all five services are started; closing the context stops everything. */
    public static ConfigurableApplicationContext start(String... args) {
        // one logging setup (logback.xml) for the JVM: otherwise each service context re-initializes logging
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                // not application.yml: that name belongs to the services' own files on the same class path
                .properties("spring.config.name=mlops-standalone")
                .run(args);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof InterruptedException) {
            return "start-up interrupted by a stop request; everything started so far is stopped";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
