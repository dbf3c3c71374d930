package io.mlops.inference.api;

import io.mlops.runtime.artifact.OutputSpec;
import java.util.List;
import java.util.Map;

/** One output row → value, or class and probabilities (softmax of logits; sigmoid for binary). */
final class Outcomes {

    record Outcome(Double value, String label, Map<String, Double> probabilities) {
    }

    /** The labels of the last output seen, encoded once; a request's rows (and most requests) share one model. */
    private static volatile Probabilities.Labels lastLabels;

    private Outcomes() {
    }

    static Outcome of(OutputSpec output, float[] values, int row) {
        return switch (output.task()) {
            case REGRESSION -> new Outcome((double) values[row], null, null);
            case BINARY -> {
                Probabilities.Labels labels = labels(output.classLabels());
                double p = 1.0 / (1.0 + Math.exp(-values[row]));
                yield new Outcome(null, p >= 0.5 ? labels.names[1] : labels.names[0],
                        new Probabilities(labels, new double[] {1.0 - p, p}));
            }
            case MULTICLASS -> multiclass(labels(output.classLabels()), values, row * output.classLabels().size());
        };
    }

    private static Probabilities.Labels labels(List<String> classLabels) {
        Probabilities.Labels labels = lastLabels;
        if (labels == null || labels.source != classLabels) {
            labels = new Probabilities.Labels(classLabels);
            lastLabels = labels;
        }
        return labels;
    }

    private static Outcome multiclass(Probabilities.Labels labels, float[] logits, int offset) {
        int k = labels.names.length;
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
        for (int i = 0; i < k; i++) {
            e[i] = e[i] / sum;
        }
        return new Outcome(null, labels.names[best], new Probabilities(labels, e));
    }
}
