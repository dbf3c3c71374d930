package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.inference.testing.Models;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OIP infer endpoint makes of a request's media types. Triton's Python HTTP client (tritonclient.http) sends
 * a JSON-only request with no Content-Type, as does {@code requests.post(url, data=text)}, and curl {@code -d} calls it
 * a form; Triton and KServe read it as JSON all the same. The JDK's HttpClient sends no Content-Type unless told, so
 * these requests are the clients' bytes. Expected logits: PyTorch's, from digits_mlp_expected.csv.
 */
class OipContentTypesIntegrationTest extends InferenceTestBase {

    private static final List<double[]> DIGITS_IN = Models.csv("digits_first200_inputs.csv", 0, 64);
    private static final List<double[]> DIGITS_OUT = Models.csv("digits_mlp_expected.csv", 1, 10);
    private static final String DIGITS = "/v2/models/digits/versions/1/infer";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void jsonWithoutAContentTypeOrUnderAnotherOneIsInferred() throws Exception {
        String body = json.writeValueAsString(Map.of("id", "untyped", "inputs", List.of(Map.of("name", "input",
                "shape", List.of(200, 64), "datatype", "FP32", "data", DIGITS_IN.stream().map(r -> Arrays.stream(r).boxed().toList()).toList()))));
        for (String type : Arrays.asList(null, "text/plain", "application/x-www-form-urlencoded", "not a media type")) {
            HttpResponse<String> response = send(request(DIGITS, type).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as("Content-Type %s: %s", type, response.body()).isEqualTo(200);
            Map<String, Object> answer = read(response.body());
            assertThat(answer).containsEntry("id", "untyped").containsEntry("model_version", "1");
            List<?> data = (List<?>) list(answer.get("outputs")).getFirst().get("data");
            for (int r = 0; r < 200; r++) {
                for (int k = 0; k < 10; k++) {
                    assertThat(((Number) data.get(r * 10 + k)).doubleValue()).as("%s row %d logit %d", type, r, k)
                            .isCloseTo(DIGITS_OUT.get(r)[k], within(1e-4));
                }
            }
        }
    }

    @Test
    void aBodyThatIsNotJsonIs400InTheProtocolsFormat() throws Exception {
        for (String body : List.of("", "null", "{\"inputs\": [")) {
            HttpResponse<String> response = send(request(DIGITS, null).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).startsWith("{\"error\":\"request body is not readable");
        }
    }

    @Test
    void unsupportedMediaTypesAreErrorsInTheProtocolsFormat() throws Exception {
        String body = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,64],\"datatype\":\"FP32\",\"data\":" + zeros(64) + "}]}";
        // the binary extension's type without its header: the JSON length is missing, so the body cannot be split
        HttpResponse<String> binary = send(request(DIGITS, "application/octet-stream").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(binary.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(binary.body()).startsWith("{\"error\":").contains("Inference-Header-Content-Length");
        // an answer the client cannot accept: the protocol's JSON error all the same, not a ProblemDetail
        HttpResponse<String> xml = send(request(DIGITS, "application/json").header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(xml.body()).startsWith("{\"error\":");
        // an error of the request itself, asked for as text: still JSON
        HttpResponse<String> text = send(request("/v2/models/digits/versions/x/infer", "application/json").header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).startsWith("{\"error\":").contains("'x' is not a version number");
    }

    private HttpRequest.Builder request(String path, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String body) {
        return json.readValue(body, Map.class);
    }

    private static String zeros(int n) {
        return Arrays.toString(new float[n]);
    }
}
