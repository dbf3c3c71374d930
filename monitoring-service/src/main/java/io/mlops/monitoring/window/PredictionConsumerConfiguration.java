package io.mlops.monitoring.window;

import io.mlops.monitoring.MonitoringProperties;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * A batch listener container for PredictionMade, with the platform's error handler (retries, then the DLT), batches
 * of {@code mlops.monitoring.max-poll-records} and {@code mlops.monitoring.prediction-consumers} consumer threads.
 * Offsets are committed after the listener returns (the container's default BATCH ack mode), that is after the
 * batch's transaction committed. Its values are read by {@link PredictionRowDeserializer} instead of the platform's
 * envelope deserializer (the same configuration and consumer listeners otherwise); a record it refuses still goes
 * to the DLT through the ErrorHandlingDeserializer, with its original bytes.
 */
@Configuration(proxyBeanMethods = false)
class PredictionConsumerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, List<PredictionRow>> predictionBatchFactory(
            ConsumerFactory<Object, Object> consumers, DefaultErrorHandler errors, MonitoringProperties props) {
        var rows = new DefaultKafkaConsumerFactory<String, List<PredictionRow>>(consumers.getConfigurationProperties(),
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new PredictionRowDeserializer()));
        if (consumers instanceof DefaultKafkaConsumerFactory<Object, Object> platform) {
            // e.g. Micrometer's client metrics, registered by Boot on the platform factory
            platform.getListeners().forEach(l -> rows.addListener(castListener(l)));
        }
        var factory = new ConcurrentKafkaListenerContainerFactory<String, List<PredictionRow>>();
        factory.setConsumerFactory(rows);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(errors);
        factory.setConcurrency(props.predictionConsumers());
        factory.getContainerProperties().getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(props.maxPollRecords()));
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConsumerFactory.Listener<String, List<PredictionRow>> castListener(ConsumerFactory.Listener listener) {
        // listeners see consumers by id and client metrics only, not records, so their type parameters do not matter
        return listener;
    }
}
