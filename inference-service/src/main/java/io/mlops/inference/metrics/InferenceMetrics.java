package io.mlops.inference.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.BatchingListener;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Every custom inference metric, tagged {@code model} and {@code version} (Prometheus names in the README:
 * {@code mlops_inference_request_seconds}, {@code mlops_inference_batch_size}, ...). A version's meters are
 * removed when it is closed, so Prometheus stops seeing versions that are gone.
 */
public final class InferenceMetrics {

    private final MeterRegistry registry;
    private final Map<ModelVersionRef, List<Meter>> byVersion = new ConcurrentHashMap<>();
    private final Map<ModelVersionRef, Timer> requestTimers = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    static Tags tags(ModelVersionRef ref) {
        return Tags.of("model", ref.model(), "version", Integer.toString(ref.version()));
    }

    /** The batching hooks of one version, and its queue-depth gauge over {@code queueDepth}. */
    public BatchingListener listenerFor(ModelVersionRef ref, IntSupplier queueDepth) {
        Tags tags = tags(ref);
        Timer queue = Timer.builder("mlops.inference.queue").description("Time a request waited before its batch ran")
                .tags(tags).publishPercentileHistogram().register(registry);
        Timer compute = Timer.builder("mlops.inference.compute").description("Time of one batched prediction")
                .tags(tags).publishPercentileHistogram().register(registry);
        DistributionSummary batchSize = DistributionSummary.builder("mlops.inference.batch.size")
                .description("Rows per batched prediction").tags(tags)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128).register(registry);
        Counter failed = Counter.builder("mlops.inference.failed.batches").tags(tags).register(registry);
        Counter rejected = Counter.builder("mlops.inference.rejected").description("Requests refused: queue full")
                .tags(tags).register(registry);
        Counter timedOut = Counter.builder("mlops.inference.timed.out").description("Requests past their deadline")
                .tags(tags).register(registry);
        Gauge depth = Gauge.builder("mlops.inference.queue.depth", queueDepth, s -> s.getAsInt())
                .description("Requests waiting").tags(tags).strongReference(true).register(registry);
        remember(ref, queue, compute, batchSize, failed, rejected, timedOut, depth);
        return new BatchingListener() {
            @Override
            public void requestDequeued(long queueNanos) {
                queue.record(queueNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void batchCompleted(int rows, int requests, long computeNanos) {
                compute.record(computeNanos, TimeUnit.NANOSECONDS);
                batchSize.record(rows);
            }

            @Override
            public void batchFailed(int rows, int requests, Throwable cause) {
                failed.increment();
            }

            @Override
            public void requestRejected(int queueDepth) {
                rejected.increment();
            }

            @Override
            public void requestTimedOut(long queuedNanos) {
                timedOut.increment();
            }
        };
    }

    /** End-to-end time of one predict or infer call on this version. */
    public void recordRequest(ModelVersionRef ref, long nanos) {
        requestTimers.computeIfAbsent(ref, r -> {
            Timer timer = Timer.builder("mlops.inference.request").description("Request latency, parse to answer")
                    .tags(tags(r)).publishPercentileHistogram().register(registry);
            remember(r, timer);
            return timer;
        }).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordLoad(ModelVersionRef ref, Duration took) {
        Timer.builder("mlops.inference.model.load").description("Download, verify, unpack, load and warm a version")
                .tags(tags(ref)).register(registry).record(took);
    }

    public void cacheHit(ModelVersionRef ref) {
        Counter.builder("mlops.inference.cache.hits").tags(tags(ref)).register(registry).increment();
    }

    public void cacheMiss(ModelVersionRef ref) {
        Counter.builder("mlops.inference.cache.misses").tags(tags(ref)).register(registry).increment();
    }

    /** A version left the cache (eviction or undeploy); its per-version meters go too, the counters stay. */
    public void evicted(ModelVersionRef ref) {
        Counter.builder("mlops.inference.cache.evictions").tags(tags(ref)).register(registry).increment();
        requestTimers.remove(ref);
        List<Meter> meters = byVersion.remove(ref);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private void remember(ModelVersionRef ref, Meter... meters) {
        byVersion.computeIfAbsent(ref, r -> new CopyOnWriteArrayList<>()).addAll(List.of(meters));
    }
}
