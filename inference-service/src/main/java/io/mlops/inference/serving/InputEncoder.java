package io.mlops.inference.serving;

import io.mlops.domain.feature.FeatureNotComputable;
import io.mlops.domain.feature.FeatureTransformer;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw named feature rows → the float matrix the network sees. The only class that reads
 * {@link InputSignature#transformations()}: with a fitted spec, common-domain's {@link FeatureTransformer}
 * computes the model inputs (the same code that materialized the training data); without one, the
 * features go in as they are, in {@code modelInputs} order.
 */
public final class InputEncoder {

    private final Map<String, FeatureType> features = new HashMap<>();
    private final List<String> modelInputs;
    private final FeatureTransformer transformer;
    /** For each model input, its column in the transformer's output. */
    private final int[] transformedIndex;
    /** The model inputs' names as one row layout, so that every matrix row of this version shares it. */
    private final FeatureRow.Layout modelInputLayout;

    public InputEncoder(InputSignature signature) {
        for (Feature feature : signature.features()) {
            features.put(feature.name(), feature.type());
        }
        this.modelInputs = signature.modelInputs();
        this.modelInputLayout = new FeatureRow.Layout(modelInputs.toArray(String[]::new));
        if (signature.transformations() == null) {
            this.transformer = null;
            this.transformedIndex = null;
        } else {
            this.transformer = signature.transformations().transformer();
            List<String> produced = transformer.outputColumns();
            this.transformedIndex = modelInputs.stream().mapToInt(produced::indexOf).toArray();
            for (int i = 0; i < transformedIndex.length; i++) {
                if (transformedIndex[i] < 0) {
                    throw new IllegalArgumentException("model input '" + modelInputs.get(i)
                            + "' is not produced by the model's transformation spec " + produced);
                }
            }
        }
    }

    public int width() {
        return modelInputs.size();
    }

    public List<String> modelInputs() {
        return modelInputs;
    }

    /**
     * The rows of a row-major matrix of model inputs, named after them: PredictionMade's features for a request that
     * sent no raw features (OIP's one-tensor form). One layout per version, so the event sender groups them by reference.
     */
    public List<Map<String, Object>> modelInputRows(double[] rowMajor, int rows) {
        return FeatureRow.ofMatrix(modelInputLayout, rowMajor, rows);
    }

    /**
     * @param field the request's name for the rows, for error messages, e.g. {@code instances}
     * @throws InvalidFeatures naming {@code field[i].feature}
     */
    public float[] encode(List<? extends Map<String, ?>> rows, String field) {
        float[] out = new float[rows.size() * width()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, ?> row = rows.get(r);
            if (row == null) {
                throw new InvalidFeatures(field + "[" + r + "]", "the row is null");
            }
            if (transformer == null && row instanceof FeatureRow parsed && encodeParsed(parsed, out, r * width())) {
                continue;
            }
            // The row's field name ("instances[3]") is built only when a check fails: the happy path makes no strings.
            checkNames(row, field, r);
            if (transformer == null) {
                encodeRaw(row, out, r * width(), field, r);
            } else {
                encodeTransformed(row, out, r * width(), field, r);
            }
        }
        return out;
    }

    /**
     * Rows that already hold the model inputs by name (online features are the feature set's transformed
     * output columns), so no transformation is applied again.
     *
     * @throws InvalidFeatures naming {@code field[i].input} for a missing or non-finite model input
     */
    public float[] encodeModelInputs(List<? extends Map<String, ?>> rows, String field) {
        float[] out = new float[rows.size() * width()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, ?> row = rows.get(r);
            for (int i = 0; i < modelInputs.size(); i++) {
                String name = modelInputs.get(i);
                if (!(row.get(name) instanceof Number n)) {
                    throw new InvalidFeatures(at(field, r) + "." + name, "the online features have no numeric value for model input '"
                            + name + "'; they have " + row.keySet());
                }
                float x = n.floatValue();
                if (!Float.isFinite(x)) {
                    throw new InvalidFeatures(at(field, r) + "." + name, "must be a finite number, was " + n);
                }
                out[r * width() + i] = x;
            }
        }
        return out;
    }

    /** The last layout seen and, per model input, its column there; -1 for all when the layout needs the map path. */
    private record Columns(FeatureRow.Layout layout, int[] column) {
    }

    private volatile Columns lastColumns;

    /**
     * The parsed-row fast path: every name known and numeric-typed, every value a finite JSON float or int, every
     * model input present. Any other row returns false and takes the map path, which names the problem exactly.
     */
    private boolean encodeParsed(FeatureRow row, float[] out, int offset) {
        if (row.others != null) {
            return false;
        }
        Columns columns = lastColumns;
        if (columns == null || columns.layout() != row.layout) {
            columns = new Columns(row.layout, columnsOf(row.layout));
            lastColumns = columns;
        }
        int[] column = columns.column();
        if (column == null) {
            return false;
        }
        double[] values = row.numbers;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        for (int i = 0; i < column.length; i++) {
            float x = (float) values[column[i]];
            if (!Float.isFinite(x)) {
                return false;
            }
            out[offset + i] = x;
        }
        return true;
    }

    private int[] columnsOf(FeatureRow.Layout layout) {
        for (String name : layout.names) {
            FeatureType type = features.get(name);
            if (type != FeatureType.NUMBER && type != FeatureType.INTEGER) {
                return null;
            }
        }
        int[] column = new int[modelInputs.size()];
        for (int i = 0; i < column.length; i++) {
            Integer at = layout.index.get(modelInputs.get(i));
            if (at == null) {
                return null;
            }
            column[i] = at;
        }
        return column;
    }

    private static String at(String field, int row) {
        return field + "[" + row + "]";
    }

    private void checkNames(Map<String, ?> row, String field, int r) {
        for (Map.Entry<String, ?> entry : row.entrySet()) {
            FeatureType type = features.get(entry.getKey());
            if (type == null) {
                throw new InvalidFeatures(at(field, r) + "." + entry.getKey(), "unknown feature; the model takes " + features.keySet());
            }
            Object value = entry.getValue();
            // The happy path builds no strings: the field name is made only for the error.
            String problem = null;
            if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
                problem = "must be a finite number, was " + value;
            } else if (value != null && (type == FeatureType.NUMBER || type == FeatureType.INTEGER) && !(value instanceof Number)) {
                problem = "must be a number, was " + describe(value);
            } else if (value != null && type == FeatureType.BOOLEAN && !(value instanceof Boolean)) {
                problem = "must be a boolean, was " + describe(value);
            } else if (value != null && type == FeatureType.STRING && !(value instanceof String)) {
                problem = "must be a string, was " + describe(value);
            }
            if (problem != null) {
                throw new InvalidFeatures(at(field, r) + "." + entry.getKey(), problem);
            }
        }
    }

    private void encodeRaw(Map<String, ?> row, float[] out, int offset, String field, int r) {
        for (int i = 0; i < modelInputs.size(); i++) {
            String name = modelInputs.get(i);
            Object value = row.get(name);
            if (value == null) {
                throw new InvalidFeatures(at(field, r) + "." + name, "missing; the model needs " + modelInputs);
            }
            float x = switch (value) {
                case Number n -> n.floatValue();
                case Boolean b -> b ? 1f : 0f;
                default -> throw new InvalidFeatures(at(field, r) + "." + name, "must be a number, was " + describe(value));
            };
            if (!Float.isFinite(x)) {
                throw new InvalidFeatures(at(field, r) + "." + name, "is outside the float range: " + value);
            }
            out[offset + i] = x;
        }
    }

    private void encodeTransformed(Map<String, ?> row, float[] out, int offset, String field, int r) {
        double[] transformed;
        try {
            transformed = transformer.transform(row);
        } catch (FeatureNotComputable e) {
            String column = e.column() == null ? "" : "." + e.column();
            throw new InvalidFeatures(at(field, r) + column, e.getMessage());
        }
        for (int i = 0; i < transformedIndex.length; i++) {
            float x = (float) transformed[transformedIndex[i]];
            if (!Float.isFinite(x)) {
                throw new InvalidFeatures(at(field, r), "model input '" + modelInputs.get(i) + "' is not finite after the transformations");
            }
            out[offset + i] = x;
        }
    }

    private static String describe(Object value) {
        return value instanceof String s ? "the text \"" + s + "\"" : value.getClass().getSimpleName().toLowerCase();
    }

}
