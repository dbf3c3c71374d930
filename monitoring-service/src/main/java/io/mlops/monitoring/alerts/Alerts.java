package io.mlops.monitoring.alerts;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.monitoring.DriftResult;
import io.mlops.events.DriftDetected;
import io.mlops.events.ModelPerformanceDegraded;
import io.mlops.monitoring.drift.DatasetDriftResult;
import io.mlops.support.outbox.OutboxWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts as outbox events in the transaction that stored the verdict. The {@code alert} table's key
 * (window, kind) makes each one happen once: a window re-judged (quality after more feedback) or a verdict
 * replayed finds its row and sends nothing.
 */
@Component
public class Alerts {

    static final String DATA_DRIFT = "DATA_DRIFT";
    static final String PREDICTION_DRIFT = "PREDICTION_DRIFT";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    Alerts(JdbcClient jdbc, OutboxWriter outbox, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The window of traffic of {@code model} that a verdict is about. */
    public record WindowRef(ModelVersionRef model, UUID id, Instant start, Instant end, long rows) {
    }

    /** DriftDetected for the features when the dataset drifted, and another for the prediction when it drifted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void driftJudged(WindowRef window, DatasetDriftResult features, DatasetDriftResult prediction) {
        if (features != null && features.drifted() && firstTime(window.id(), DATA_DRIFT)) {
            outbox.append(new DriftDetected(toResult(window, features), false));
        }
        if (prediction != null && prediction.drifted() && firstTime(window.id(), PREDICTION_DRIFT)) {
            outbox.append(new DriftDetected(toResult(window, prediction), true));
        }
    }

    /** ModelPerformanceDegraded once per window and metric. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void qualityDegraded(WindowRef window, String metric, double trainingValue, double currentValue, double threshold, long labelled) {
        if (firstTime(window.id(), "QUALITY:" + metric)) {
            outbox.append(new ModelPerformanceDegraded(window.model(), window.id().toString(), metric, trainingValue, currentValue,
                    threshold, labelled));
        }
    }

    private static DriftResult toResult(WindowRef w, DatasetDriftResult r) {
        return r.toDriftResult(w.model(), w.id().toString(), w.start(), w.end(), w.rows());
    }

    private boolean firstTime(UUID windowId, String kind) {
        return jdbc.sql("INSERT INTO alert (window_id, kind, raised_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(windowId, kind, Timestamp.from(clock.instant())).update() == 1;
    }
}
