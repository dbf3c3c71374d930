package io.mlops.inference.serving;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * One parsed {@code instances} row, read-only: names (shared by all rows of a request that list them in the same
 * order) and values, with JSON floats and ints held unboxed. It is a {@code Map} for everything that reads rows
 * by name (transformation specs, PredictionMade features, error paths), in the order the request gave, like the
 * {@code LinkedHashMap} Jackson would make; {@link InputEncoder} reads the unboxed values directly. Why not a map:
 * a 32-row request of 64 features made 2,048 map entries and boxed doubles, the largest parse cost we own.
 */
public final class FeatureRow extends AbstractMap<String, Object> {

    static final byte FLOAT = 0;
    static final byte INT = 1;
    static final byte OTHER = 2;

    /** The column names of a row, in request order, with a name → column index. */
    public static final class Layout {

        final String[] names;
        final Map<String, Integer> index;
        /** The names as one list per layout: PredictionMadeBatch groups a drain's events by it and writes it once per record. */
        final List<String> nameList;
        /** The names pre-encoded, for the parser to match against the input's bytes. */
        final SerializableString[] encoded;

        Layout(String[] names) {
            this.names = names;
            this.nameList = List.of(names);
            this.encoded = new SerializableString[names.length];
            this.index = HashMap.newHashMap(names.length);
            for (int i = 0; i < names.length; i++) {
                encoded[i] = new SerializedString(names[i]);
                index.put(names[i], i);
            }
        }

        /** False when a name repeats (the last value wins in JSON objects read as maps; such rows stay maps). */
        boolean distinct() {
            return index.size() == names.length;
        }

        boolean sameNames(String[] other, int count) {
            if (count != names.length) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (!names[i].equals(other[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    final Layout layout;
    final double[] numbers;
    final byte[] kinds;
    /** Values that are neither a JSON float nor an int (text, booleans, null, longs, nested values); null if none. */
    final Object[] others;

    FeatureRow(Layout layout, double[] numbers, byte[] kinds, Object[] others) {
        this.layout = layout;
        this.numbers = numbers;
        this.kinds = kinds;
        this.others = others;
    }

    /**
     * The rows of a row-major matrix of numbers under {@code layout}'s names, each value a JSON float: PredictionMade's
     * features for a request that sent its model inputs as one matrix (OIP) rather than as named rows.
     */
    static List<Map<String, Object>> ofMatrix(Layout layout, double[] rowMajor, int rows) {
        int width = layout.names.length;
        byte[] kinds = new byte[width]; // all FLOAT (0), never written: one array for every row
        List<Map<String, Object>> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(new FeatureRow(layout, Arrays.copyOfRange(rowMajor, r * width, (r + 1) * width), kinds, null));
        }
        return out;
    }

    Object valueAt(int i) {
        return switch (kinds[i]) {
            case FLOAT -> numbers[i];
            case INT -> (int) numbers[i];
            default -> others[i];
        };
    }

    /**
     * Writes this row as the JSON object databind writes for it as a {@code Map} (floats through
     * {@code writeNumber(double)}, ints through {@code writeNumber(int)}, the rest through the generator's mapper),
     * without boxing each value into an entry: PredictionMade's features, once per sampled row.
     */
    public void writeJson(JsonGenerator g) {
        SerializableString[] names = layout.encoded;   // encoded once per layout, not once per event
        char[] digits = new char[12];
        g.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            g.writeName(names[i]);
            writeValue(g, i, digits);
        }
        g.writeEndObject();
    }

    /** Receives a row's values in order, numbers unboxed: how PredictionMadeBatch's Avro writer reads a row. */
    public interface ValueVisitor {

        /** A JSON float. */
        void number(double value);

        /** A JSON int (written as such, without a fraction). */
        void integer(int value);

        /** Anything else: text, booleans, null, longs, nested values, as databind read them. */
        void other(Object value);
    }

    /** Hands each value, in {@link #names()} order, to the visitor. */
    public void visitValues(ValueVisitor visitor) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case FLOAT -> visitor.number(numbers[i]);
                case INT -> visitor.integer((int) numbers[i]);
                default -> visitor.other(others[i]);
            }
        }
    }

    /** The names of this row's values, in order (one list shared by all rows of a layout). */
    public List<String> names() {
        return layout.nameList;
    }

    /**
     * Writes the values alone as a JSON array in {@link #names()} order, each as {@link #writeJson} writes it (the
     * bytes databind writes for a {@code List} of them): PredictionMadeBatch's features, once per sampled row.
     */
    public void writeValues(JsonGenerator g) {
        char[] digits = new char[12];
        g.writeStartArray();
        for (int i = 0; i < kinds.length; i++) {
            writeValue(g, i, digits);
        }
        g.writeEndArray();
    }

    private void writeValue(JsonGenerator g, int i, char[] digits) {
        switch (kinds[i]) {
            case FLOAT -> writeDouble(g, numbers[i], digits);
            case INT -> g.writeNumber((int) numbers[i]);
            default -> {
                if (others[i] == null) {
                    g.writeNull();
                } else {
                    g.writePOJO(others[i]);
                }
            }
        }
    }

    /**
     * {@code g.writeNumber(d)}, which writes {@code Double.toString(d)}, with whole numbers below 10^7 in magnitude
     * formatted here: {@code Double.toString} writes them as their digits and ".0", but only after its shortest-digits
     * search, which was a quarter of the event JSON for rows of whole numbers (pixels, counts, one-hot columns).
     */
    static void writeDouble(JsonGenerator g, double d, char[] digits) {
        long whole = (long) d;
        // -0.0 == 0 but prints its sign: left to Double.toString, as are fractions, NaN, infinities and large numbers
        if (whole != d || whole <= -10_000_000L || whole >= 10_000_000L || (whole == 0 && Double.doubleToRawLongBits(d) != 0)) {
            g.writeNumber(d);
            return;
        }
        int end = digits.length;
        digits[--end] = '0';
        digits[--end] = '.';
        long rest = Math.abs(whole);
        do {
            digits[--end] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (whole < 0) {
            digits[--end] = '-';
        }
        g.writeNumber(digits, end, digits.length - end);
    }

    @Override
    public int size() {
        return layout.names.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return layout.index.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Integer i = layout.index.get(key);
        return i == null ? null : valueAt(i);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return layout.names.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < layout.names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= layout.names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(layout.names[i], valueAt(i));
                    }
                };
            }
        };
    }
}
