package io.mlops.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.Topics;
import io.mlops.support.outbox.OutboxProperties;
import io.mlops.support.outbox.OutboxRelay;
import io.mlops.support.outbox.OutboxWriter;
import io.mlops.testsupport.RealInfrastructure;
import io.mlops.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event guarantees every service relies on, against a real Postgres and a real Kafka broker:
 * outbox atomicity, at-least-once relaying with exactly-once effects, and dead-lettering.
 */
@SpringBootTest
@ActiveProfiles("support-test")
@RealInfrastructure(redis = false)
class EventPipelineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired OutboxWriter outbox;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired OutboxProperties props;
    @Autowired MeterRegistry meters;
    @Autowired RecordingListener listener;

    @Test
    void anEventWrittenInARolledBackTransactionIsNeverPublished() {
        UUID rolledBack = tx.execute(status -> {
            UUID id = outbox.append(Events.ingested("rolled-back", 1)).eventId();
            status.setRollbackOnly();
            return id;
        });
        UUID committed = tx.execute(status -> outbox.append(Events.ingested("committed", 1)).eventId());

        relay.relayOnce();

        // the committed event was written after the rolled-back one; once it is consumed, the other would have been too
        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.effectsOf(committed)).isEqualTo(1));
        assertThat(listener.deliveriesOf(rolledBack)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_id = ?").param(rolledBack).query(Long.class).single()).isZero();
    }

    @Test
    void aCommittedEventIsProcessedExactlyOnceEvenWhenTheRelayDiesBetweenSendingAndMarking() {
        UUID id = tx.execute(status -> outbox.append(Events.ingested("crashy", 1)).eventId());

        // the relay sends, Kafka acknowledges, then the process dies before its transaction commits the marking
        tx.execute(status -> {
            assertThat(relay.relayOnce()).isPositive();
            status.setRollbackOnly();
            return null;
        });
        assertThat(isMarkedPublished(id)).isFalse();
        await().atMost(WAIT).until(() -> listener.deliveriesOf(id) == 1);

        // a restarted relay finds the event unmarked and sends it again
        OutboxRelay restarted = new OutboxRelay(jdbc, tx, kafka, props, meters);
        assertThat(restarted.relayOnce()).isPositive();

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.deliveriesOf(id)).isEqualTo(2));
        assertThat(listener.effectsOf(id)).isEqualTo(1);
        assertThat(isMarkedPublished(id)).isTrue();
    }

    @Test
    void anEventKafkaCanNeverAcceptIsParkedAndDoesNotBlockTheOnesBehindIt() {
        // a row as a buggy writer could leave it: twice the producer's max.request.size (1 MiB)
        UUID tooLarge = UUID.randomUUID();
        String huge = "{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        tx.execute(status -> jdbc.sql("""
                INSERT INTO outbox_event (event_id, event_type, topic, record_key, payload)
                VALUES (?, 'DataIngested', ?, 'too-large', ?::jsonb)""")
                .params(tooLarge, Topics.DATA_INGESTED, huge).update());
        UUID behind = tx.execute(status -> outbox.append(Events.ingested("behind-the-large-one", 1)).eventId());

        relay.relayOnce();

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.effectsOf(behind)).isEqualTo(1));
        assertThat(jdbc.sql("SELECT parked_at IS NOT NULL AND published_at IS NULL FROM outbox_event WHERE event_id = ?")
                .param(tooLarge).query(Boolean.class).single()).isTrue();
        assertThat(meters.find("mlops.outbox.parked").counter().count()).isPositive();
        assertThat(relay.relayOnce()).as("a parked event is not retried").isZero();
    }

    @Test
    void anUndeserializableRecordGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        byte[] poison = "{ this is not an event".getBytes(StandardCharsets.UTF_8);
        double before = deadLettered();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.DATA_INGESTED, "poison", poison));
        }
        // not retried: the 7.5 s of retries (application-support-test.yml) would be well past this
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLettered() > before);
        UUID after = tx.execute(status -> outbox.append(Events.ingested("after-poison", 1)).eventId());
        relay.relayOnce();

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.effectsOf(after)).isEqualTo(1));
        assertThat(deadLetters()).anySatisfy(record -> assertThat(record.value()).isEqualTo(poison));
        assertThat(deadLettered() - before).as("dead letters counted").isEqualTo(1);
    }

    @Test
    void anEventThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
        UUID failing = tx.execute(status -> outbox.append(Events.ingested("always-fails", RecordingListener.FAILING_ROW_COUNT)).eventId());
        UUID next = tx.execute(status -> outbox.append(Events.ingested("next", 1)).eventId());
        relay.relayOnce();

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.effectsOf(next)).isEqualTo(1));
        assertThat(listener.deliveriesOf(failing)).isEqualTo(5); // retry-attempts in application-support-test.yml
        assertThat(deadLetters()).anySatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(failing.toString()).contains("always-fails"));
    }

    @Test
    void anEventThatFailsWhileAPeerRestartsIsRetriedUntilItsEffectIsApplied() {
        double before = deadLettered();
        UUID flaky = tx.execute(status -> outbox.append(Events.ingested("flaky", RecordingListener.FLAKY_ROW_COUNT)).eventId());
        UUID next = tx.execute(status -> outbox.append(Events.ingested("after-flaky", 1)).eventId());
        relay.relayOnce();

        // it fails for 2.5 s; the back-off (0.5, 1, 2 s) brings a fourth delivery at 3.5 s, which succeeds
        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.effectsOf(next)).isEqualTo(1));
        assertThat(listener.effectsOf(flaky)).isEqualTo(1);
        assertThat(listener.deliveriesOf(flaky)).isGreaterThan(1);
        assertThat(deadLettered()).as("dead letters").isEqualTo(before);
    }

    private double deadLettered() {
        var counter = meters.find("mlops.events.dead.lettered").tag("topic", Topics.DATA_INGESTED).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean isMarkedPublished(UUID id) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?").param(id).query(Boolean.class).single();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.DATA_INGESTED)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
