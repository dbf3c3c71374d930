package io.mlops.inference.oip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BinaryTensorsTest {

    @Test
    void decodesEveryNumericDatatypeLittleEndianAsItsJsonElementsWouldRead() {
        assertDecoded("BOOL", 1, b -> b.put((byte) 1).put((byte) 0).put((byte) 1), true, false, true);
        assertDecoded("INT8", 1, b -> b.put((byte) -128).put((byte) 0).put((byte) 127), -128, 0, 127);
        assertDecoded("UINT8", 1, b -> b.put((byte) 0xFF).put((byte) 0).put((byte) 1), 255, 0, 1);
        assertDecoded("INT16", 2, b -> b.putShort((short) -32768).putShort((short) 1).putShort((short) 32767), -32768, 1, 32767);
        assertDecoded("UINT16", 2, b -> b.putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 2), 65535, 0, 2);
        assertDecoded("INT32", 4, b -> b.putInt(Integer.MIN_VALUE).putInt(-1).putInt(Integer.MAX_VALUE),
                Integer.MIN_VALUE, -1, Integer.MAX_VALUE);
        assertDecoded("UINT32", 4, b -> b.putInt(-1).putInt(0).putInt(7), 4294967295L, 0, 7);
        assertDecoded("INT64", 8, b -> b.putLong(-5_000_000_000L).putLong(0).putLong(5), -5_000_000_000L, 0, 5);
        assertDecoded("UINT64", 8, b -> b.putLong(-1).putLong(0).putLong(1L << 40), Math.pow(2, 64), 0, 1L << 40);
        assertDecoded("FP16", 2, b -> b.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-2f))
                .putShort(Float.floatToFloat16(0.25f)), 1.5, -2.0, 0.25);
        assertDecoded("FP32", 4, b -> b.putFloat(0.1f).putFloat(-3.5f).putFloat(1e30f), (double) 0.1f, -3.5, (double) 1e30f);
        assertDecoded("FP64", 8, b -> b.putDouble(0.1).putDouble(-3.5).putDouble(1e300), 0.1, -3.5, 1e300);
    }

    @Test
    void inputsWithoutBinaryDataPassThroughAndOthersReadInOrder() {
        var json = new OipMessages.InferInput("a", List.of(1L), "FP32", null, null);
        var first = tensor("b", "INT32", 4 * 2, 2);
        var second = tensor("c", "INT8", 1, 1);
        byte[] body = ByteBuffer.allocate(5 + 9).order(ByteOrder.LITTLE_ENDIAN).put(new byte[5]).putInt(3).putInt(4)
                .put((byte) 9).array();
        List<OipMessages.InferInput> attached = BinaryTensors.attach(List.of(json, first, second), body, 5);
        assertThat(attached.get(0)).isSameAs(json);
        assertThat(values(attached.get(1).data())).containsExactly(3, 4);
        assertThat(values(attached.get(2).data())).containsExactly(9);
    }

    @Test
    void refusesSizesThatAreNotWholeBytesOrCollideWithData() {
        var fraction = new OipMessages.InferInput("x", List.of(1L), "FP32", Map.of(BinaryTensors.SIZE, 4.0), null);
        assertThatThrownBy(() -> BinaryTensors.attach(List.of(fraction), new byte[4], 0)).isInstanceOf(InvalidTensor.class)
                .hasMessageContaining("input 'x'").hasMessageContaining("binary_data_size 4.0");
        var text = new OipMessages.InferInput("x", List.of(1L), "FP32", Map.of(BinaryTensors.SIZE, "4"), null);
        assertThatThrownBy(() -> BinaryTensors.attach(List.of(text), new byte[4], 0)).isInstanceOf(InvalidTensor.class);
        var both = new OipMessages.InferInput("x", List.of(1L), "FP32", Map.of(BinaryTensors.SIZE, 4),
                new TensorData(new double[] {1}, new byte[1], 1, false, null));
        assertThatThrownBy(() -> BinaryTensors.attach(List.of(both), new byte[4], 0)).hasMessageContaining("both data and");
        var bytes = new OipMessages.InferInput("x", List.of(1L), "BYTES", Map.of(BinaryTensors.SIZE, 4), null);
        assertThatThrownBy(() -> BinaryTensors.attach(List.of(bytes), new byte[4], 0)).hasMessageContaining("BYTES");
    }

    @Test
    void nullsWhereTheProtocolWantsValuesAre400sNamingWhere() {
        List<OipMessages.InferInput> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> BinaryTensors.attach(withNull, new byte[0], 0)).isInstanceOf(InvalidTensor.class)
                .hasMessageContaining("input '#0': is null");
        var nullDim = new OipMessages.InferInput("x", Arrays.asList(null, 64L), "FP32", Map.of(BinaryTensors.SIZE, 4), null);
        assertThatThrownBy(() -> BinaryTensors.attach(List.of(nullDim), new byte[4], 0)).isInstanceOf(InvalidTensor.class)
                .hasMessageContaining("input 'x'").hasMessageContaining("holds null");
        assertThatThrownBy(() -> BinaryTensors.headerLength("-1", 10)).isInstanceOf(InvalidBinaryBody.class);
        assertThatThrownBy(() -> BinaryTensors.headerLength("ten", 10)).isInstanceOf(InvalidBinaryBody.class);
    }

    @Test
    void anOutputsOwnBinaryDataOverridesTheRequestsDefault() {
        var asDefault = Map.<String, Object>of("binary_data_output", true);
        assertThat(BinaryTensors.binaryOutput(new OipMessages.InferRequest(null, asDefault, List.of(), null))).isTrue();
        var jsonOutput = List.of(new OipMessages.RequestedOutput("logits", Map.of("binary_data", false)));
        assertThat(BinaryTensors.binaryOutput(new OipMessages.InferRequest(null, asDefault, List.of(), jsonOutput))).isFalse();
        var binaryOutput = List.of(new OipMessages.RequestedOutput("logits", Map.of("binary_data", true)));
        assertThat(BinaryTensors.binaryOutput(new OipMessages.InferRequest(null, null, List.of(), binaryOutput))).isTrue();
        var plain = List.of(new OipMessages.RequestedOutput("logits", null));
        assertThat(BinaryTensors.binaryOutput(new OipMessages.InferRequest(null, null, List.of(), plain))).isFalse();
    }

    private static void assertDecoded(String type, int width, Consumer<ByteBuffer> write, Object... expected) {
        ByteBuffer buffer = ByteBuffer.allocate(3 * width).order(ByteOrder.LITTLE_ENDIAN);
        write.accept(buffer);
        List<OipMessages.InferInput> attached = BinaryTensors.attach(List.of(tensor("t", type, 3 * width, 3)), buffer.array(), 0);
        TensorData data = attached.getFirst().data();
        assertThat(data.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            Object value = data.value(i);
            if (expected[i] instanceof Boolean) {
                assertThat(value).as("%s element %d", type, i).isEqualTo(expected[i]);
            } else {
                assertThat(((Number) value).doubleValue()).as("%s element %d", type, i)
                        .isEqualTo(((Number) expected[i]).doubleValue());
            }
        }
    }

    private static OipMessages.InferInput tensor(String name, String type, int bytes, long elements) {
        return new OipMessages.InferInput(name, List.of(elements), type, Map.of(BinaryTensors.SIZE, bytes), null);
    }

    private static List<Object> values(TensorData data) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            values.add(data.value(i));
        }
        return values;
    }
}
