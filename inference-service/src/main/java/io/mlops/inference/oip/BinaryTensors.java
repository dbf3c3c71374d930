package io.mlops.inference.oip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The binary tensor data extension (Triton's, adopted by KServe): the body is the JSON inference request, its length in
 * the {@code Inference-Header-Content-Length} header, followed by the raw data of each input that carries a
 * {@code binary_data_size} parameter, in the order of the inputs, little-endian, row-major, each element in its
 * datatype's native size (BOOL one byte). Triton's Python and C++ HTTP clients send inputs this way by default, and
 * for a [32, 64] FP32 tensor it skips parsing 2,048 decimal numbers.
 */
final class BinaryTensors {

    static final String HEADER = "Inference-Header-Content-Length";
    static final String SIZE = "binary_data_size";

    private BinaryTensors() {
    }

    /** The JSON header's length, checked against the body. */
    static int headerLength(String value, int bodyLength) {
        int length;
        try {
            length = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidBinaryBody(HEADER + " '" + value + "' is not a number of bytes");
        }
        if (length < 0 || length > bodyLength) {
            throw new InvalidBinaryBody(HEADER + " " + length + " does not fit a body of " + bodyLength + " bytes");
        }
        return length;
    }

    /** The inputs with the data of those that have a {@code binary_data_size} read from {@code body[offset..]}. */
    static List<OipMessages.InferInput> attach(List<OipMessages.InferInput> inputs, byte[] body, int offset) {
        if (inputs == null) {
            return null;
        }
        Tensors.checkNulls(inputs);
        List<OipMessages.InferInput> attached = new ArrayList<>(inputs.size());
        int at = offset;
        for (OipMessages.InferInput input : inputs) {
            Object declared = input.parameters() == null ? null : input.parameters().get(SIZE);
            if (declared == null) {
                attached.add(input);
                continue;
            }
            String name = String.valueOf(input.name());
            if (input.data() != null) {
                throw new InvalidTensor(name, "has both data and " + SIZE);
            }
            long elements = Tensors.elementCount(input);
            long bytes = elements * elementSize(input);
            // int64 in the protocol: Jackson reads a whole number as Integer or Long (BigInteger past a long)
            if (!(declared instanceof Integer || declared instanceof Long) || ((Number) declared).longValue() != bytes) {
                throw new InvalidTensor(name, SIZE + " " + declared + " does not match shape " + input.shape() + " of "
                        + input.datatype() + " (" + bytes + " bytes)");
            }
            if (bytes > body.length - at) {
                throw new InvalidTensor(name, SIZE + " " + bytes + " runs past the body's end (" + (body.length - at)
                        + " bytes left)");
            }
            attached.add(new OipMessages.InferInput(input.name(), input.shape(), input.datatype(), input.parameters(),
                    decode(input.datatype(), body, at, (int) elements)));
            at += (int) bytes;
        }
        if (at != body.length) {
            throw new InvalidBinaryBody("the body has " + (body.length - offset) + " bytes after the inference header; the"
                    + " inputs' " + SIZE + " add up to " + (at - offset));
        }
        return attached;
    }

    private static int elementSize(OipMessages.InferInput input) {
        String type = input.datatype() == null ? "" : input.datatype();
        return switch (type) {
            case "BOOL", "INT8", "UINT8" -> 1;
            case "INT16", "UINT16", "FP16" -> 2;
            case "INT32", "UINT32", "FP32" -> 4;
            case "INT64", "UINT64", "FP64" -> 8;
            default -> throw new InvalidTensor(String.valueOf(input.name()), "datatype " + input.datatype()
                    + " is not supported as binary data");
        };
    }

    private static TensorData decode(String type, byte[] body, int offset, int n) {
        ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset).order(ByteOrder.LITTLE_ENDIAN);
        double[] numbers = new double[n];
        byte[] kinds = new byte[n];
        byte kind = type.startsWith("FP") ? TensorData.DECIMAL : TensorData.INTEGER;
        for (int i = 0; i < n; i++) {
            numbers[i] = switch (type) {
                case "BOOL" -> {
                    boolean value = in.get() != 0;
                    kinds[i] = value ? TensorData.TRUE : TensorData.FALSE;
                    yield value ? 1 : 0;
                }
                case "INT8" -> in.get();
                case "UINT8" -> Byte.toUnsignedInt(in.get());
                case "INT16" -> in.getShort();
                case "UINT16" -> Short.toUnsignedInt(in.getShort());
                case "FP16" -> Float.float16ToFloat(in.getShort());
                case "INT32" -> in.getInt();
                case "UINT32" -> Integer.toUnsignedLong(in.getInt());
                case "FP32" -> in.getFloat();
                case "INT64" -> in.getLong();
                case "UINT64" -> unsigned(in.getLong());
                default -> in.getDouble(); // FP64
            };
            if (!type.equals("BOOL")) {
                kinds[i] = kind;
            }
        }
        return new TensorData(numbers, kinds, n, false, null);
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2 + (value & 1);
    }

    /**
     * Whether the model's one output goes back as binary data: its requested output's {@code binary_data} when given,
     * else the request's {@code binary_data_output} (Triton's rule: the request's flag is the default for each output).
     */
    static boolean binaryOutput(OipMessages.InferRequest request) {
        if (request.outputs() != null) {
            for (OipMessages.RequestedOutput output : request.outputs()) {
                Map<String, Object> parameters = output.parameters();
                if (parameters != null && parameters.get("binary_data") instanceof Boolean binary) {
                    return binary;
                }
            }
        }
        return request.parameters() != null && Boolean.TRUE.equals(request.parameters().get("binary_data_output"));
    }

    /** The output's values as FP32 binary data: little-endian, row-major. */
    static byte[] bytes(float[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(values);
        return out.array();
    }
}
