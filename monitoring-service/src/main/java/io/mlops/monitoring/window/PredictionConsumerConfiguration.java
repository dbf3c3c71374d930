package io.mlops.monitoring.window;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** A batch listener container for PredictionMade, with the platform's error handler (retries, then the DLT). */
@Configuration(proxyBeanMethods = false)
class PredictionConsumerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> predictionBatchFactory(
            ConsumerFactory<Object, Object> consumers, DefaultErrorHandler errors) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
