package io.mlops.inference.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.ProducerFactory;

/**
 * One background thread: every {@code drainInterval} (or at once while the buffer holds more than a batch)
 * it takes up to {@code batchSize} buffered events, writes each as its envelope JSON ({@link PredictionMadeJson}) and hands it to the
 * Kafka producer (which batches them into requests by {@code linger.ms}). It polls on a timer instead of
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
    private final PredictionMadeJson json;
    private final Counter sent;
    private final Clock clock = Clock.systemUTC();
    /** One callback for every record: counts, and allocates nothing per send. */
    private final Callback counting;
    private volatile boolean running = true;
    private Producer<Object, Object> producer;
    private Thread thread;

    public PredictionEventSender(PredictionEvents events, ProducerFactory<Object, Object> producers,
                                 EventsProperties properties, String source, MeterRegistry registry) {
        this.events = events;
        this.producers = producers;
        this.properties = properties;
        this.json = new PredictionMadeJson(source);
        this.sent = Counter.builder("mlops.inference.events.sent").description("PredictionMade events handed to Kafka")
                .register(registry);
        this.counting = (metadata, failure) -> {
            if (failure != null) {
                events.countDropped(1);
            } else {
                sent.increment();
            }
        };
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
        for (int i = 0; i < batch.size(); i++) {
            PredictionMade event = batch.get(i);
            // Not EventEnvelope.wrap, which draws the id from SecureRandom (see TimeOrderedIds); and written by
            // PredictionMadeJson, the bytes EventJson.writeBytes writes for the same envelope, at a fraction of its CPU.
            String key = event.aggregateKey();
            try {
                kafka.send(new ProducerRecord<>(Topics.PREDICTIONS_MADE, key,
                        json.write(TimeOrderedIds.next(), occurredAt, key, event)), counting);
            } catch (RuntimeException e) {
                // Metadata or buffer space not available within max.block.ms: Kafka is away. Drop the rest too.
                events.countDropped(batch.size() - i);
                log.debug("PredictionMade send failed, {} events dropped: {}", batch.size() - i, e.toString());
                return;
            }
        }
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
