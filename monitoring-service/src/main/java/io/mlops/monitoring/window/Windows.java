package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.monitoring.MonitoringProperties;
import io.mlops.monitoring.alerts.Alerts;
import io.mlops.monitoring.reference.PreparedReference;
import io.mlops.monitoring.reference.References;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tumbling windows per model version: a window closes after {@code window.size} rows or once
 * {@code window.duration} has passed since it opened, whichever comes first. Closing by count opens the
 * next window at once (windows stay contiguous; it may then close by time with no rows); closing by time
 * leaves none open until traffic returns, so an idle model version yields one empty window, not a stream.
 */
@Service
class Windows {

    private final WindowRepository windows;
    private final PredictionLog log;
    private final WindowJudge judge;
    private final References references;
    private final Alerts alerts;
    private final DriftGauges gauges;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties props;
    private final Clock clock;

    Windows(WindowRepository windows, PredictionLog log, WindowJudge judge, References references, Alerts alerts, DriftGauges gauges,
            ApplicationEventPublisher events, MonitoringProperties props, Optional<Clock> clock) {
        this.windows = windows;
        this.log = log;
        this.judge = judge;
        this.references = references;
        this.alerts = alerts;
        this.gauges = gauges;
        this.events = events;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Counts {@code added} new rows of the model version, closing as many full windows as they complete. */
    @Transactional(propagation = Propagation.MANDATORY)
    void advance(ModelVersionRef model, int added) {
        Instant now = clock.instant();
        WindowRepository.OpenWindow open = windows.lockOpen(model).orElseGet(() -> windows.open(model, now, 0));
        long rows = open.rows() + added;
        int size = props.window().size();
        while (rows >= size) {
            close(open, "COUNT", size, now);
            rows -= size;
            open = windows.open(model, now, rows);
        }
        windows.setRows(open.id(), rows);
    }

    /** Closes every window whose time is up, each in its own transaction. */
    void closeExpired(TransactionRunner tx) {
        List<ModelVersionRef> due = windows.expired(clock.instant().minus(props.window().duration()));
        for (ModelVersionRef model : due) {
            tx.run(() -> windows.lockOpen(model)
                    .filter(w -> !w.startedAt().plus(props.window().duration()).isAfter(clock.instant()))
                    .ifPresent(w -> close(w, "TIME", -1, clock.instant())));
        }
    }

    /** A way to run work in a new transaction (the expiry job's own, one per window). */
    interface TransactionRunner {
        void run(Runnable work);
    }

    private void close(WindowRepository.OpenWindow open, String closedBy, int limit, Instant now) {
        int rows = log.assign(open.model(), open.id(), limit);
        PreparedReference reference = references.prepared(open.model()).orElse(null);
        WindowVerdict verdict = judge.judge(reference, log.rows(open.id()));
        String note = reference == null ? "no reference registered" : reference.hasSample() ? null : "reference has no sample";
        windows.close(open.id(), closedBy, now, rows, verdict, note);
        if (verdict.features() != null) {
            windows.saveColumns(open.id(), "FEATURE", verdict.features().columns());
        }
        if (verdict.prediction() != null) {
            windows.saveColumns(open.id(), "PREDICTION", verdict.prediction().columns());
        }
        alerts.driftJudged(new Alerts.WindowRef(open.model(), open.id(), open.startedAt(), now, rows), verdict.features(), verdict.prediction());
        gauges.update(open.model(), verdict);
        events.publishEvent(new WindowClosed(open.model(), open.id()));
    }
}
