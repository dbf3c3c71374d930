package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.monitoring.MonitoringProperties;
import io.mlops.monitoring.alerts.Alerts;
import io.mlops.monitoring.reference.PreparedReference;
import io.mlops.monitoring.reference.References;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    /** A run of consecutive new rows of one model version that go into one window. */
    record Run(UUID windowId, int rows) {
    }

    /**
     * Where a batch's new rows of a model version go: the runs, the windows they fill (to close once the rows are
     * stored), the window left open and its row count. Windows opened by this batch are stored only by
     * {@link #settle}, each after the one before it closed (one open window per model version at a time).
     */
    record Placement(List<Run> runs, List<WindowRepository.OpenWindow> full, WindowRepository.OpenWindow open,
                     Set<UUID> created) {
    }

    /**
     * Places {@code added} new rows of the model version, in order: they fill its open window (locked until the
     * transaction ends), and each time a window reaches {@code window.size} it is full and the next one takes the
     * rows that follow. The rows are then stored with their window id, so a window never needs its rows assigned by
     * a later UPDATE; {@link #settle} closes the full windows and stores the new ones.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Placement place(ModelVersionRef model, int added) {
        Instant now = clock.instant();
        WindowRepository.OpenWindow open = windows.lockOpen(model).orElseGet(() -> windows.openOrLock(model, now));
        int size = props.window().size();
        List<Run> runs = new ArrayList<>();
        List<WindowRepository.OpenWindow> full = new ArrayList<>();
        Set<UUID> created = new HashSet<>();
        long rows = open.rows();
        int left = added;
        while (true) {
            if (rows >= size) { // also a window left over-full by a smaller window.size: it closes with what it has
                full.add(open.withRows(rows));
                open = new WindowRepository.OpenWindow(UUID.randomUUID(), model, open.seq() + 1, now, 0);
                created.add(open.id());
                rows = 0;
            }
            if (left == 0) {
                break;
            }
            int take = (int) Math.min(left, size - rows);
            runs.add(new Run(open.id(), take));
            rows += take;
            left -= take;
        }
        return new Placement(runs, full, open.withRows(rows), created);
    }

    /**
     * Once the placed rows are stored: marks the windows they filled CLOSING (by count) and records the one left open.
     * Returns the windows to {@link #judge} once this transaction has committed: judging reads the window's rows and
     * runs the drift tests, which must not hold the open window's lock that every consumer thread waits for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> settle(Placement placement) {
        Instant now = clock.instant();
        List<UUID> closing = new ArrayList<>();
        for (WindowRepository.OpenWindow w : placement.full()) {
            if (placement.created().contains(w.id())) {
                windows.insertOpen(w);
            }
            windows.markClosing(w.id(), "COUNT", now, w.rows());
            closing.add(w.id());
        }
        if (placement.created().contains(placement.open().id())) {
            windows.insertOpen(placement.open());
        } else {
            windows.setRows(placement.open().id(), placement.open().rows());
        }
        return closing;
    }

    /**
     * Closes every window whose time is up, each in its own transaction, then judges it in another; also judges any
     * window a crash left CLOSING between its two transactions.
     */
    void closeExpired(TransactionRunner tx) {
        List<ModelVersionRef> due = windows.expired(clock.instant().minus(props.window().duration()));
        for (ModelVersionRef model : due) {
            List<UUID> closed = new ArrayList<>();
            tx.run(() -> windows.lockOpen(model)
                    .filter(w -> !w.startedAt().plus(props.window().duration()).isAfter(clock.instant()))
                    .ifPresent(w -> {
                        windows.markClosing(w.id(), "TIME", clock.instant(), w.rows());
                        closed.add(w.id());
                    }));
            closed.forEach(id -> tx.run(() -> judge(id)));
        }
        windows.closing().forEach(id -> tx.run(() -> judge(id)));
    }

    /** A way to run work in a new transaction (the expiry job's own, one per window). */
    interface TransactionRunner {
        void run(Runnable work);
    }

    /**
     * Judges a CLOSING window in the caller's transaction and marks it CLOSED: drift, latency, gauges, alerts and (through
     * {@link WindowClosed}) quality. Does nothing if the window was judged already or another thread is judging it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void judge(UUID windowId) {
        windows.lockClosing(windowId).ifPresent(this::judge);
    }

    private void judge(WindowRepository.ClosingWindow open) {
        long rows = open.rows();
        Instant now = open.endedAt();
        PreparedReference reference = references.prepared(open.model()).orElse(null);
        // without a reference sample only latencies are judged: reading (and parsing) the features would be wasted
        WindowVerdict verdict = WindowJudge.judgesDrift(reference) ? judge.judge(reference, log.rows(open.id()))
                : judge.latencyOnly(log.latencies(open.id()));
        String note = reference == null ? "no reference registered" : reference.hasSample() ? null : "reference has no sample";
        windows.judged(open.id(), verdict, note);
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
