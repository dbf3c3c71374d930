package io.mlops.inference.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One background thread: takes up to {@code batchSize} buffered events, hands them to the Kafka producer
 * (which batches them into requests by {@code linger.ms}), and goes on. A send that fails, or that cannot
 * even start within {@code maxBlock} because Kafka is away, drops its events and counts them; the buffer
 * meanwhile fills and drops more at the hot path, which never waits. Not the outbox: prediction events
 * are many, may be sampled, and must not cost a database write per prediction.
 */
public class PredictionEventSender implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PredictionEventSender.class);
    private static final EventType TYPE = EventType.PREDICTION_MADE;

    private final PredictionEvents events;
    private final KafkaTemplate<Object, Object> kafka;
    private final EventsProperties properties;
    private final String source;
    private final Counter sent;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running = true;
    private Thread thread;

    public PredictionEventSender(PredictionEvents events, KafkaTemplate<Object, Object> kafka, EventsProperties properties,
                                 String source, MeterRegistry registry) {
        this.events = events;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.sent = Counter.builder("mlops.inference.events.sent").description("PredictionMade events handed to Kafka")
                .register(registry);
    }

    @Override
    public void afterPropertiesSet() {
        thread = Thread.ofPlatform().name("prediction-events").daemon(true).start(this::run);
    }

    private void run() {
        List<PredictionMade> batch = new ArrayList<>(properties.batchSize());
        while (running) {
            try {
                PredictionMade first = events.buffer().poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                events.buffer().drainTo(batch, properties.batchSize() - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<PredictionMade> batch) {
        for (int i = 0; i < batch.size(); i++) {
            PredictionMade event = batch.get(i);
            // EventEnvelope.wrap would draw the id from SecureRandom; see TimeOrderedIds.
            EventEnvelope<PredictionMade> envelope = new EventEnvelope<>(TimeOrderedIds.next(), TYPE.wireName(),
                    TYPE.schemaVersion(), clock.instant(), source, event.aggregateKey(), event);
            try {
                kafka.send(Topics.PREDICTIONS_MADE, envelope.key(), envelope).whenComplete((result, failure) -> {
                    if (failure != null) {
                        events.countDropped(1);
                    } else {
                        sent.increment();
                    }
                });
            } catch (RuntimeException e) {
                // Metadata or buffer space not available within max.block.ms: Kafka is away. Drop the rest too.
                events.countDropped(batch.size() - i);
                log.debug("PredictionMade send failed, {} events dropped: {}", batch.size() - i, e.toString());
                return;
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(properties.maxBlock().toMillis() + 1000);
        }
        kafka.getProducerFactory().reset();
    }
}
