package io.mlops.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.testsupport.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** An X-Actor past the 200 characters the services' actor columns hold is refused with 400 before the handler runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("support-test")
@RealInfrastructure(redis = false)
class ActorHeaderIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anActorOf200CharactersIsAccepted() throws Exception {
        assertThat(post("a".repeat(200)).statusCode()).isEqualTo(200);
    }

    @Test
    void anActorOf201CharactersIsA400NamingTheHeader() throws Exception {
        HttpResponse<String> response = post("a".repeat(201));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"X-Actor\"").contains("\"maxLength\":200");
    }

    private HttpResponse<String> post(String actor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/echo-json"))
                .header("Content-Type", "application/json").header("X-Actor", actor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
