package io.mlops.feature.materialization;

import io.mlops.feature.featureset.FeatureSetService;
import io.mlops.support.web.ApiProblem;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refits a follow-latest set on a new dataset version outside the event consumer's transaction:
 * the consumer only records the request (with the event id, so a redelivery records nothing) and
 * the fit, which streams the whole dataset, runs on the materialization pool after that commit.
 * The version, its queued job and the request's DONE state commit together, so a request resumed
 * after a crash does not make a second version or job.
 */
@Component
class Refitter {

    private static final Logger log = LoggerFactory.getLogger(Refitter.class);

    private final RefitRepository refits;
    private final FeatureSetService service;
    private final MaterializationService pool;
    private final boolean resumeOnStartup;

    Refitter(RefitRepository refits, FeatureSetService service, MaterializationService pool, MaterializationProperties properties) {
        this.refits = refits;
        this.service = service;
        this.pool = pool;
        this.resumeOnStartup = properties.resumeOnStartup();
    }

    /** Records a refit in the caller's transaction; it runs once that commits. */
    void request(UUID eventId, String featureSet, int datasetVersion) {
        UUID id = UUID.randomUUID();
        refits.insert(id, eventId, featureSet, datasetVersion);
        pool.afterCommit(() -> run(id));
    }

    void run(UUID id) {
        RefitRepository.Refit refit = refits.queued(id).orElse(null);
        if (refit == null) {
            return;
        }
        try {
            FeatureSetService.Created created = service.newVersion(refit.featureSet(), refit.datasetVersion(), version -> {
                if (!refits.done(id, version)) {
                    throw new IllegalStateException("refit " + id + " was already done by another run");
                }
            });
            log.info("Feature set {} refitted on dataset version {}: version {}", refit.featureSet(), refit.datasetVersion(),
                    created.version().version());
        } catch (ApiProblem problem) {
            // a definition that does not fit the new data: the set keeps its versions, the others go on
            log.warn("Feature set {} not refitted on dataset version {}: {}", refit.featureSet(), refit.datasetVersion(),
                    problem.getMessage());
            refits.failed(id, problem.getMessage());
        } catch (RuntimeException e) {
            log.warn("Refit {} of {} failed", id, refit.featureSet(), e);
            refits.failed(id, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        if (resumeOnStartup) {
            refits.unfinished().forEach(id -> pool.afterCommit(() -> run(id)));
        }
    }
}
