package io.mlops.monitoring.window;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.monitoring.DriftMethod;
import io.mlops.monitoring.drift.ColumnDriftResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The latest closed window's verdicts as gauges: {@code mlops_feature_drift_score{model,version,feature,method}}
 * (the statistic of the method that decided: KS D, chi-square, z, normalized Wasserstein, JS distance or PSI;
 * the model's output is feature "prediction") and {@code mlops_dataset_drift_share{model,version}}. A feature has
 * one score series, that of the latest window: the deciding method changes with the data (Z-test for two values,
 * chi-square for more), and a series of the former method, or of a column the latest window did not judge, is
 * removed rather than left at its last value.
 */
@Component
class DriftGauges {

    private static final String SCORE = "mlops.feature.drift.score";

    private record Score(DriftMethod method, Gauge gauge, AtomicReference<Double> value) {
    }

    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> shares = new ConcurrentHashMap<>();
    /** Per model version, the score series of each feature the latest window judged; guarded by {@code this}. */
    private final Map<ModelVersionRef, Map<String, Score>> scores = new HashMap<>();

    DriftGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(ModelVersionRef model, WindowVerdict verdict) {
        Tags base = Tags.of("model", model.model(), "version", Integer.toString(model.version()));
        Map<String, ColumnDriftResult> judged = new LinkedHashMap<>();
        if (verdict.features() != null) {
            shares.computeIfAbsent(base, t -> {
                AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
                Gauge.builder("mlops.dataset.drift.share", holder, AtomicReference::get).tags(t).register(registry);
                return holder;
            }).set(verdict.features().driftShare());
            verdict.features().columns().forEach(c -> judged.put(c.column(), c));
        }
        if (verdict.prediction() != null) {
            verdict.prediction().columns().forEach(c -> judged.put(c.column(), c));
        }
        scores(base, model, judged);
    }

    private synchronized void scores(Tags base, ModelVersionRef model, Map<String, ColumnDriftResult> judged) {
        Map<String, Score> live = scores.computeIfAbsent(model, m -> new HashMap<>());
        live.entrySet().removeIf(e -> {
            ColumnDriftResult latest = judged.get(e.getKey());
            boolean stale = latest == null || latest.method() != e.getValue().method();
            if (stale) {
                registry.remove(e.getValue().gauge());
            }
            return stale;
        });
        for (ColumnDriftResult c : judged.values()) {
            live.computeIfAbsent(c.column(), feature -> {
                AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
                Gauge gauge = Gauge.builder(SCORE, holder, AtomicReference::get)
                        .tags(base.and("feature", feature, "method", c.method().name())).register(registry);
                return new Score(c.method(), gauge, holder);
            }).value().set(c.statistic());
        }
        if (live.isEmpty()) {
            scores.remove(model);
        }
    }
}
