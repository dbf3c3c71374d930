package io.mlops.feature.materialization;

import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.feature.featureset.MaterializationScheduler;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues jobs as rows (state in Postgres) and runs them on a small pool once the row is committed;
 * follow-latest refits ({@link Refitter}) run on the same pool.
 * At startup, jobs left QUEUED or RUNNING by a stopped instance are run again from the start.
 */
@Service
class MaterializationService implements MaterializationScheduler {

    private final JobRepository jobs;
    private final Materializer materializer;
    private final ExecutorService pool;
    private final boolean resumeOnStartup;

    MaterializationService(JobRepository jobs, Materializer materializer, MaterializationProperties properties) {
        this.jobs = jobs;
        this.materializer = materializer;
        this.resumeOnStartup = properties.resumeOnStartup();
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.threads()),
                Thread.ofPlatform().name("materialize-", 0).daemon(true).factory());
    }

    @Override
    public UUID schedule(FeatureSetVersionRef version) {
        UUID id = UUID.randomUUID();
        jobs.insert(id, version.featureSet(), version.version());
        afterCommit(() -> materializer.run(id));
        return id;
    }

    /**
     * Runs {@code task} on the pool once the current transaction commits (never if it rolls back),
     * or now when there is none: the task reads rows that the transaction writes.
     */
    void afterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pool.execute(task);
                }
            });
        } else {
            pool.execute(task);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        if (!resumeOnStartup) {
            return;
        }
        jobs.unfinished().forEach(id -> afterCommit(() -> materializer.run(id)));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
