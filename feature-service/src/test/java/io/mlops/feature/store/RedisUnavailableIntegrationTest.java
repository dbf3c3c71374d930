package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.feature.FeatureServiceApplication;
import io.mlops.testsupport.PostgresServer;
import io.mlops.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The shared Redis cannot be stopped, so a second instance of the service runs against the same
 * Postgres and Kafka with Redis pointed at a closed port: lookups must answer 503 fast (no hung
 * request threads), on the web server and on the online listener, and health must report redis DOWN while
 * readiness stays UP (the rest of the API works, so the pod stays in its Service).
 */
class RedisUnavailableIntegrationTest extends FeatureStoreTestSupport {

    @Test
    void onlineLookupsAnswer503WithinTheTimeoutAndHealthReportsRedisDown() throws IOException {
        createMaterialized("""
                {"name":"iris-redis-down","dataset":"iris","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]}]}""");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PostgresServer pg = TestInfrastructure.postgres();
        try (ConfigurableApplicationContext down = new SpringApplicationBuilder(FeatureServiceApplication.class).run(
                // command-line arguments: they outrank the shared service defaults, as the test infrastructure's properties do
                "--server.port=0",
                "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + closedPort,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--mlops.feature.materialization.resume-on-startup=false",
                "--mlops.feature.online.port=0",
                "--mlops.feature.data-service-url=" + DATA.baseUrl())) {
            int port = down.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

            long start = System.nanoTime();
            ResponseEntity<String> lookup = client.post().uri("/api/v1/feature-sets/iris-redis-down/online")
                    .contentType(MediaType.APPLICATION_JSON).body("{\"entities\":[1,2,3],\"version\":1}").retrieve().toEntity(String.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(lookup.getStatusCode().value()).as(lookup.getBody()).isEqualTo(503);
            assertThat(lookup.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(lookup.getBody()).contains("online store (Redis) is unavailable");
            // connect-timeout 1s and command timeout 500ms (shared defaults) bound it; 3s leaves room for a busy host
            assertThat(took).isLessThan(Duration.ofSeconds(3));

            // the online listener answers the same 503, as fast
            RestClient listener = RestClient.builder()
                    .baseUrl("http://localhost:" + down.getEnvironment().getRequiredProperty("local.mlops.feature.online.port", Integer.class))
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
            start = System.nanoTime();
            ResponseEntity<String> viaListener = listener.post().uri("/api/v1/feature-sets/iris-redis-down/online")
                    .contentType(MediaType.APPLICATION_JSON).body("{\"entities\":[1,2,3],\"version\":1}").retrieve().toEntity(String.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(viaListener.getStatusCode().value()).as(viaListener.getBody()).isEqualTo(503);
            assertThat(viaListener.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(viaListener.getBody()).contains("online store (Redis) is unavailable");

            ResponseEntity<String> readiness = client.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class);
            assertThat(readiness.getStatusCode().value()).as(readiness.getBody()).isEqualTo(200);
            ResponseEntity<String> health = client.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            JsonNode redis = JSON.readTree(health.getBody()).at("/components/redis/status");
            assertThat(redis.asString()).isEqualTo("DOWN");
        }
        // the healthy instance still answers from the same feature set
        assertThat(post("/api/v1/feature-sets/iris-redis-down/online", "{\"entities\":[1]}").getStatusCode().value()).isEqualTo(200);
    }
}
