package io.mlops.monitoring.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The current window's raw columns. Numeric columns are primitive arrays with NaN for null;
 * categorical columns are string arrays with null for null. The arrays are not copied (a window can
 * hold millions of rows) and are only read: do not change them while a report runs.
 */
public final class CurrentWindow {

    private final Map<String, double[]> numeric;
    private final Map<String, String[]> categorical;

    private CurrentWindow(Map<String, double[]> numeric, Map<String, String[]> categorical) {
        this.numeric = Map.copyOf(numeric);
        this.categorical = Map.copyOf(categorical);
    }

    public static Builder builder() {
        return new Builder();
    }

    double[] numeric(String column) {
        return numeric.get(column);
    }

    String[] categorical(String column) {
        return categorical.get(column);
    }

    public static final class Builder {

        private final Map<String, double[]> numeric = new LinkedHashMap<>();
        private final Map<String, String[]> categorical = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder numeric(String column, double[] values) {
            numeric.put(Objects.requireNonNull(column), Objects.requireNonNull(values));
            return this;
        }

        /** A boxed column, as decoded from JSON: null becomes NaN. */
        public Builder numeric(String column, Double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] == null ? Double.NaN : values[i];
            }
            return numeric(column, out);
        }

        public Builder categorical(String column, String[] values) {
            categorical.put(Objects.requireNonNull(column), Objects.requireNonNull(values));
            return this;
        }

        public CurrentWindow build() {
            return new CurrentWindow(numeric, categorical);
        }
    }
}
