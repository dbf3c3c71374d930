package io.mlops.monitoring.window;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.monitoring.drift.ColumnDriftResult;
import io.mlops.monitoring.drift.DatasetDriftResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The latest closed window's verdicts as gauges: {@code mlops_feature_drift_score{model,version,feature,method}}
 * (the statistic of the method that decided: KS D, chi-square, z, normalized Wasserstein, JS distance or PSI;
 * the model's output is feature "prediction") and {@code mlops_dataset_drift_share{model,version}}.
 */
@Component
class DriftGauges {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    DriftGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(ModelVersionRef model, WindowVerdict verdict) {
        Tags base = Tags.of("model", model.model(), "version", Integer.toString(model.version()));
        if (verdict.features() != null) {
            set("mlops.dataset.drift.share", base, verdict.features().driftShare());
            columns(base, verdict.features());
        }
        if (verdict.prediction() != null) {
            columns(base, verdict.prediction());
        }
    }

    private void columns(Tags base, DatasetDriftResult result) {
        for (ColumnDriftResult c : result.columns()) {
            set("mlops.feature.drift.score", base.and("feature", c.column(), "method", c.method().name()), c.statistic());
        }
    }

    private void set(String name, Tags tags, double value) {
        Tags key = tags.and("__name", name);
        values.computeIfAbsent(key, k -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, holder, AtomicReference::get).tags(tags).register(registry);
            return holder;
        }).set(value);
    }
}
