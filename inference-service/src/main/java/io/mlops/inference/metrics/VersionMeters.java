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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * One loaded instance's hold on its version's meters ({@link InferenceMetrics#open}). Closing it (once; later
 * calls do nothing) removes this instance's queue from the depth gauge and, if no other instance of the
 * version holds the meters, removes them from the registry.
 */
public final class VersionMeters implements AutoCloseable {

    /** The meters of a version, with how many open instances hold them; changed only inside the owners' map. */
    static final class Shared {
        final ModelVersionRef ref;
        final Timer request;
        final Timer queue;
        final Timer compute;
        final DistributionSummary batchSize;
        final Counter failed;
        final Counter rejected;
        final Counter timedOut;
        final Gauge depth;
        final List<IntSupplier> depths = new CopyOnWriteArrayList<>();
        int owners;

        Shared(ModelVersionRef ref, MeterRegistry registry) {
            this.ref = ref;
            Tags tags = InferenceMetrics.tags(ref);
            request = Timer.builder("mlops.inference.request").description("Request latency, parse to answer")
                    .tags(tags).publishPercentileHistogram().register(registry);
            queue = Timer.builder("mlops.inference.queue").description("Time a request waited before its batch ran")
                    .tags(tags).publishPercentileHistogram().register(registry);
            compute = Timer.builder("mlops.inference.compute").description("Time of one batched prediction")
                    .tags(tags).publishPercentileHistogram().register(registry);
            batchSize = DistributionSummary.builder("mlops.inference.batch.size").description("Rows per batched prediction")
                    .tags(tags).serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128).register(registry);
            failed = Counter.builder("mlops.inference.failed.batches").tags(tags).register(registry);
            rejected = Counter.builder("mlops.inference.rejected").description("Requests refused: queue full")
                    .tags(tags).register(registry);
            timedOut = Counter.builder("mlops.inference.timed.out").description("Requests past their deadline")
                    .tags(tags).register(registry);
            depth = Gauge.builder("mlops.inference.queue.depth", depths, Shared::totalDepth)
                    .description("Requests waiting").tags(tags).strongReference(true).register(registry);
        }

        private static double totalDepth(List<IntSupplier> depths) {
            int total = 0;
            for (IntSupplier depth : depths) {
                total += depth.getAsInt();
            }
            return total;
        }

        void removeFrom(MeterRegistry registry) {
            for (Meter meter : List.of(request, queue, compute, batchSize, failed, rejected, timedOut, depth)) {
                registry.remove(meter);
            }
        }
    }

    private final InferenceMetrics owner;
    private final Shared meters;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile IntSupplier depth;

    VersionMeters(InferenceMetrics owner, Shared meters) {
        this.owner = owner;
        this.meters = meters;
    }

    /** End-to-end time of one predict or infer call on this version. */
    public void recordRequest(long nanos) {
        meters.request.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The batching hooks of this instance, and its queue in the version's depth gauge. */
    public BatchingListener listener(IntSupplier queueDepth) {
        this.depth = queueDepth;
        meters.depths.add(queueDepth);
        Shared m = meters;
        return new BatchingListener() {
            @Override
            public void requestDequeued(long queueNanos) {
                m.queue.record(queueNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void batchCompleted(int rows, int requests, long computeNanos) {
                m.compute.record(computeNanos, TimeUnit.NANOSECONDS);
                m.batchSize.record(rows);
            }

            @Override
            public void batchFailed(int rows, int requests, Throwable cause) {
                m.failed.increment();
            }

            @Override
            public void requestRejected(int queueDepth) {
                m.rejected.increment();
            }

            @Override
            public void requestTimedOut(long queuedNanos) {
                m.timedOut.increment();
            }
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            IntSupplier mine = depth;
            if (mine != null) {
                meters.depths.remove(mine);
            }
            owner.release(meters);
        }
    }
}
