package io.mlops.feature.materialization;

import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.feature.featureset.MaterializationScheduler;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues jobs as rows (state in Postgres) and runs them on a small pool once the row is committed;
 * follow-latest refits ({@link Refitter}) run on the same pool.
 * Jobs left QUEUED or RUNNING by a stopped instance are run again from the start: at startup and then every
 * {@code resume-interval}, each unfinished job that no instance holds ({@link JobLocks}), so a second replica
 * takes over a crashed one's jobs without waiting for a restart, and never reruns a live one's.
 */
@Service
class MaterializationService implements MaterializationScheduler {

    private static final Logger log = LoggerFactory.getLogger(MaterializationService.class);

    private final JobRepository jobs;
    private final Materializer materializer;
    private final ExecutorService pool;
    private final ScheduledExecutorService sweeper;
    private final MaterializationProperties properties;
    /** Jobs queued or running on this instance: the sweep does not queue them again behind themselves. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    MaterializationService(JobRepository jobs, Materializer materializer, MaterializationProperties properties) {
        this.jobs = jobs;
        this.materializer = materializer;
        this.properties = properties;
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.threads()),
                Thread.ofPlatform().name("materialize-", 0).daemon(true).factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("materialize-resume").daemon(true).factory());
    }

    @Override
    public UUID schedule(FeatureSetVersionRef version) {
        UUID id = UUID.randomUUID();
        jobs.insert(id, version.featureSet(), version.version());
        onCommit(() -> submit(id));
        return id;
    }

    /**
     * Runs {@code task} on the pool once the current transaction commits (never if it rolls back),
     * or now when there is none: the task reads rows that the transaction writes.
     */
    void afterCommit(Runnable task) {
        onCommit(() -> pool.execute(task));
    }

    private static void onCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void submit(UUID id) {
        if (!inFlight.add(id)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    materializer.run(id);
                } finally {
                    inFlight.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(id); // shutting down: the next instance resumes it
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        if (!properties.resumeOnStartup()) {
            return;
        }
        sweeper.scheduleWithFixedDelay(this::resumeSweep, 0, properties.resumeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resumeSweep() {
        try {
            jobs.unfinished().forEach(this::submit);
        } catch (RuntimeException e) {
            log.warn("Looking for unfinished materializations failed; trying again in {}", properties.resumeInterval(), e);
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        pool.shutdownNow();
    }
}
