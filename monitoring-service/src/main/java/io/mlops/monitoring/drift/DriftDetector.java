package io.mlops.monitoring.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes a drift report of a current window against a prepared reference. Stateless and
 * thread-safe; columns are judged in parallel on the common fork-join pool.
 */
public final class DriftDetector {

    private final DriftOptions options;

    public DriftDetector(DriftOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    public DriftDetector() {
        this(DriftOptions.defaults());
    }

    /**
     * Judges every reference column present in the window; columns of the window absent from the
     * reference are ignored.
     *
     * @throws ColumnKindMismatch when a column is numeric on one side and categorical on the other
     * @throws MethodNotApplicable when a per-column method cannot judge that column
     */
    public DatasetDriftResult detect(DriftReference reference, CurrentWindow window) {
        // A List, not the key set: a LinkedHashMap key set's spliterator does not split 12 items.
        List<Object> outcomes = List.copyOf(reference.columnNames()).parallelStream()
                .map(column -> judge(column, reference, window))
                .toList();
        List<ColumnDriftResult> columns = new ArrayList<>();
        List<SkippedColumn> skipped = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof ColumnDriftResult r) {
                columns.add(r);
            } else {
                skipped.add((SkippedColumn) outcome);
            }
        }
        return DatasetDriftResult.of(columns, skipped, options.datasetDriftShare());
    }

    private Object judge(String column, DriftReference reference, CurrentWindow window) {
        if (reference.temporal(column)) {
            return new SkippedColumn(column, SkippedColumn.Reason.TEMPORAL);
        }
        ColumnMethod chosen = options.methodFor(column);
        NumericReference numeric = reference.numeric(column);
        ColumnDriftResult result;
        if (numeric != null) {
            if (window.categorical(column) != null) {
                throw new ColumnKindMismatch(column, "numeric", "categorical");
            }
            double[] values = window.numeric(column);
            if (values == null) {
                return new SkippedColumn(column, SkippedColumn.Reason.NOT_IN_WINDOW);
            }
            if (numeric.count() == 0) {
                return new SkippedColumn(column, SkippedColumn.Reason.NO_REFERENCE_VALUES);
            }
            result = NumericColumnDrift.evaluate(column, numeric, values, chosen);
        } else {
            CategoricalReference categorical = reference.categorical(column);
            if (window.numeric(column) != null) {
                throw new ColumnKindMismatch(column, "categorical", "numeric");
            }
            String[] values = window.categorical(column);
            if (values == null) {
                return new SkippedColumn(column, SkippedColumn.Reason.NOT_IN_WINDOW);
            }
            if (categorical.count() == 0) {
                return new SkippedColumn(column, SkippedColumn.Reason.NO_REFERENCE_VALUES);
            }
            result = CategoricalColumnDrift.evaluate(column, categorical, values, chosen);
        }
        return result != null ? result : new SkippedColumn(column, SkippedColumn.Reason.NO_CURRENT_VALUES);
    }
}
