package io.mlops.inference.oip;

import io.mlops.inference.serving.JsonDecimals;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an OIP tensor's {@code data}, a scalar or arrays nested to any depth, straight into a {@link TensorData}
 * with the streaming parser. A null or a text element does not fail the read: it is noted in the {@link TensorData},
 * and {@link Tensors} answers it against the tensor's name and datatype.
 */
final class TensorDataDeserializer extends ValueDeserializer<TensorData> {

    /** Larger tensors grow from here: a hint shared by all requests must not make every small one allocate a lot. */
    private static final int MAX_HINT = 4096;

    /**
     * The size of the last tensor read, as the next one's starting capacity: clients send the same shape request after
     * request, and growing from a small array to 2,048 elements was 4 % of an infer request's samples (JFR). Shared
     * across threads; a stale value only costs a copy or some unused room.
     */
    private volatile int hint = 64;

    @Override
    public TensorData deserialize(JsonParser p, DeserializationContext ctxt) {
        Reader reader = new Reader(hint);
        if (p.currentToken() == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken token = p.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_ARRAY) {
                    depth--;
                } else {
                    reader.element(p, token);
                }
            }
        } else {
            reader.element(p, p.currentToken());
        }
        TensorData data = reader.data();
        int next = Math.clamp(data.size(), 1, MAX_HINT);
        if (next != hint) {
            hint = next;
        }
        return data;
    }

    @Override
    public TensorData getNullValue(DeserializationContext ctxt) {
        return null; // "data": null is a missing tensor, as no "data" at all
    }

    private static final class Reader {

        private double[] numbers;
        private byte[] kinds;
        private int size;
        private boolean holdsNull;
        private String other;

        Reader(int capacity) {
            numbers = new double[capacity];
            kinds = new byte[capacity];
        }

        void element(JsonParser p, JsonToken token) {
            switch (token) {
                case VALUE_NUMBER_INT -> add(p.getValueAsDouble(), TensorData.INTEGER);
                case VALUE_NUMBER_FLOAT -> add(JsonDecimals.read(p), TensorData.DECIMAL);
                case VALUE_TRUE -> add(1, TensorData.TRUE);
                case VALUE_FALSE -> add(0, TensorData.FALSE);
                case VALUE_NULL -> {
                    holdsNull = true;
                    add(0, TensorData.INTEGER);
                }
                default -> {
                    if (other == null) {
                        other = token == JsonToken.START_OBJECT ? "an object" : p.getString();
                    }
                    p.skipChildren();
                    add(0, TensorData.INTEGER); // counted, so that the element count still matches what was sent
                }
            }
        }

        private void add(double value, byte kind) {
            ensure();
            numbers[size] = value;
            kinds[size] = kind;
            size++;
        }

        private void ensure() {
            if (size >= numbers.length) {
                numbers = Arrays.copyOf(numbers, numbers.length * 2);
                kinds = Arrays.copyOf(kinds, kinds.length * 2);
            }
        }

        TensorData data() {
            return new TensorData(numbers, kinds, size, holdsNull, other);
        }
    }
}
