package io.mlops.data.profile;

/** The finite min and max of a numeric column, from which histogram edges are laid. */
record NumericRange(double min, double max) {

    /** Edges of {@code bins} equal-width bins; a constant column gets a unit-wide range around its value. */
    double[] edges(int bins) {
        double lo = min == max ? min - 0.5 : min;
        double hi = min == max ? max + 0.5 : max;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        edges[bins] = hi;
        return edges;
    }
}
