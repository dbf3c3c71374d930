package io.mlops.inference.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.domain.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output rows to answers for the tasks the fixture models do not cover (they are multiclass). */
class OutcomesTest {

    @Test
    void regressionAnswersTheValue() {
        var outcome = Outcomes.of(new OutputSpec(Task.REGRESSION, null, null), new float[] {1.5f, -2.25f}, 1);
        assertThat(outcome.value()).isEqualTo(-2.25);
        assertThat(outcome.label()).isNull();
        assertThat(outcome.probabilities()).isNull();
    }

    @Test
    void binaryAnswersTheSigmoidOfTheLogitOfThePositiveClass() {
        var spec = new OutputSpec(Task.BINARY, List.of("no", "yes"), null);
        // sigmoid(ln 3) = 3 / (1 + 3) = 0.75, by hand
        var outcome = Outcomes.of(spec, new float[] {(float) Math.log(3)}, 0);
        assertThat(outcome.label()).isEqualTo("yes");
        assertThat(outcome.probabilities().get("yes")).isCloseTo(0.75, within(1e-7));
        assertThat(outcome.probabilities().get("no")).isCloseTo(0.25, within(1e-7));
        assertThat(Outcomes.of(spec, new float[] {(float) -Math.log(3)}, 0).label()).isEqualTo("no");
    }

    @Test
    void multiclassSoftmaxDoesNotOverflowOnLargeLogits() {
        var spec = new OutputSpec(Task.MULTICLASS, List.of("a", "b", "c"), null);
        // logits 1000, 1000 + ln 2, 0: exp(0) : exp(ln 2) : ~0 = 1 : 2 : 0, by hand
        var outcome = Outcomes.of(spec, new float[] {0, 0, 0, 1000f, 1000f + (float) Math.log(2), 0}, 1);
        assertThat(outcome.label()).isEqualTo("b");
        assertThat(outcome.probabilities().get("a")).isCloseTo(1.0 / 3, within(1e-4));
        assertThat(outcome.probabilities().get("b")).isCloseTo(2.0 / 3, within(1e-4));
        assertThat(outcome.probabilities().get("c")).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void probabilitiesReadAsTheLinkedHashMapTheyReplace() {
        var spec = new OutputSpec(Task.MULTICLASS, List.of("c", "a", "b"), null);
        var probabilities = Outcomes.of(spec, new float[] {0.5f, -1f, 2f}, 0).probabilities();
        // The map the code built before: label order, softmax by hand from the same logits.
        double ea = Math.exp(0.5 - 2), eb = Math.exp(-1 - 2), ec = Math.exp(0), sum = ea + eb + ec;
        var expected = new java.util.LinkedHashMap<String, Double>();
        expected.put("c", ea / sum);
        expected.put("a", eb / sum);
        expected.put("b", ec / sum);
        assertThat(probabilities).isEqualTo(expected).containsExactlyEntriesOf(expected);
        assertThat(probabilities.hashCode()).isEqualTo(expected.hashCode());
        assertThat(probabilities.get("x")).isNull();
        assertThat(probabilities.containsKey("a")).isTrue();
    }
}
