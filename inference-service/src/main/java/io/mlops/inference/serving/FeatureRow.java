package io.mlops.inference.serving;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
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
        /** The names pre-encoded, for the parser to match against the input's bytes. */
        final SerializableString[] encoded;

        Layout(String[] names) {
            this.names = names;
            this.encoded = new SerializableString[names.length];
            for (int i = 0; i < names.length; i++) {
                encoded[i] = new SerializedString(names[i]);
            }
            this.index = HashMap.newHashMap(names.length);
            for (int i = 0; i < names.length; i++) {
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

    Object valueAt(int i) {
        return switch (kinds[i]) {
            case FLOAT -> numbers[i];
            case INT -> (int) numbers[i];
            default -> others[i];
        };
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
