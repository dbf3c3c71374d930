package io.mlops.inference.oip;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An OIP input tensor's {@code data} as read ({@link TensorDataDeserializer}): its elements flattened row-major, each
 * number unboxed in {@link #numbers} and its kind in {@link #kinds}. Read this way rather than as databind's nested
 * {@code List<Object>} of boxed values: a [32, 64] FP32 tensor is 2,048 numbers, and boxing, listing and flattening
 * them was most of an infer request's own parsing (bench/inference). The datatype is not known while the data is read
 * (a client may send {@code data} before {@code datatype}), so the elements are checked against it later
 * ({@link Tensors}).
 *
 * @param numbers  each element's value: the number, or 1/0 for {@code true}/{@code false}
 * @param kinds    each element's JSON kind: {@link #INTEGER}, {@link #DECIMAL}, {@link #TRUE} or {@link #FALSE}
 * @param size     how many elements
 * @param holdsNull whether an element is null
 * @param other    the first element that is neither a number, a boolean nor null (its text), or null if none
 */
@JsonDeserialize(using = TensorDataDeserializer.class)
record TensorData(double[] numbers, byte[] kinds, int size, boolean holdsNull, String other) {

    static final byte INTEGER = 0;
    static final byte DECIMAL = 1;
    static final byte TRUE = 2;
    static final byte FALSE = 3;

    boolean isBoolean(int i) {
        return kinds[i] >= TRUE;
    }

    /** Element {@code i} as databind would have read it: Integer or Long (Double past a long), Double, or Boolean. */
    Object value(int i) {
        return switch (kinds[i]) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INTEGER -> {
                double x = numbers[i];
                // past a long (a UINT64 over 2^63), the double: a cast would saturate
                yield x == (int) x ? (Object) (int) x : x == (long) x ? (Object) (long) x : (Object) x;
            }
            default -> numbers[i];
        };
    }

    /** Element {@code i} for an error message. */
    String text(int i) {
        return String.valueOf(value(i));
    }
}
