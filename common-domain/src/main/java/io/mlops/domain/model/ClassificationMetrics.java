package io.mlops.domain.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of macro-averaged precision, recall and F1, shared by training (model-service's holdout
 * evaluation) and monitoring (a window's labelled predictions), so a training value and a window value are the same
 * quantity and can be compared.
 *
 * <p>It is scikit-learn's default {@code precision_recall_fscore_support(average='macro', zero_division=0)}: the
 * unweighted mean over the labels present in {@code y_true ∪ y_pred} (a label the model knows but that neither the
 * truth nor the predictions contain is left out, not counted as 0); per label, precision = tp / (tp + fp),
 * recall = tp / (tp + fn), F1 = 2·tp / (2·tp + fp + fn), each 0 when its denominator is 0 (a present label never
 * predicted has precision 0, one never true has recall 0). Hand-written: a few lines over a confusion matrix, and no
 * well-kept Java library computes scikit-learn's variant.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /**
     * Macro averages and how many labels they were taken over (those present in the truth or the predictions).
     * All three are 0 when no label is present (no rows).
     */
    public record Macro(double precision, double recall, double f1, int labels) {
    }

    /**
     * From a confusion matrix over candidate labels: {@code confusion[t][p]} counts rows whose true label is {@code t}
     * and predicted label {@code p}. Candidate labels with an empty row and an empty column are not present and do
     * not count.
     */
    public static Macro macro(int[][] confusion) {
        int k = confusion.length;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
                actual += confusion[c][j];
            }
            if (predicted == 0 && actual == 0) {
                continue;
            }
            present++;
            long fp = predicted - tp;
            long fn = actual - tp;
            precision += predicted == 0 ? 0 : (double) tp / predicted;
            recall += actual == 0 ? 0 : (double) tp / actual;
            f1 += 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return present == 0 ? new Macro(0, 0, 0, 0) : new Macro(precision / present, recall / present, f1 / present, present);
    }

    /** From paired labels (same length, no nulls): the confusion matrix over the labels they contain. */
    public static Macro macro(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " true labels but " + predicted.size() + " predicted");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        actual.forEach(l -> index.putIfAbsent(l, index.size()));
        predicted.forEach(l -> index.putIfAbsent(l, index.size()));
        int[][] confusion = new int[index.size()][index.size()];
        for (int i = 0; i < actual.size(); i++) {
            confusion[index.get(actual.get(i))][index.get(predicted.get(i))]++;
        }
        return macro(confusion);
    }
}
