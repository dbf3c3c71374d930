package io.mlops.inference.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventContentTypes;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.ProducerFactory;

/**
 * One background thread: every {@code drainInterval} (or at once while the buffer holds more than a batch)
 * it takes up to {@code batchSize} buffered events, groups them by what they share (model version, alias, shadow,
 * feature names), writes each group as PredictionMadeBatch records of at most {@code recordMaxPredictions} predictions
 * and about {@code recordMaxBytes} (Avro binary, {@link PredictionMadeBatchAvro}, or JSON, {@link PredictionMadeBatchJson},
 * named by the record's {@code content-type} header) and hands those to the Kafka producer (which
 * batches records into requests by {@code linger.ms}). A record per prediction cost the producer and the broker more
 * than the JSON (bench/inference/README.md); sent and dropped still count predictions, not records. It polls on a timer instead of
 * waiting on the buffer, so a prediction never pays for waking it. A send that fails, or that cannot even
 * start within {@code maxBlock} because Kafka is away, drops its events and counts them; the buffer
 * meanwhile fills and drops more at the hot path, which never waits. Not the outbox: prediction events
 * are many, may be sampled, and must not cost a database write per prediction.
 */
public class PredictionEventSender implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PredictionEventSender.class);

    private final PredictionEvents events;
    private final ProducerFactory<Object, Object> producers;
    private final EventsProperties properties;
    private final BatchRecordWriter writer;
    private final Header contentType;
    private final Counter sent;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running = true;
    private Producer<Object, Object> producer;
    private Thread thread;

    public PredictionEventSender(PredictionEvents events, ProducerFactory<Object, Object> producers,
                                 EventsProperties properties, String source, MeterRegistry registry) {
        this.events = events;
        this.producers = producers;
        this.properties = properties;
        this.writer = properties.format() == EventsProperties.Format.AVRO
                ? new PredictionMadeBatchAvro(source) : new PredictionMadeBatchJson(source);
        this.contentType = new RecordHeader(EventContentTypes.HEADER, writer.contentType().getBytes(StandardCharsets.US_ASCII));
        this.sent = Counter.builder("mlops.inference.events.sent").description("predictions whose PredictionMadeBatch record Kafka acknowledged")
                .register(registry);
    }

    @Override
    public void afterPropertiesSet() {
        thread = Thread.ofPlatform().name("prediction-events").daemon(true).start(this::run);
    }

    private void run() {
        List<PredictionMade> batch = new ArrayList<>(properties.batchSize());
        long pause = properties.drainInterval().toNanos();
        while (running) {
            events.buffer().drainTo(batch, properties.batchSize());
            if (!batch.isEmpty()) {
                send(batch);
            }
            if (batch.size() < properties.batchSize()) {
                LockSupport.parkNanos(pause); // destroy() unparks to end the pause early
            }
            batch.clear();
        }
        // Shutting down: hand what is still buffered to the producer; closing it (destroy) sends it.
        while (events.buffer().drainTo(batch, properties.batchSize()) > 0) {
            send(batch);
            batch.clear();
        }
    }

    /** What the predictions of one batch record share. */
    private record Group(ModelVersionRef model, String alias, boolean shadow, List<String> featureNames) {
    }

    private void send(List<PredictionMade> batch) {
        Producer<Object, Object> kafka;
        try {
            kafka = producer();
        } catch (RuntimeException e) {
            events.countDropped(batch.size());
            log.debug("PredictionMade producer unavailable, {} events dropped: {}", batch.size(), e.toString());
            return;
        }
        // One timestamp per drained batch: the events in it were taken from the buffer in the same instant.
        Instant occurredAt = clock.instant();
        // Most drains hold one or two groups (a model version, and its shadow); a map keeps them in arrival order.
        Map<Group, List<PredictionMade>> groups = new LinkedHashMap<>();
        Group last = null;
        List<PredictionMade> lastGroup = null;
        for (PredictionMade event : batch) {
            List<String> names = PredictionMadeBatchJson.featureNames(event);
            // Consecutive events nearly always share their group, and their feature names are the same list instance
            // (the parser's shared row layout): compare those by reference before hashing 64 names into a map key
            // (6 % of the sender's samples, JFR).
            if (last == null || names != last.featureNames() || event.shadow() != last.shadow()
                    || !event.model().equals(last.model()) || !Objects.equals(event.alias(), last.alias())) {
                last = new Group(event.model(), event.alias(), event.shadow(), names);
                lastGroup = groups.computeIfAbsent(last, g -> new ArrayList<>());
            }
            lastGroup.add(event);
        }
        int unsent = batch.size();
        for (List<PredictionMade> group : groups.values()) {
            String key = group.getFirst().aggregateKey();
            for (int from = 0; from < group.size(); ) {
                // Not EventEnvelope.wrap, which draws the id from SecureRandom (see TimeOrderedIds), nor databind (see
                // PredictionMadeBatchJson): Avro binary, or the bytes EventJson.writeBytes writes, at a fraction of its CPU.
                byte[] value;
                try {
                    value = writer.write(TimeOrderedIds.next(), occurredAt, group, from, properties.recordMaxPredictions(),
                            (int) properties.recordMaxBytes().toBytes());
                } catch (RuntimeException e) {
                    // an event the writer cannot encode (e.g. a feature value JSON cannot write) must not end the sender
                    // thread: the rest of its group is dropped and counted, the other groups still go out
                    int rest = group.size() - from;
                    events.countDropped(rest);
                    unsent -= rest;
                    log.warn("{} PredictionMade events dropped: their record could not be written", rest, e);
                    break;
                }
                int predictions = writer.written();
                try {
                    kafka.send(new ProducerRecord<>(Topics.PREDICTIONS_MADE, null, key, value, List.of(contentType)),
                            counting(predictions));
                } catch (RuntimeException e) {
                    // Metadata or buffer space not available within max.block.ms: Kafka is away. Drop the rest too.
                    events.countDropped(unsent);
                    log.debug("PredictionMade send failed, {} events dropped: {}", unsent, e.toString());
                    return;
                }
                unsent -= predictions;
                from += predictions;
            }
        }
    }

    /** Counts a record's predictions once Kafka has answered for it: sent, or dropped. */
    private Callback counting(int predictions) {
        return (metadata, failure) -> {
            if (failure != null) {
                events.countDropped(predictions);
            } else {
                sent.increment(predictions);
            }
        };
    }

    private Producer<Object, Object> producer() {
        if (producer == null) {
            producer = producers.createProducer();
        }
        return producer;
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (thread != null) {
            // not interrupt(): an interrupted send would fail the events it was meant to deliver
            LockSupport.unpark(thread);
            thread.join(properties.maxBlock().toMillis() + 1000);
        }
        // Closing the producer sends what it holds (within its close timeout); failures are counted by the callback.
        producers.reset();
        // Whatever is left (the sender was stuck on an absent Kafka, or a prediction arrived during shutdown) is lost:
        // count it, so that sent + dropped still adds up to what the hot path offered.
        int left = events.buffer().size();
        events.buffer().clear();
        if (left > 0) {
            events.countDropped(left);
            log.warn("{} PredictionMade events still buffered at shutdown were dropped", left);
        }
    }
}
