package io.mlops.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the ProblemDetail advice (it replaces Boot's default one, which backs off for it). */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MeterRegistry meters) {
        return new ProblemDetailsAdvice(meters);
    }
}
