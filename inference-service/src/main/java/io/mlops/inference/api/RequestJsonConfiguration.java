package io.mlops.inference.api;

import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.inference.serving.FeatureRowsDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Predict bodies are read by {@link FeatureRowsDeserializer} and answers written by {@link PredictResponseWriter}
 * (Boot adds every JacksonModule bean to its mapper, the one Spring MVC reads and writes with).
 */
@Configuration(proxyBeanMethods = false)
class RequestJsonConfiguration {

    @Bean
    JacksonModule predictionRequestModule() {
        return new SimpleModule("prediction-request")
                .addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())
                .addSerializer(PredictController.PredictResponse.class, new PredictResponseWriter());
    }
}
