package io.mlops.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.testsupport.RealInfrastructure;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Bodies past mlops.http.max-request-size (1KB in this profile) are refused with 413, declared or chunked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mlops.http.max-request-size=1KB")
@ActiveProfiles("support-test")
@RealInfrastructure
class RequestBodyLimitIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSmallBodyIsRead() throws Exception {
        HttpResponse<String> response = post("/test/echo-json", "{\"a\":1,\"b\":2}", false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("2");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = post("/test/echo-text", "x".repeat(4096), false);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"limitBytes\":1024");
    }

    @Test
    void aChunkedBodyWithNoDeclaredLengthIsCutOffAtTheLimit() throws Exception {
        String json = "{\"padding\":\"" + "x".repeat(8192) + "\"}";
        HttpResponse<String> text = post("/test/echo-text", json, true);
        HttpResponse<String> parsed = post("/test/echo-json", json, true);
        assertThat(text.statusCode()).isEqualTo(413);
        assertThat(parsed.statusCode()).isEqualTo(413);
        assertThat(parsed.body()).contains("\"limitBytes\":1024");
    }

    private HttpResponse<String> post(String path, String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)) // unknown length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
