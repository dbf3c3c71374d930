package io.mlops.feature.materialization;

import io.mlops.feature.featureset.FeatureSetService;
import io.mlops.feature.featureset.NewerDatasetVersionFound;
import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Refits a follow-latest set on a new dataset version outside the event consumer's transaction:
 * the consumer only records the request (with the event id, so a redelivery records nothing) and
 * the fit, which streams the whole dataset, runs on the materialization pool after that commit.
 * The version, its queued job and the request's DONE state commit together, so a request resumed
 * after a crash does not make a second version or job.
 *
 * <p>Only a definition that does not fit the new data ends a request FAILED. A transient failure
 * (the data-service unavailable, the database unreachable) leaves it QUEUED, with the error, and it
 * is tried again after a growing delay: its event is already processed, so nothing else would ever
 * bring the set to that version. The waits are scheduled rather than slept, so they hold no thread of
 * the materialization pool.
 */
@Component
class Refitter {

    private static final Logger log = LoggerFactory.getLogger(Refitter.class);

    private final RefitRepository refits;
    private final FeatureSetService service;
    private final MaterializationService pool;
    private final boolean resumeOnStartup;
    private final ExponentialBackOff backOff;
    private final Map<UUID, BackOffExecution> retries = new ConcurrentHashMap<>();

    Refitter(RefitRepository refits, FeatureSetService service, MaterializationService pool, MaterializationProperties properties) {
        this.refits = refits;
        this.service = service;
        this.pool = pool;
        this.resumeOnStartup = properties.resumeOnStartup();
        this.backOff = new ExponentialBackOff(properties.refitRetryDelay().toMillis(), 2.0);
        this.backOff.setMaxInterval(properties.refitRetryMaxDelay().toMillis());
    }

    /** Records a refit in the caller's transaction; it runs once that commits. */
    void request(UUID eventId, String featureSet, int datasetVersion) {
        UUID id = UUID.randomUUID();
        refits.insert(id, eventId, featureSet, datasetVersion);
        pool.afterCommit(() -> run(id));
    }

    /** A set created on an older version than the latest: refitted as a DataIngested would have. */
    @EventListener
    void on(NewerDatasetVersionFound found) {
        try {
            if (!refits.requested(found.featureSet(), found.datasetVersion())) {
                // no event to record: a request id of its own keeps the column's meaning (one id, one refit)
                request(UUID.randomUUID(), found.featureSet(), found.datasetVersion());
            }
        } catch (RuntimeException e) {
            log.warn("Refit of {} on dataset version {} not queued", found.featureSet(), found.datasetVersion(), e);
        }
    }

    void run(UUID id) {
        String what = "refit " + id;
        try {
            RefitRepository.Refit refit = refits.queued(id).orElse(null);
            if (refit == null) {
                retries.remove(id);
                return;
            }
            what = "refit of " + refit.featureSet() + " on dataset version " + refit.datasetVersion();
            FeatureSetService.Created created = service.newVersion(refit.featureSet(), refit.datasetVersion(), version -> {
                if (!refits.done(id, version)) {
                    throw new IllegalStateException("refit " + id + " was already done by another run");
                }
            });
            retries.remove(id);
            log.info("Feature set {} refitted on dataset version {}: version {}", refit.featureSet(), refit.datasetVersion(),
                    created.version().version());
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (isTransient(e)) {
                retryLater(id, what, error);
                return;
            }
            // a definition that does not fit the new data: the set keeps its versions, the others go on
            retries.remove(id);
            log.warn("The {} failed: {}", what, error, e instanceof ApiProblem ? null : e);
            refits.failed(id, error);
        }
    }

    private void retryLater(UUID id, String what, String error) {
        long delay = retries.computeIfAbsent(id, k -> backOff.start()).nextBackOff();
        if (delay == BackOffExecution.STOP) {
            delay = backOff.getMaxInterval();
        }
        log.warn("The {} met a transient failure, retrying in {}: {}", what, Duration.ofMillis(delay), error);
        try {
            refits.retrying(id, error);
        } catch (RuntimeException e) {
            log.debug("Could not record the error of refit {}", id, e);   // the database may be what failed
        }
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> pool.afterCommit(() -> run(id)));
    }

    /** The data-service unavailable (5xx, timeouts) or the database unreachable: worth another attempt later. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem.status().is5xxServerError();
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        if (resumeOnStartup) {
            refits.unfinished().forEach(id -> pool.afterCommit(() -> run(id)));
        }
    }
}
