package io.mlops.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventType;
import io.mlops.events.MalformedEvent;
import io.mlops.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every service's consumers read {@link EventEnvelope}s through an ErrorHandlingDeserializer; a record
 * that cannot be read goes to {@code <topic>.DLT} at once, one that still fails after {@code retryAttempts}
 * deliveries with exponential back-off goes there too, and the consumer moves on. Every dead letter is
 * counted in {@code mlops_events_dead_lettered_total{topic}}. Producers send the outbox's JSON strings,
 * envelopes, and dead letters' raw bytes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer envelopeConsumerFactoryCustomizer() {
        return factory -> configureConsumer(factory);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureConsumer(DefaultKafkaConsumerFactory factory) {
        factory.setKeyDeserializer(new StringDeserializer());
        factory.setValueDeserializer(new ErrorHandlingDeserializer<>(new EnvelopeDeserializer()));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer envelopeProducerFactoryCustomizer() {
        return factory -> configureProducer(factory);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureProducer(DefaultKafkaProducerFactory factory) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(String.class, new StringSerializer());
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(EventEnvelope.class, new EnvelopeSerializer());
        factory.setKeySerializer(new StringSerializer());
        factory.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, MessagingProperties props, MeterRegistry meters) {
        var publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            publisher.accept(record, consumer, exception);
            // counted once published: a failed publish throws, and the record is tried again
            meters.counter("mlops.events.dead.lettered", "topic", record.topic()).increment();
        };
        var backOff = new ExponentialBackOffWithMaxRetries(props.retryAttempts() - 1);
        backOff.setInitialInterval(props.retryBackoff().toMillis());
        backOff.setMultiplier(props.retryMultiplier());
        backOff.setMaxInterval(props.retryMaxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // DeserializationException (a record listener's unreadable record) is not retryable by default
        handler.addNotRetryableExceptions(MalformedEvent.class);
        // a batch listener names an unreadable record with BatchListenerFailedException, which says nothing of why
        handler.setBackOffFunction((record, exception) -> unreadable(record) ? NO_RETRIES : null);
        return handler;
    }

    private static final FixedBackOff NO_RETRIES = new FixedBackOff(0, 0);

    /** The ErrorHandlingDeserializer left the record's key or value null and put why in a header. */
    private static boolean unreadable(ConsumerRecord<?, ?> record) {
        return record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null
                || record.headers().lastHeader(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER) != null;
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(MessagingProperties props) {
        List<NewTopic> topics = new ArrayList<>();
        // distinct: PredictionMade and PredictionMadeBatch share their topic
        for (String topic : Arrays.stream(EventType.values()).map(EventType::topic).distinct().toList()) {
            topics.add(new NewTopic(topic, props.topicPartitions(), props.topicReplicas()));
            topics.add(new NewTopic(Topics.deadLetter(topic), props.topicPartitions(), props.topicReplicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
