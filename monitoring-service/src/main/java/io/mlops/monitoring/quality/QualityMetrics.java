package io.mlops.monitoring.quality;

import io.mlops.domain.model.ClassificationMetrics;
import io.mlops.domain.model.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Metrics of labelled predictions, named as {@link Metrics} names them. Macro F1 is the platform's one definition,
 * {@link ClassificationMetrics} (the same as training's): the mean over the labels seen in the window's truth or
 * predictions, so a training class absent from the window does not count. Hand-written: a few lines, and no
 * well-kept Java library has them.
 */
final class QualityMetrics {

    private QualityMetrics() {
    }

    static Map<String, Double> classification(List<String> predicted, List<String> actual) {
        int correct = 0;
        for (int i = 0; i < predicted.size(); i++) {
            if (predicted.get(i).equals(actual.get(i))) {
                correct++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(Metrics.ACCURACY, (double) correct / predicted.size());
        out.put(Metrics.F1_MACRO, ClassificationMetrics.macro(actual, predicted).f1());
        return out;
    }

    /**
     * ROC AUC from the class probabilities: with two classes, the AUC of the later class in sorted order (scikit-learn's
     * positive label; with probabilities summing to 1 either class gives the same number); with more, the one-vs-rest
     * macro mean over the classes that have both positive and negative rows. A class missing from a row's map has
     * probability 0. AUC is the Mann-Whitney U of the positives' ranks (Commons Math {@link NaturalRanking}, ties
     * averaged, so a tied pair counts one half) divided by positives × negatives. Empty when no class has both.
     */
    static OptionalDouble rocAuc(List<String> actual, List<Map<String, Double>> probabilities) {
        SortedSet<String> classes = new TreeSet<>(actual);
        probabilities.forEach(p -> classes.addAll(p.keySet()));
        List<String> judged = classes.size() == 2 ? List.of(classes.last()) : List.copyOf(classes);
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE);
        double sum = 0;
        int counted = 0;
        for (String c : judged) {
            double[] scores = probabilities.stream().mapToDouble(p -> p.getOrDefault(c, 0.0)).toArray();
            double[] ranks = ranking.rank(scores);
            long positives = 0;
            double positiveRanks = 0;
            for (int i = 0; i < ranks.length; i++) {
                if (actual.get(i).equals(c)) {
                    positives++;
                    positiveRanks += ranks[i];
                }
            }
            long negatives = ranks.length - positives;
            if (positives > 0 && negatives > 0) {
                sum += (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
                counted++;
            }
        }
        return counted == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / counted);
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
