package io.mlops.inference.oip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TensorDataDeserializerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheElementsDatabindReadsFlattenedRowMajor() {
        Random random = new Random(7);
        StringBuilder big = new StringBuilder("[");
        for (int r = 0; r < 40; r++) {
            big.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < 64; c++) {
                big.append(c == 0 ? "" : ",").append(switch (c % 4) {
                    case 0 -> Integer.toString(random.nextInt(17));
                    case 1 -> Double.toString(random.nextGaussian() * 1e3);
                    case 2 -> Float.toString(random.nextFloat());
                    default -> Double.toString(random.nextDouble() * 1e-300);
                });
            }
            big.append(']');
        }
        big.append(']');
        for (String data : List.of("5", "2.5", "true", "[]", "[1, 2.5, -3, 1e3, 12345678901, 0.1]", "[[true, false], [[1]], 2]",
                big.toString())) {
            TensorData read = read(data);
            List<Object> expected = new ArrayList<>();
            flatten(json.readValue(data, Object.class), expected);
            assertThat(read.holdsNull()).isFalse();
            assertThat(read.other()).isNull();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                values.add(read.value(i));
            }
            assertThat(values).as(data).isEqualTo(expected);
        }
    }

    @Test
    void notesNullsAndElementsThatAreNeitherNumbersNorBooleansAndStillCountsThem() {
        TensorData withNull = read("[1, [null, 2]]");
        assertThat(withNull.holdsNull()).isTrue();
        assertThat(withNull.size()).isEqualTo(3);

        TensorData text = read("[1, \"a\", {\"b\": [1, 2]}, \"c\", 4]");
        assertThat(text.other()).isEqualTo("a");
        assertThat(text.size()).isEqualTo(5);
        assertThat(read("[{\"b\": 1}]").other()).isEqualTo("an object");
    }

    @Test
    void aNullDataIsNoData() {
        record Holder(TensorData data) {
        }
        assertThat(json.readValue("{\"data\": null}", Holder.class).data()).isNull();
        assertThat(json.readValue("{}", Holder.class).data()).isNull();
    }

    private TensorData read(String data) {
        return json.readValue(data, TensorData.class);
    }

    private static void flatten(Object data, List<Object> into) {
        if (data instanceof List<?> list) {
            list.forEach(item -> flatten(item, into));
        } else {
            into.add(data);
        }
    }
}
