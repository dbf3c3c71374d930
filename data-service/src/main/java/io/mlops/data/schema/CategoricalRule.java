package io.mlops.data.schema;

/**
 * When a string column is CATEGORICAL rather than STRING: at most {@code maxDistinct} distinct values
 * and at most {@code maxDistinctRatio} distinct values per non-null value (so a 10-row file of 10
 * different names stays STRING).
 */
public record CategoricalRule(long maxDistinct, double maxDistinctRatio) {

    public static final CategoricalRule DEFAULT = new CategoricalRule(50, 0.5);

    public boolean isCategorical(long distinct, long nonNull) {
        return nonNull > 0 && distinct <= maxDistinct && (double) distinct / nonNull <= maxDistinctRatio;
    }
}
