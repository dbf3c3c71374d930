package io.mlops.domain.model;

import java.util.Map;
import java.util.OptionalDouble;

/** Named evaluation metrics of a model version (names below), on its holdout split. */
public record Metrics(Map<String, Double> values) {

    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String R2 = "r2";
    public static final String ACCURACY = "accuracy";
    public static final String PRECISION_MACRO = "precision_macro";
    public static final String RECALL_MACRO = "recall_macro";
    public static final String F1_MACRO = "f1_macro";
    public static final String ROC_AUC = "roc_auc";
    public static final String LOG_LOSS = "log_loss";

    public Metrics {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public OptionalDouble get(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Whether a larger value is better for this metric (errors and losses are not). */
    public static boolean higherIsBetter(String name) {
        return !(RMSE.equals(name) || MAE.equals(name) || LOG_LOSS.equals(name));
    }
}
