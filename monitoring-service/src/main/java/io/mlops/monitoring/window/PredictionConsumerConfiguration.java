package io.mlops.monitoring.window;

import io.mlops.monitoring.MonitoringProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A batch listener container for PredictionMade, with the platform's error handler (retries, then the DLT), batches
 * of {@code mlops.monitoring.max-poll-records} and {@code mlops.monitoring.prediction-consumers} consumer threads.
 * Offsets are committed after the listener returns (the container's default BATCH ack mode), that is after the
 * batch's transaction committed.
 */
@Configuration(proxyBeanMethods = false)
class PredictionConsumerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> predictionBatchFactory(
            ConsumerFactory<Object, Object> consumers, DefaultErrorHandler errors, MonitoringProperties props) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(errors);
        factory.setConcurrency(props.predictionConsumers());
        factory.getContainerProperties().getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(props.maxPollRecords()));
        return factory;
    }
}
