package io.mlops.inference.online;

import io.mlops.inference.serving.InferenceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The online feature client, pointed at {@code mlops.inference.feature-service-url}. */
@Configuration(proxyBeanMethods = false)
class OnlineConfiguration {

    @Bean
    OnlineFeatureClient onlineFeatureClient(InferenceProperties properties) {
        return new OnlineFeatureClient(properties.featureServiceUrl(), properties.featureTimeout());
    }
}
