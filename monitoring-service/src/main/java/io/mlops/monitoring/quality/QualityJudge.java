package io.mlops.monitoring.quality;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mlops.domain.model.Metrics;
import io.mlops.monitoring.MonitoringProperties;
import io.mlops.monitoring.alerts.Alerts;
import io.mlops.monitoring.reference.PreparedReference;
import io.mlops.monitoring.reference.References;
import io.mlops.monitoring.window.WindowClosed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Quality of a closed window's labelled predictions: accuracy and macro F1 for labels, RMSE and MAE for
 * numbers, ROC AUC when the predictions carried class probabilities, each compared with the training value; a drop beyond {@code quality.max-drop} (absolute, in the
 * metric's bad direction) raises ModelPerformanceDegraded once the window has {@code quality.min-labelled} labels.
 */
@Component
class QualityJudge {

    private final FeedbackRepository repository;
    private final References references;
    private final Alerts alerts;
    private final MonitoringProperties props;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Tags, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    QualityJudge(FeedbackRepository repository, References references, Alerts alerts, MonitoringProperties props, MeterRegistry meters,
                 Optional<Clock> clock) {
        this.repository = repository;
        this.references = references;
        this.alerts = alerts;
        this.props = props;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(WindowClosed closed) {
        judge(closed.windowId());
    }

    /**
     * Runs inside the caller's transaction (the window's judging, or the feedback's storing), which holds the window's
     * row lock (FOR UPDATE, or FOR SHARE: {@link FeedbackRepository#lockWindows}), so the status read here stays true
     * until it commits.
     */
    void judge(UUID windowId) {
        FeedbackRepository.WindowInfo window = repository.window(windowId);
        if (!window.closed()) {
            return;
        }
        List<FeedbackRepository.Labelled> rows = repository.labelled(windowId);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Double> current = new LinkedHashMap<>(rows.getFirst().label() != null
                ? QualityMetrics.classification(rows.stream().map(FeedbackRepository.Labelled::label).toList(),
                        rows.stream().map(FeedbackRepository.Labelled::actualLabel).toList())
                : QualityMetrics.regression(rows.stream().mapToDouble(FeedbackRepository.Labelled::value).toArray(),
                        rows.stream().mapToDouble(FeedbackRepository.Labelled::actualValue).toArray()));
        List<FeedbackRepository.Labelled> scored = rows.stream().filter(r -> r.label() != null && r.probabilities() != null).toList();
        if (!scored.isEmpty()) {
            QualityMetrics.rocAuc(scored.stream().map(FeedbackRepository.Labelled::actualLabel).toList(),
                    scored.stream().map(FeedbackRepository.Labelled::probabilities).toList())
                    .ifPresent(auc -> current.put(Metrics.ROC_AUC, auc));
        }
        Metrics training = references.prepared(window.model()).map(PreparedReference::metrics).orElse(new Metrics(Map.of()));
        var ref = new Alerts.WindowRef(window.model(), windowId, window.start(), window.end(), window.rows());
        for (Map.Entry<String, Double> m : current.entrySet()) {
            OptionalDouble trained = training.get(m.getKey());
            double drop = trained.isEmpty() ? 0
                    : Metrics.higherIsBetter(m.getKey()) ? trained.getAsDouble() - m.getValue() : m.getValue() - trained.getAsDouble();
            boolean degraded = trained.isPresent() && rows.size() >= props.quality().minLabelled() && drop > props.quality().maxDrop();
            repository.saveQuality(windowId, m.getKey(), m.getValue(), trained.isPresent() ? trained.getAsDouble() : null, rows.size(),
                    degraded, clock.instant());
            gauge(window, m.getKey(), m.getValue());
            if (degraded) {
                alerts.qualityDegraded(ref, m.getKey(), trained.getAsDouble(), m.getValue(), props.quality().maxDrop(), rows.size());
            }
        }
    }

    private void gauge(FeedbackRepository.WindowInfo window, String metric, double value) {
        Tags tags = Tags.of("model", window.model().model(), "version", Integer.toString(window.model().version()), "metric", metric);
        gauges.computeIfAbsent(tags, t -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            Gauge.builder("mlops.model.quality", holder, AtomicReference::get).tags(t).register(meters);
            return holder;
        }).set(value);
    }
}
