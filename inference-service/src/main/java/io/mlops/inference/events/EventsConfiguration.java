package io.mlops.inference.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The PredictionMade pipeline. Its own producer over a copy of the shared producer settings with a
 * short {@code max.block.ms}, so a Kafka outage stalls only the sender thread briefly before it drops, and
 * with compression, a longer linger and larger batches, since these events are many and nobody waits for them.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    PredictionEvents predictionEvents(EventsProperties properties, MeterRegistry registry) {
        return new PredictionEvents(properties, registry);
    }

    @Bean
    PredictionEventSender predictionEventSender(PredictionEvents events, ProducerFactory<Object, Object> producers,
                                                EventsProperties properties, MeterRegistry registry,
                                                @Value("${spring.application.name}") String source) {
        ProducerFactory<Object, Object> own = producers;
        if (producers instanceof DefaultKafkaProducerFactory<Object, Object> shared) {
            ProducerFactory<Object, Object> copy = shared.copyWithConfigurationOverride(Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.maxBlock().toMillis(),
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.compression(),
                    ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis(),
                    ProducerConfig.BATCH_SIZE_CONFIG, (int) properties.producerBatchSize().toBytes()));
            // Shutdown flushes what the producer holds, but with Kafka away that would wait out the default 30 s;
            // bound it like a send (what does not make it is counted as dropped by the sender's callback).
            if (copy instanceof DefaultKafkaProducerFactory<Object, Object> factory) {
                factory.setPhysicalCloseTimeout((int) Math.max(1, properties.maxBlock().toSeconds()));
            }
            own = copy;
        }
        return new PredictionEventSender(events, own, properties, source, registry);
    }
}
