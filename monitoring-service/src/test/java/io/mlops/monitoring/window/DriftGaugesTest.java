package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.monitoring.DriftMethod;
import io.mlops.monitoring.drift.ColumnDriftResult;
import io.mlops.monitoring.drift.DatasetDriftResult;
import io.mlops.monitoring.drift.SkippedColumn;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deciding method of a column changes between windows with the data (Z-test for two values, chi-square for more),
 * so the score gauge must follow it: one series per feature, that of the latest window, never a stale one beside it.
 */
class DriftGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DriftGauges gauges = new DriftGauges(registry);
    private final ModelVersionRef model = new ModelVersionRef("m", 1);
    private final ModelVersionRef other = new ModelVersionRef("m", 2);

    @Test
    void onlyTheLatestWindowsDecidingMethodHasASeries() {
        gauges.update(other, verdict(List.of(column("wind", DriftMethod.Z_TEST, 3.0)), List.of()));
        gauges.update(model, verdict(List.of(column("wind", DriftMethod.Z_TEST, 1.5)), List.of()));
        gauges.update(model, verdict(List.of(column("wind", DriftMethod.CHI_SQUARE, 250.0)), List.of()));
        assertThat(series(model, "wind")).isEqualTo(Map.of("CHI_SQUARE", 250.0));

        gauges.update(model, verdict(List.of(column("wind", DriftMethod.Z_TEST, 0.7)), List.of()));
        assertThat(series(model, "wind")).isEqualTo(Map.of("Z_TEST", 0.7));

        // skipped in the latest window: no value is left to mistake for its score
        gauges.update(model, verdict(List.of(), List.of(new SkippedColumn("wind", SkippedColumn.Reason.NO_CURRENT_VALUES))));
        assertThat(series(model, "wind")).isEmpty();
        // another version of the model keeps its own
        assertThat(series(other, "wind")).isEqualTo(Map.of("Z_TEST", 3.0));
    }

    private Map<String, Double> series(ModelVersionRef version, String feature) {
        return registry.find("mlops.feature.drift.score").tags("model", version.model(), "version", Integer.toString(version.version()),
                "feature", feature).gauges().stream().collect(Collectors.toMap(g -> g.getId().getTag("method"), Gauge::value));
    }

    private static WindowVerdict verdict(List<ColumnDriftResult> columns, List<SkippedColumn> skipped) {
        return new WindowVerdict(new DatasetDriftResult(0, 0.5, false, 0, columns, skipped), null, 1.0, 2.0);
    }

    private static ColumnDriftResult column(String name, DriftMethod method, double statistic) {
        return new ColumnDriftResult(name, method, statistic, 0.5, 0.05, false, 0.01, 100, 100);
    }
}
