package io.mlops.inference.api;

import io.mlops.runtime.artifact.OutputSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One output row → value, or class and probabilities (softmax of logits; sigmoid for binary). */
final class Outcomes {

    record Outcome(Double value, String label, Map<String, Double> probabilities) {
    }

    private Outcomes() {
    }

    static Outcome of(OutputSpec output, float[] values, int row) {
        List<String> labels = output.classLabels();
        return switch (output.task()) {
            case REGRESSION -> new Outcome((double) values[row], null, null);
            case BINARY -> {
                double p = 1.0 / (1.0 + Math.exp(-values[row]));
                Map<String, Double> probabilities = new LinkedHashMap<>();
                probabilities.put(labels.get(0), 1.0 - p);
                probabilities.put(labels.get(1), p);
                yield new Outcome(null, p >= 0.5 ? labels.get(1) : labels.get(0), probabilities);
            }
            case MULTICLASS -> multiclass(labels, values, row * labels.size());
        };
    }

    private static Outcome multiclass(List<String> labels, float[] logits, int offset) {
        int k = labels.size();
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (logits[offset + i] > max) {
                max = logits[offset + i];
                best = i;
            }
        }
        // Shifted by the largest logit so exp never overflows.
        double[] e = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            e[i] = Math.exp(logits[offset + i] - max);
            sum += e[i];
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            probabilities.put(labels.get(i), e[i] / sum);
        }
        return new Outcome(null, labels.get(best), probabilities);
    }
}
