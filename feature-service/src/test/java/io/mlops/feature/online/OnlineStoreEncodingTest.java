package io.mlops.feature.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OnlineStoreEncodingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aVectorIsStoredAsTheJsonObjectOfItsShortestRoundTripDecimalsByName() {
        assertThat(text(OnlineStore.encode(served("a", "b", "c", "d", "e").fields(), new double[] {1.0, -0.0, 0.1, 1e-7, 1e308})))
                .isEqualTo("{\"a\":1.0,\"b\":-0.0,\"c\":0.1,\"d\":1.0E-7,\"e\":1.0E308}");
        assertThat(text(OnlineStore.encode(served("n", "p\"q", "é").fields(),
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})))
                .isEqualTo("{\"n\":\"NaN\",\"p\\\"q\":\"Infinity\",\"é\":\"-Infinity\"}");
        assertThatThrownBy(() -> OnlineStore.encode(served("a", "b").fields(), new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class);
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
        String[] names = new String[vector.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        JsonNode read = JSON.readTree(OnlineStore.encode(served(names).fields(), vector));
        for (int i = 0; i < vector.length; i++) {
            JsonNode value = read.get(names[i]);
            double back = value.isString() ? Double.parseDouble(value.asString()) : value.asDouble();
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
    void eachStoredObjectIsCopiedIntoTheAnswerBehindItsEntityAsTheReplyIsDecoded() {
        byte[] stored = OnlineStore.encode(served("a", "b\"q", "c").fields(), new double[] {0.5, -2.0, Double.NaN});
        byte[] around = new byte[stored.length + 4];
        System.arraycopy(stored, 0, around, 2, stored.length);
        AnswerBuffer answer = new AnswerBuffer(1);
        answer.write((byte) '[');
        AnswerOutput output = new AnswerOutput(answer, java.util.List.of("x\"y", 7L, java.util.Map.of("k", 1)), JSON);
        output.set(ByteBuffer.wrap(around, 2, stored.length));
        output.set(null);
        output.set(ByteBuffer.wrap(stored));
        assertThat(output.count()).isEqualTo(3);
        assertThat(output.failure()).isNull();
        assertThat(text(answer.toByteArray())).isEqualTo("[{\"entity\":\"x\\\"y\",\"features\":{\"a\":0.5,\"b\\\"q\":-2.0,\"c\":\"NaN\"}}"
                + ",{\"entity\":7,\"missing\":true},{\"entity\":{\"k\":1},\"features\":" + text(stored) + "}");
        assertThat(text(served("a", "b\"q", "c").names())).isEqualTo("[\"a\",\"b\\\"q\",\"c\"]");
    }

    @Test
    void aStoredValueOfAnotherLayoutIsReportedMissingNotServed() {
        // the earlier layouts: the JSON array of the values ("fj:"), packed float64 ("fs:"); and what is no object at all
        byte[][] refused = {"[1.0,2.0,3.0]".getBytes(StandardCharsets.US_ASCII), "1.0".getBytes(StandardCharsets.US_ASCII),
                "\"a\"".getBytes(StandardCharsets.US_ASCII), "{".getBytes(StandardCharsets.US_ASCII), "}".getBytes(StandardCharsets.US_ASCII),
                new byte[0], {0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f}};
        for (byte[] value : refused) {
            AnswerBuffer answer = new AnswerBuffer(1);
            AnswerOutput output = new AnswerOutput(answer, java.util.List.of(1), JSON);
            output.set(ByteBuffer.wrap(value));
            assertThat(text(answer.toByteArray())).as(text(value)).isEqualTo("{\"entity\":1,\"missing\":true}");
        }
    }

    @Test
    void valuesBeyondTheKeysSentAreCountedNotWritten() {
        AnswerBuffer answer = new AnswerBuffer(1);
        AnswerOutput output = new AnswerOutput(answer, java.util.List.of(1), JSON);
        output.set(ByteBuffer.wrap("{\"a\":1.0}".getBytes(StandardCharsets.US_ASCII)));
        output.set(ByteBuffer.wrap("{\"a\":2.0}".getBytes(StandardCharsets.US_ASCII)));
        assertThat(output.count()).isEqualTo(2);
        assertThat(output.expected()).isEqualTo(1);
        assertThat(text(answer.toByteArray())).isEqualTo("{\"entity\":1,\"features\":{\"a\":1.0}}");
    }

    @Test
    void keysNameLayoutSetVersionAndEntity() {
        assertThat(new String(OnlineStore.key("weather", 3, "rain"))).isEqualTo("fo:weather:3:rain");
    }

    private static OnlineCatalog.Served served(String... names) {
        return OnlineCatalog.Served.of(java.util.List.of(names));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
