package io.mlops.inference.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * One row's class probabilities, read-only: the model's labels (shared by every row) and the values unboxed. A
 * {@code Map} in label order for everything that reads it by name (PredictionMade, tests, databind), like the
 * {@code LinkedHashMap} it replaces; {@link PredictResponseWriter} writes it from the array with pre-encoded labels.
 * Why not a map: a 32-row digits answer made 32 maps of 10 entries and 320 boxed doubles per request, and wrote each
 * label through the generator's string escaping.
 */
final class Probabilities extends AbstractMap<String, Double> {

    /** A model's class labels (distinct: {@code OutputSpec} refuses repeats), with their JSON names encoded once. */
    static final class Labels {

        final List<String> source;
        final String[] names;
        final SerializableString[] encoded;

        Labels(List<String> source) {
            this.source = source;
            this.names = source.toArray(String[]::new);
            this.encoded = new SerializableString[names.length];
            for (int i = 0; i < names.length; i++) {
                encoded[i] = new SerializedString(names[i]);
            }
        }
    }

    private final Labels labels;
    private final double[] values;

    Probabilities(Labels labels, double[] values) {
        this.labels = labels;
        this.values = values;
    }

    /** {@code {label: probability, ...}}, the bytes {@code OutcomeJson.probabilities} writes for the same map. */
    void write(JsonGenerator g) {
        g.writeStartObject(this, values.length);
        for (int i = 0; i < values.length; i++) {
            g.writeName(labels.encoded[i]);
            g.writeNumber(values[i]);
        }
        g.writeEndObject();
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Double get(Object key) {
        String[] names = labels.names;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String name : labels.names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(labels.names[i], values[i]);
                    }
                };
            }
        };
    }
}
