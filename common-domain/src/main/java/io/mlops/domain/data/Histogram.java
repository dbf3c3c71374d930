package io.mlops.domain.data;

import java.util.List;

/** An equal-width histogram: {@code edges.size() == counts.size() + 1}, the last bin closed on the right. */
public record Histogram(List<Double> edges, List<Long> counts) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one more edge than bins");
        }
    }
}
