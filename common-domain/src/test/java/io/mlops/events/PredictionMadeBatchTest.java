package io.mlops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.id.PredictionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionMadeBatchTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00.5Z");

    @Test
    void expandsIntoThePredictionMadeEventsItStandsFor() {
        PredictionId first = PredictionId.random();
        PredictionId second = PredictionId.random();
        var batch = new PredictionMadeBatch(SampleEvents.IRIS_3, "production", true, List.of("a", "b"), List.of("x", "y"),
                List.of(new PredictionMadeBatch.Prediction(first, AT, List.of(1.0, "u"), null, "x", List.of(0.75, 0.25), 2.5),
                        new PredictionMadeBatch.Prediction(second, AT, List.of(2.0, "v"), null, "y", List.of(0.5, 0.5), 1.5)));

        assertThat(batch.expand()).containsExactly(
                new PredictionMade(first, SampleEvents.IRIS_3, "production", AT, Map.of("a", 1.0, "b", "u"), null, "x",
                        Map.of("x", 0.75, "y", 0.25), 2.5, true),
                new PredictionMade(second, SampleEvents.IRIS_3, "production", AT, Map.of("a", 2.0, "b", "v"), null, "y",
                        Map.of("x", 0.5, "y", 0.5), 1.5, true));
        assertThat(batch.expand().getFirst().features().keySet()).containsExactly("a", "b");
        assertThat(batch.aggregateKey()).isEqualTo(SampleEvents.IRIS_3.toString());
    }

    @Test
    void aRegressionBatchHasNoClasses() {
        var batch = new PredictionMadeBatch(SampleEvents.IRIS_3, null, false, List.of("a"), null,
                List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), AT, List.of(3), 4.5, null, null, 0.1)));

        assertThat(batch.expand()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo(4.5);
            assertThat(p.probabilities()).isNull();
            assertThat(p.features()).containsEntry("a", 3);
        });
    }

    @Test
    void refusesValuesThatDoNotMatchTheNames() {
        var features = new PredictionMadeBatch(SampleEvents.IRIS_3, null, false, List.of("a", "b"), null,
                List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), AT, List.of(1.0), 4.5, null, null, 0.1)));
        var probabilities = new PredictionMadeBatch(SampleEvents.IRIS_3, null, false, List.of(), List.of("x"),
                List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), AT, List.of(), null, "x", List.of(0.5, 0.5), 0.1)));

        assertThatThrownBy(features::expand).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 feature values for 2");
        assertThatThrownBy(probabilities::expand).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 probabilities for 1");
    }
}
