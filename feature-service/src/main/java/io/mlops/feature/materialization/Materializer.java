package io.mlops.feature.materialization;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.FeaturesCreated;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetVersion;
import io.mlops.feature.source.DatasetSource;
import io.mlops.feature.source.DatasetVersionInfo;
import io.mlops.support.outbox.OutboxWriter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job: offline table first (the source of truth), then Redis from it, then the job's
 * success and FeaturesCreated in one transaction. Any failure marks the job FAILED with its message;
 * running the job again redoes it from scratch, which the writers make idempotent. A run holds the
 * job's {@link JobLocks lock} throughout, so no two instances run one job at once.
 */
@Component
class Materializer {

    private static final Logger log = LoggerFactory.getLogger(Materializer.class);

    private static final int ONLINE_ATTEMPTS = 3;

    private final JobRepository jobs;
    private final FeatureSetRepository featureSets;
    private final DatasetSource source;
    private final OfflineWriter offline;
    private final OnlineWriter online;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final JobLocks locks;

    Materializer(JobRepository jobs, FeatureSetRepository featureSets, DatasetSource source, OfflineWriter offline,
                 OnlineWriter online, OutboxWriter outbox, TransactionTemplate tx, MeterRegistry meters, JobLocks locks) {
        this.jobs = jobs;
        this.locks = locks;
        this.featureSets = featureSets;
        this.source = source;
        this.offline = offline;
        this.online = online;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * Redis writes are retried a few times: they are idempotent, and a connection handshake that
     * misses the short command timeout on a busy host should not fail a long offline write.
     */
    private long writeOnline(FeatureSet set, FeatureSetVersion version) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return online.write(set, version);
            } catch (DataAccessException e) {
                if (attempt == ONLINE_ATTEMPTS) {
                    throw e;
                }
                log.info("Writing {} to Redis failed (attempt {}), retrying: {}", version.ref(), attempt, e.getMessage());
                Thread.sleep(250L * attempt);
            }
        }
    }

    void run(UUID id) {
        MaterializationJob job = jobs.find(id).orElse(null);
        if (job == null) {
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        JobLocks.Held lock = null;
        try {
            lock = locks.tryLock(id).orElse(null);
            if (lock == null) {
                outcome = "running-elsewhere"; // another instance runs it; its run ends the job
                log.debug("Materialization {} is running on another instance", id);
                return;
            }
            FeatureSet set = featureSets.require(job.featureSet());
            FeatureSetVersion version = featureSets.requireVersion(job.featureSet(), job.version());
            DatasetVersionInfo data = source.version(version.dataset(), version.datasetVersion());
            if (!jobs.start(id, data.rowCount())) {
                outcome = "skipped";
                return;
            }
            long rows = offline.write(set, version, data, done -> jobs.progress(id, done));
            long entities = writeOnline(set, version);
            tx.executeWithoutResult(status -> {
                jobs.succeeded(id, rows);
                outbox.append(new FeaturesCreated(set.id(), version.ref(),
                        new DatasetVersionRef(version.dataset(), version.datasetVersion()), version.outputColumns(), rows, true));
            });
            outcome = "succeeded";
            meters.counter("mlops.feature.materialized.rows", "feature_set", set.name()).increment(rows);
            log.info("Materialized {}: {} rows offline, {} entities online", version.ref(), rows, entities);
        } catch (Exception e) {
            log.warn("Materialization {} of {}@{} failed", id, job.featureSet(), job.version(), e);
            if (lock != null) {
                jobs.failed(id, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
            sample.stop(meters.timer("mlops.feature.materialization", "feature_set", job.featureSet(), "outcome", outcome));
        }
    }
}
