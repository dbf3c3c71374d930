package io.mlops.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The streaming predict-body reader gives what Jackson's own mapping gave, and the encoder's fast path the same floats and errors. */
class FeatureRowsDeserializerTest {

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonMapper STREAMING = PLAIN.rebuild()
            .addModule(new SimpleModule().addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())).build();

    private static final String MIXED = """
            {"requestKey":"k1","extra":{"a":[1,2]},"instances":[
              {"a":1.5,"b":2,"c":"x","d":true,"e":null,"f":12345678901,"g":[1,2],"h":{"z":1},"i":1e400},
              {"a":-0.25,"b":3,"c":"y","d":false,"e":null,"f":1,"g":[],"h":{},"i":2.0},
              {"b":7,"a":1.0},
              null,
              {"a":1,"a":2.5},
              {}
            ],"entities":null}""";

    @Test
    void readsWhatJacksonsOwnMappingReads() {
        PredictionRequest plain = PLAIN.readValue(MIXED, PredictionRequest.class);
        PredictionRequest streaming = STREAMING.readValue(MIXED, PredictionRequest.class);
        assertThat(streaming).isEqualTo(plain);
        assertThat(streaming.instances().get(0)).isInstanceOf(FeatureRow.class);
        // Map order and value types as LinkedHashMap gave them: PredictionMade records the features as read.
        assertThat(List.copyOf(streaming.instances().get(2).keySet())).containsExactly("b", "a");
        assertThat(streaming.instances().get(0).get("b")).isInstanceOf(Integer.class);
        assertThat(streaming.instances().get(0).get("f")).isInstanceOf(Long.class);
        assertThat(PLAIN.writeValueAsString(streaming)).isEqualTo(PLAIN.writeValueAsString(plain));
        String entities = "{\"entities\":[\"e1\",\"e2\"]}";
        assertThat(STREAMING.readValue(entities, PredictionRequest.class)).isEqualTo(PLAIN.readValue(entities, PredictionRequest.class));
    }

    @Test
    void requestsWithTheSameNamesShareOneLayout() {
        // The encoder maps a layout to model columns once; a layout per request redid that on every request.
        JsonMapper mapper = PLAIN.rebuild()
                .addModule(new SimpleModule().addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())).build();
        FeatureRow first = row(mapper, "{\"instances\":[{\"x\":1.5,\"y\":2}]}");
        FeatureRow again = row(mapper, "{\"instances\":[{\"x\":-3.0,\"y\":4}]}");
        FeatureRow swapped = row(mapper, "{\"instances\":[{\"y\":4,\"x\":-3.0}]}");
        assertThat(again.layout).isSameAs(first.layout);
        assertThat(swapped.layout).isNotSameAs(first.layout);
        assertThat(List.copyOf(swapped.keySet())).containsExactly("y", "x");
        assertThat(again).containsExactly(java.util.Map.entry("x", -3.0), java.util.Map.entry("y", 4));
        // fewer or more names than the layout the parser expects, each matching where it stands: a layout of their own
        FeatureRow prefix = row(mapper, "{\"instances\":[{\"y\":1,\"x\":2}]}");
        FeatureRow shorter = row(mapper, "{\"instances\":[{\"y\":1}]}");
        FeatureRow longer = row(mapper, "{\"instances\":[{\"y\":1,\"x\":2,\"z\":3}]}");
        assertThat(prefix.layout).isSameAs(swapped.layout);
        assertThat(List.copyOf(shorter.keySet())).containsExactly("y");
        assertThat(List.copyOf(longer.keySet())).containsExactly("y", "x", "z");
    }

    @Test
    void floatsReadExactlyAsJacksonReadsThem() {
        // The fast decimal path must give bit for bit the double Jackson's own parser gives, including where it must
        // not apply (exponents, 19+ digits, mantissas over 2^53, -0.0) and across rows whose names differ from the
        // layout the parser is told to expect.
        java.util.Random random = new java.util.Random(42);
        List<String> texts = new java.util.ArrayList<>(List.of("0.0", "-0.0", "13.0", "0.1", "-0.25", "1.7976931348623157",
                "9007199254740993.0", "9007199254740992.0", "123456789012345678.9", "0.0000000000000000000001",
                "0.00000000000000000000001", "1e3", "1.5E-7", "-2.5e+10", "4.9e-324", "1e400", "3.141592653589793238"));
        for (int i = 0; i < 4000; i++) {
            String digits = Long.toString(1_000_000_000_000_000_000L + random.nextLong(8_000_000_000_000_000_000L))
                    .substring(0, 1 + random.nextInt(19));
            int point = 1 + random.nextInt(digits.length());
            String text = digits.substring(0, point) + "." + (point == digits.length() ? "0" : digits.substring(point));
            texts.add(random.nextBoolean() ? "-" + text : text);
        }
        StringBuilder body = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < texts.size(); i++) {
            // Names shift every few rows, so rows both match and miss the layout the parser expects.
            body.append(i == 0 ? "" : ",").append("{\"v\":").append(texts.get(i)).append(",\"w").append(i / 7)
                    .append("\":1.5}");
        }
        body.append("]}");
        PredictionRequest plain = PLAIN.readValue(body.toString(), PredictionRequest.class);
        PredictionRequest streaming = STREAMING.readValue(body.toString(), PredictionRequest.class);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Double.doubleToRawLongBits((Double) streaming.instances().get(i).get("v"))).as(texts.get(i))
                    .isEqualTo(Double.doubleToRawLongBits((Double) plain.instances().get(i).get("v")));
            assertThat(List.copyOf(streaming.instances().get(i).keySet())).containsExactly("v", "w" + i / 7);
        }
        assertThat(streaming).isEqualTo(plain);
    }

    private static FeatureRow row(JsonMapper mapper, String body) {
        return (FeatureRow) mapper.readValue(body, PredictionRequest.class).instances().getFirst();
    }

    @Test
    void malformedBodiesFailAsBefore() {
        for (String body : List.of("{\"instances\":{}}", "{\"instances\":[1]}", "[]", "{\"instances\":[{\"a\":NaN}]}")) {
            assertThatThrownBy(() -> STREAMING.readValue(body, PredictionRequest.class)).as(body)
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }
    }

    @Test
    void theEncoderFastPathGivesTheMapPathsFloatsAndErrors() {
        InputEncoder encoder = new InputEncoder(new InputSignature(
                List.of(new Feature("x", FeatureType.NUMBER), new Feature("y", FeatureType.INTEGER)), null, List.of("y", "x")));
        String rows = "{\"instances\":[{\"x\":0.1,\"y\":2},{\"y\":3,\"x\":-1e-3},{\"x\":1.0E30,\"y\":-4}]}";
        assertThat(encoder.encode(STREAMING.readValue(rows, PredictionRequest.class).instances(), "instances"))
                .containsExactly(encoder.encode(PLAIN.readValue(rows, PredictionRequest.class).instances(), "instances"));
        for (String bad : List.of("{\"x\":1e39,\"y\":1}", "{\"x\":1e400,\"y\":1}", "{\"x\":1.0}", "{\"x\":1.0,\"y\":1,\"z\":2}",
                "{\"x\":\"1\",\"y\":1}", "{\"x\":null,\"y\":1}")) {
            String body = "{\"instances\":[{\"x\":1.0,\"y\":1}," + bad + "]}";
            var expected = catchProblem(encoder, PLAIN.readValue(body, PredictionRequest.class));
            var actual = catchProblem(encoder, STREAMING.readValue(body, PredictionRequest.class));
            assertThat(actual.field()).as(bad).isEqualTo(expected.field()).startsWith("instances[1]");
            assertThat(actual.getMessage()).as(bad).isEqualTo(expected.getMessage());
        }
    }

    private static InvalidFeatures catchProblem(InputEncoder encoder, PredictionRequest request) {
        try {
            encoder.encode(request.instances(), "instances");
        } catch (InvalidFeatures e) {
            return e;
        }
        throw new AssertionError("no InvalidFeatures for " + request);
    }
}
