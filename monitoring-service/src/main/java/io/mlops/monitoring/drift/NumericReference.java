package io.mlops.monitoring.drift;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * What every numeric test needs from a reference column, computed once: the sorted non-null
 * sample, the population standard deviation, the PSI/JS bin edges and the reference counts per bin.
 * Immutable; share one instance across windows and threads.
 */
public final class NumericReference {

    private final double[] sorted;
    private final double standardDeviation;
    private final double[] edges;
    private final long[] binCounts;

    private NumericReference(double[] sorted) {
        this.sorted = sorted;
        // isBiasCorrected = false: the population std, as numpy's np.std that Evidently divides by.
        this.standardDeviation = sorted.length == 0 ? 0.0 : new StandardDeviation(false).evaluate(sorted);
        this.edges = sorted.length == 0 ? new double[0] : SortedSamples.quantileEdges(sorted);
        this.binCounts = SortedSamples.binCounts(sorted, edges);
    }

    /** Builds the reference from raw values; NaN and infinities count as nulls and are dropped. */
    public static NumericReference of(double[] values) {
        return new NumericReference(PrimitiveSort.finiteSorted(values));
    }

    /** Number of non-null values. */
    public int count() {
        return sorted.length;
    }

    /** Population standard deviation (divides by n). */
    public double standardDeviation() {
        return standardDeviation;
    }

    /** Inner PSI bin edges (quantiles 0.1 ... 0.9, equal edges merged); bins are right-closed. */
    public double[] binEdges() {
        return edges.clone();
    }

    /** Reference counts per PSI bin (one more than the edges). */
    public long[] binCounts() {
        return binCounts.clone();
    }

    double[] sortedValues() {
        return sorted;
    }

    double[] edges() {
        return edges;
    }

    long[] counts() {
        return binCounts;
    }

    @Override
    public String toString() {
        return "NumericReference[count=" + sorted.length + ", std=" + standardDeviation + ", edges="
                + Arrays.toString(edges) + "]";
    }
}
