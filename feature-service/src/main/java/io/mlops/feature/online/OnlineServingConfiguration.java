package io.mlops.feature.online;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.support.web.HttpProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Registers {@link OnlineLookupFilter} unless {@code mlops.feature.online.direct=false}. */
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
}
