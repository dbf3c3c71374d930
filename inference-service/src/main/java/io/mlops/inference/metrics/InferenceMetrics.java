package io.mlops.inference.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.ModelVersionRef;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every custom inference metric, tagged {@code model} and {@code version} (Prometheus names in the README:
 * {@code mlops_inference_request_seconds}, {@code mlops_inference_batch_size}, ...). A loaded instance of a
 * version takes its meters with {@link #open}; they are removed when the last instance holding them closes,
 * so Prometheus stops seeing versions that are gone, and an old instance draining while the same version is
 * loaded again cannot remove the new one's meters. Meters are built once and cached: the request path only
 * records.
 */
public final class InferenceMetrics {

    private final MeterRegistry registry;
    private final Map<ModelVersionRef, VersionMeters.Shared> open = new ConcurrentHashMap<>();
    private final Map<ModelVersionRef, Counter> hits = new ConcurrentHashMap<>();
    private final Map<ModelVersionRef, Counter> misses = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    static Tags tags(ModelVersionRef ref) {
        return Tags.of("model", ref.model(), "version", Integer.toString(ref.version()));
    }

    /**
     * The meters of one loaded instance of {@code ref}, registered by the first instance and shared with any
     * other instance of the same version open at the time; close the handle when the instance closes.
     */
    public VersionMeters open(ModelVersionRef ref) {
        VersionMeters.Shared shared = open.compute(ref, (r, existing) -> {
            VersionMeters.Shared meters = existing != null ? existing : new VersionMeters.Shared(r, registry);
            meters.owners++;
            return meters;
        });
        return new VersionMeters(this, shared);
    }

    /** Called by a handle's close: the last owner out removes the meters. */
    void release(VersionMeters.Shared shared) {
        open.computeIfPresent(shared.ref, (r, current) -> {
            if (current != shared) {
                return current;
            }
            if (--current.owners > 0) {
                return current;
            }
            current.removeFrom(registry);
            return null;
        });
    }

    /** Whether meters of {@code ref} are registered now (for tests and diagnostics). */
    public boolean isOpen(ModelVersionRef ref) {
        return open.containsKey(ref);
    }

    public void recordLoad(ModelVersionRef ref, Duration took) {
        Timer.builder("mlops.inference.model.load").description("Download, verify, unpack, load and warm a version")
                .tags(tags(ref)).register(registry).record(took);
    }

    public void cacheHit(ModelVersionRef ref) {
        // Every request counts a hit: a plain read first, the registering computeIfAbsent only the first time.
        Counter counter = hits.get(ref);
        if (counter == null) {
            counter = hits.computeIfAbsent(ref, r -> Counter.builder("mlops.inference.cache.hits").tags(tags(r))
                    .register(registry));
        }
        counter.increment();
    }

    public void cacheMiss(ModelVersionRef ref) {
        misses.computeIfAbsent(ref, r -> Counter.builder("mlops.inference.cache.misses").tags(tags(r)).register(registry))
                .increment();
    }

    /** A version left the cache (eviction or undeploy); counted, and the counter stays. */
    public void evicted(ModelVersionRef ref) {
        Counter.builder("mlops.inference.cache.evictions").tags(tags(ref)).register(registry).increment();
    }
}
