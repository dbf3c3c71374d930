package io.mlops.monitoring.window;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.ModelVersionRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the consumer threads' deduplicated batches with group commit: a thread that finds no write in progress
 * writes its batch together with every batch other threads queued meanwhile, in one transaction (one lock of each
 * model version's open window, one COPY, one commit), and each thread returns once its own batch is committed. With
 * one consumer thread this is exactly one transaction per batch; with several on the same model version they no
 * longer queue on its open-window row lock one commit at a time (bench/monitoring measured the intake transactions
 * of three threads taking turns for most of the wall time). If a merged transaction fails, each batch of the group
 * is written again alone, so one batch's fault (a duplicate key, say) fails only its own listener, which the error
 * handler retries or dead-letters as before. The caller commits its Kafka offsets only after {@link #write} returns.
 */
@Component
class IntakeWriter {

    /** New events of one listener batch and their COPY rows ({@link PredictionLog#copyRow}), in the same order. */
    record Batch(List<PredictionRow> events, List<String> copyRows) {
    }

    private final PredictionLog log;
    private final Windows windows;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final DistributionSummary groupSize;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();

    IntakeWriter(PredictionLog log, Windows windows, TransactionTemplate tx, MeterRegistry meters) {
        this.log = log;
        this.windows = windows;
        this.tx = tx;
        this.meters = meters;
        this.groupSize = DistributionSummary.builder("mlops.monitoring.intake.group")
                .description("listener batches stored per intake transaction (group commit)").register(meters);
    }

    /**
     * Stores the batch and returns once it is committed; throws what its transaction threw. Returns the windows that
     * this thread's transactions filled (CLOSING), for the caller to judge: a thread whose batch another thread wrote
     * gets none.
     */
    List<UUID> write(Batch batch) {
        Pending mine = new Pending(batch);
        queued.add(mine);
        List<UUID> closing = List.of();
        writing.lock();
        try {
            // a batch queued before the last writer drained the queue was written by it (done, or failed)
            if (!mine.done) {
                List<Pending> group = new ArrayList<>();
                for (Pending p = queued.poll(); p != null; p = queued.poll()) {
                    group.add(p);
                }
                closing = commit(group);
            }
        } finally {
            writing.unlock();
        }
        if (!mine.done) {
            throw new IllegalStateException("intake batch neither written nor failed");
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return closing;
    }

    private List<UUID> commit(List<Pending> group) {
        groupSize.record(group.size());
        try {
            List<UUID> closing;
            try {
                closing = transaction(group.size() == 1 ? group.getFirst().batch : merged(group));
                group.forEach(p -> p.done = true);
            } catch (RuntimeException e) {
                if (group.size() == 1) {
                    group.getFirst().fail(e);
                    return List.of();
                }
                // the merged transaction rolled back as a whole: each batch again, alone, so only a faulty one fails
                closing = new ArrayList<>();
                for (Pending p : group) {
                    try {
                        closing.addAll(transaction(p.batch));
                        p.done = true;
                    } catch (RuntimeException alone) {
                        p.fail(alone);
                    }
                }
            }
            return closing;
        } catch (Error e) {
            group.stream().filter(p -> !p.done).forEach(p -> p.fail(new IllegalStateException("intake transaction aborted", e)));
            throw e;
        }
    }

    private static Batch merged(List<Pending> group) {
        int size = group.stream().mapToInt(p -> p.batch.events().size()).sum();
        List<PredictionRow> events = new ArrayList<>(size);
        List<String> rows = new ArrayList<>(size);
        for (Pending p : group) {
            events.addAll(p.batch.events());
            rows.addAll(p.batch.copyRows());
        }
        return new Batch(events, rows);
    }

    /** One transaction: places the rows in their model versions' windows, COPYs them, marks the windows they filled CLOSING. */
    private List<UUID> transaction(Batch batch) {
        List<PredictionRow> events = batch.events();
        // model versions in a fixed order, so that writers (of this and other instances) lock open windows in the same order
        Map<ModelVersionRef, List<Integer>> byModel = new TreeMap<>(Comparator.comparing(ModelVersionRef::model)
                .thenComparingInt(ModelVersionRef::version));
        for (int i = 0; i < events.size(); i++) {
            byModel.computeIfAbsent(events.get(i).model(), m -> new ArrayList<>()).add(i);
        }
        long t1 = System.nanoTime();
        List<UUID> closing = tx.execute(status -> {
            long t2 = System.nanoTime();
            UUID[] windowOf = new UUID[events.size()];
            List<Windows.Placement> placements = new ArrayList<>();
            byModel.forEach((model, indexes) -> {
                Windows.Placement placement = windows.place(model, indexes.size());
                int next = 0;
                for (Windows.Run run : placement.runs()) {
                    for (int r = 0; r < run.rows(); r++) {
                        windowOf[indexes.get(next++)] = run.windowId();
                    }
                }
                placements.add(placement);
            });
            phase(meters, "place", t2);
            long t3 = System.nanoTime();
            log.copy(batch.copyRows(), windowOf);
            phase(meters, "copy", t3);
            long t4 = System.nanoTime();
            List<UUID> filled = new ArrayList<>();
            placements.forEach(p -> filled.addAll(windows.settle(p)));
            phase(meters, "settle", t4);
            return filled;
        });
        phase(meters, "transaction", t1);
        return closing;
    }

    /**
     * Time per batch in each step of the intake, {@code mlops_monitoring_intake_seconds{phase}}: dedupe (query for
     * stored ids), place (the open windows' locks), copy, settle, transaction (all of it, commit included, per group)
     * and judge.
     */
    static void phase(MeterRegistry meters, String name, long startNanos) {
        Timer.builder("mlops.monitoring.intake").description("PredictionMade intake time per batch, by step").tag("phase", name)
                .register(meters).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A batch waiting to be written; its fields are written and read under {@link #writing}. */
    private static final class Pending {

        private final Batch batch;
        private boolean done;
        private RuntimeException failure;

        Pending(Batch batch) {
            this.batch = batch;
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }
    }
}
