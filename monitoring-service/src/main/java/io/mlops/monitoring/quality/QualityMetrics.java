package io.mlops.monitoring.quality;

import io.mlops.domain.model.Metrics;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics of labelled predictions, named as {@link Metrics} names them. F1 is macro-averaged over the labels
 * seen in either the truth or the predictions (scikit-learn's {@code f1_score(average="macro")}), a label with
 * no true or predicted positive scoring 0. Hand-written: a few lines, and no well-kept Java library has them.
 */
final class QualityMetrics {

    private QualityMetrics() {
    }

    static Map<String, Double> classification(List<String> predicted, List<String> actual) {
        int n = predicted.size();
        int correct = 0;
        Set<String> labels = new HashSet<>(predicted);
        labels.addAll(actual);
        for (int i = 0; i < n; i++) {
            if (predicted.get(i).equals(actual.get(i))) {
                correct++;
            }
        }
        double f1Sum = 0;
        for (String label : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                boolean p = predicted.get(i).equals(label);
                boolean a = actual.get(i).equals(label);
                tp += p && a ? 1 : 0;
                fp += p && !a ? 1 : 0;
                fn += !p && a ? 1 : 0;
            }
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(Metrics.ACCURACY, (double) correct / n);
        out.put(Metrics.F1_MACRO, f1Sum / labels.size());
        return out;
    }

    static Map<String, Double> regression(double[] predicted, double[] actual) {
        double squares = 0;
        double absolutes = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = predicted[i] - actual[i];
            squares += e * e;
            absolutes += Math.abs(e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(Metrics.RMSE, Math.sqrt(squares / predicted.length));
        out.put(Metrics.MAE, absolutes / predicted.length);
        return out;
    }
}
