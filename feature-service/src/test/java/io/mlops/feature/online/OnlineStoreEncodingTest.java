package io.mlops.feature.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OnlineStoreEncodingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aVectorIsStoredAsTheJsonArrayOfItsShortestRoundTripDecimals() {
        assertThat(text(OnlineStore.encode(new double[] {1.0, -0.0, 0.1, 1e-7, 1e308}))).isEqualTo("[1.0,-0.0,0.1,1.0E-7,1.0E308]");
        assertThat(text(OnlineStore.encode(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})))
                .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\"]");
    }

    @Test
    void everyStoredValueReadsBackBitForBit() {
        Random random = new Random(7);
        double[] vector = new double[2000];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> Double.longBitsToDouble(random.nextLong());   // any bit pattern, subnormals included
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
                default -> Math.PI * i;
            };
        }
        vector[1] = Double.MIN_VALUE;
        JsonNode read = JSON.readTree(OnlineStore.encode(vector));
        for (int i = 0; i < vector.length; i++) {
            double back = read.get(i).isString() ? Double.parseDouble(read.get(i).asString()) : read.get(i).asDouble();
            assertThat(Double.doubleToLongBits(back)).as("value %d: %s", i, vector[i]).isEqualTo(Double.doubleToLongBits(vector[i]));
        }
    }

    @Test
    void integerEntitiesAreWrittenAsJacksonWritesThem() {
        Random random = new Random(11);
        java.util.List<Object> entities = new java.util.ArrayList<>(java.util.List.of(0, 7, -7, 10, -10, 99, 100, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 0L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1_000_000_000_000L));
        for (int i = 0; i < 500; i++) {
            entities.add(random.nextInt());
            entities.add(random.nextLong() >> random.nextInt(64));
        }
        for (Object entity : entities) {
            AnswerBuffer out = new AnswerBuffer(1);
            out.write((byte) '[');
            OnlineAnswer.writeEntity(entity, JSON, out);
            assertThat(text(out.toByteArray())).as("%s", entity).isEqualTo("[" + JSON.writeValueAsString(entity));
        }
    }

    @Test
    void anAnswerObjectIsSplicedFromTheStoredTextAndTheNames() {
        OnlineCatalog.Served served = served("a", "b\"q", "c");
        byte[] stored = OnlineStore.encode(new double[] {0.5, -2.0, Double.NaN});
        AnswerBuffer out = new AnswerBuffer(1);
        assertThat(OnlineAnswer.writeFeatures(stored, served.fields(), out)).isTrue();
        assertThat(text(out.toByteArray())).isEqualTo("{\"a\":0.5,\"b\\\"q\":-2.0,\"c\":\"NaN\"}");
        assertThat(text(served.names())).isEqualTo("[\"a\",\"b\\\"q\",\"c\"]");
    }

    @Test
    void aStoredValueOfAnotherWidthOrShapeIsNotServedAndLeavesNothingBehind() {
        byte[][] fields = served("a", "b", "c").fields();
        String[] refused = {"[1.0,2.0]", "[1.0,2.0,3.0,4.0]", "[1.0,,3.0]", "[1.0,2.0,]", "[]", "1.0,2.0,3.0"};
        for (String value : refused) {
            AnswerBuffer out = new AnswerBuffer(1);
            out.write("x".getBytes(StandardCharsets.US_ASCII));
            assertThat(OnlineAnswer.writeFeatures(value.getBytes(StandardCharsets.US_ASCII), fields, out)).as(value).isFalse();
            assertThat(text(out.toByteArray())).as(value).isEqualTo("x");
        }
        // a packed float64 (the earlier layout) is not text
        assertThat(OnlineAnswer.writeFeatures(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f}, served("a").fields(), new AnswerBuffer(1))).isFalse();
        AnswerBuffer one = new AnswerBuffer(1);
        assertThat(OnlineAnswer.writeFeatures("[7.5]".getBytes(StandardCharsets.US_ASCII), served("a").fields(), one)).isTrue();
        assertThat(text(one.toByteArray())).isEqualTo("{\"a\":7.5}");
    }

    @Test
    void keysNameLayoutSetVersionAndEntity() {
        assertThat(new String(OnlineStore.key("weather", 3, "rain"))).isEqualTo("fj:weather:3:rain");
    }

    private static OnlineCatalog.Served served(String... names) {
        return OnlineCatalog.Served.of(java.util.List.of(names));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
