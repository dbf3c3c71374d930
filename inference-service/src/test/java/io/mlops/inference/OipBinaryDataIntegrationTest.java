package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.inference.testing.Models;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The binary tensor data extension on the OIP infer endpoint, as Triton's HTTP clients use it by default: inputs as raw
 * little-endian data after the JSON request, outputs too when asked. Answers equal the JSON path's, bit for bit.
 */
class OipBinaryDataIntegrationTest extends InferenceTestBase {

    private static final List<double[]> DIGITS_IN = Models.csv("digits_first200_inputs.csv", 0, 64);
    private static final List<double[]> DIGITS_OUT = Models.csv("digits_mlp_expected.csv", 1, 10);
    private static final List<double[]> IRIS = Models.csv("iris_mlp_expected.csv", 0, 7);
    private static final String DIGITS = "/v2/models/digits/versions/1/infer";
    private static final String HEADER = "Inference-Header-Content-Length";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void binaryInputsAnswerAsTheJsonRequestDoes() {
        float[] expected = jsonLogits();
        for (int r = 0; r < 200; r++) {
            for (int k = 0; k < 10; k++) {
                assertThat((double) expected[r * 10 + k]).isCloseTo(DIGITS_OUT.get(r)[k], within(1e-4));
            }
        }
        var response = postBinary(DIGITS, Map.of("id", "b-1", "inputs", List.of(digitsTensor(51200))), digitsBytes());
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        Map<String, Object> body = read(response.getBody());
        assertThat(body).containsEntry("id", "b-1").containsEntry("model_version", "1");
        assertThat(floats(outputs(body).getFirst().get("data"))).isEqualTo(expected);
    }

