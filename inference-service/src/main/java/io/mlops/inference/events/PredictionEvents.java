package io.mlops.inference.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.PredictionMade;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hot path's side of PredictionMade: a bounded buffer that never blocks. {@link #offer} samples, then
 * either queues the event or, when the buffer is full (Kafka slow or away), drops it and counts it in
 * {@code mlops_inference_events_dropped_total}. {@link PredictionEventSender} drains it in the background.
 */
public class PredictionEvents {

    private final EventsProperties properties;
    private final BlockingQueue<PredictionMade> buffer;
    private final Counter dropped;

    public PredictionEvents(EventsProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.buffer = new ArrayBlockingQueue<>(properties.bufferCapacity());
        this.dropped = Counter.builder("mlops.inference.events.dropped")
                .description("PredictionMade events dropped: buffer full or send failed").register(registry);
        Gauge.builder("mlops.inference.events.buffered", buffer, BlockingQueue::size)
                .description("PredictionMade events waiting to be sent").register(registry);
    }

    /** Whether any row may be announced: callers build what only events need (features) when this is true. */
    public boolean enabled() {
        return properties.enabled() && properties.sampleRate() > 0;
    }

    /** Whether this row's event should be built at all (sampling happens before any allocation). */
    public boolean sampled() {
        double rate = properties.sampleRate();
        return properties.enabled() && (rate >= 1.0 || ThreadLocalRandom.current().nextDouble() < rate);
    }

    /** Never blocks; drops and counts when the buffer is full. */
    public void offer(PredictionMade event) {
        if (!buffer.offer(event)) {
            dropped.increment();
        }
    }

    BlockingQueue<PredictionMade> buffer() {
        return buffer;
    }

    void countDropped(int events) {
        dropped.increment(events);
    }

    public double droppedCount() {
        return dropped.count();
    }
}