    @Test
    void binaryOutputsAreTheSameFloatsAfterTheJsonHeader() {
        float[] expected = jsonLogits();
        // all outputs binary (request parameter), inputs as JSON
        Map<String, Object> jsonIn = Map.of("parameters", Map.of("binary_data_output", true),
                "inputs", List.of(Map.of("name", "input", "shape", List.of(200, 64), "datatype", "FP32", "data", digitsRows())));
        var whole = http().post().uri(DIGITS).contentType(MediaType.APPLICATION_JSON).body(jsonIn).retrieve().toEntity(byte[].class);
        assertBinaryLogits(whole, expected);
        // the one output asked as binary, inputs binary
        var binary = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(51200)),
                "outputs", List.of(Map.of("name", "logits", "parameters", Map.of("binary_data", true)))), digitsBytes());
        assertBinaryLogits(binary, expected);
        // the output's own binary_data: false wins over the request's default
        var overridden = postBinary(DIGITS, Map.of("parameters", Map.of("binary_data_output", true), "inputs", List.of(digitsTensor(51200)),
                "outputs", List.of(Map.of("name", "logits", "parameters", Map.of("binary_data", false)))), digitsBytes());
        assertThat(response(overridden)).doesNotContainKey(HEADER);
        assertThat(floats(outputs(read(overridden.getBody())).getFirst().get("data"))).isEqualTo(expected);
    }

    private static Map<String, Object> response(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return Map.copyOf(response.getHeaders().toSingleValueMap());
    }

    @Test
    void oneBinaryTensorPerFeatureGoesThroughTheTransformationSpec() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        ByteBuffer data = ByteBuffer.allocate(IRIS.size() * 4 * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < 4; f++) {
            inputs.add(Map.of("name", Models.IRIS_FEATURES.get(f), "shape", List.of(IRIS.size()), "datatype", "FP64",
                    "parameters", Map.of("binary_data_size", IRIS.size() * Double.BYTES)));
            for (double[] row : IRIS) {
                data.putDouble(row[f]);
            }
        }
        var response = postBinary("/v2/models/iris-std/versions/1/infer", Map.of("inputs", inputs), data.array());
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        float[] logits = floats(outputs(read(response.getBody())).getFirst().get("data"));
        for (int r = 0; r < IRIS.size(); r++) {
            for (int k = 0; k < 3; k++) {
                assertThat((double) logits[r * 3 + k]).as("row %d logit %d", r, k).isCloseTo(IRIS.get(r)[4 + k], within(1e-4));
            }
        }
    }

    @Test
    void aBinaryBodyThatDoesNotAddUpIs400NamingWhere() {
        byte[] data = digitsBytes();
        var wrongSize = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(51196))), Arrays.copyOf(data, 51196));
        assertError(wrongSize, "input 'input'", "binary_data_size 51196 does not match shape [200, 64]");

        var trailing = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(51200))), Arrays.copyOf(data, 51204));
        assertError(trailing, "51204 bytes after the inference header", "add up to 51200");

        var shortBody = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(51200))), Arrays.copyOf(data, 1000));
        assertError(shortBody, "input 'input'", "runs past the body's end");

        var pastTheBody = http().post().uri(DIGITS).header(HEADER, "999999").body(new byte[10]).retrieve().toEntity(byte[].class);
        assertError(pastTheBody, HEADER, "999999");

        var nullHeader = http().post().uri(DIGITS).header(HEADER, "4").body("null".getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(byte[].class);
        assertError(nullHeader, "not a JSON object");

        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putFloat(7 * 4, Float.NaN);
        var nan = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(51200))), data);
        assertError(nan, "input 'input'", "not a finite FP32: NaN");
    }

    @Test
    void aBinaryBodyOverTheLimitIs413InTheProtocolsFormat() {
        var response = postBinary(DIGITS, Map.of("inputs", List.of(digitsTensor(300 * 1024))), new byte[300 * 1024]);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).startsWith("{\"error\":");
    }

    @Test
    void theServerAnnouncesTheExtension() {
        assertThat(get("/v2").getBody()).containsEntry("extensions", List.of("binary_tensor_data"));
    }

    private void assertBinaryLogits(ResponseEntity<byte[]> response, float[] expected) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        int headerLength = Integer.parseInt(response.getHeaders().getFirst(HEADER));
        byte[] body = response.getBody();
        Map<String, Object> header = read(Arrays.copyOf(body, headerLength));
        Map<String, Object> output = outputs(header).getFirst();
        assertThat(output).containsEntry("name", "logits").containsEntry("datatype", "FP32").containsEntry("shape", List.of(200, 10))
                .containsEntry("parameters", Map.of("binary_data_size", 8000)).doesNotContainKey("data");
        assertThat(body.length - headerLength).isEqualTo(8000);
        float[] values = new float[2000];
        ByteBuffer.wrap(body, headerLength, 8000).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        assertThat(values).isEqualTo(expected);
    }

    private static void assertError(ResponseEntity<byte[]> response, String... parts) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).startsWith("{\"error\":").contains(parts);
    }

    private float[] jsonLogits() {
        var response = post(DIGITS, Map.of("inputs", List.of(Map.of("name", "input", "shape", List.of(200, 64),
                "datatype", "FP32", "data", digitsRows()))));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return floats(list(response.getBody().get("outputs")).getFirst().get("data"));
    }

    private ResponseEntity<byte[]> postBinary(String path, Map<String, Object> request, byte[] data) {
        byte[] header = json.writeValueAsBytes(request);
        byte[] body = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, body, header.length, data.length);
        return http().post().uri(path).contentType(MediaType.APPLICATION_OCTET_STREAM).header(HEADER, Integer.toString(header.length))
                .body(body).retrieve().toEntity(byte[].class);
    }

    private static Map<String, Object> digitsTensor(int binarySize) {
        return Map.of("name", "input", "shape", List.of(200, 64), "datatype", "FP32", "parameters", Map.of("binary_data_size", binarySize));
    }

    private static byte[] digitsBytes() {
        ByteBuffer data = ByteBuffer.allocate(200 * 64 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : DIGITS_IN) {
            for (double v : row) {
                data.putFloat((float) v);
            }
        }
        return data.array();
    }

    private static List<List<Double>> digitsRows() {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : DIGITS_IN) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(byte[] body) {
        return json.readValue(body, Map.class);
    }

    private static List<Map<String, Object>> outputs(Map<String, Object> body) {
        return list(body.get("outputs"));
    }

    private static float[] floats(Object data) {
        List<?> values = (List<?>) data;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
