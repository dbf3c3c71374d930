package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.inference.events.PredictionEvents;
import io.mlops.inference.testing.SharedRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Kafka unreachable (its bootstrap address is a closed port): every prediction still answers, none waits for
 * Kafka, and the PredictionMade events that could not go out are counted as dropped.
 */
class KafkaOutageIntegrationTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void predictionsKeepWorkingWhenKafkaIsDown() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InferenceServiceApplication.class).run(
                // command-line arguments: they override application.yml, as an operator's settings would
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.listener.auto-startup=false",
                "--mlops.inference.registry-url=" + SharedRegistry.get().url(),
                "--mlops.inference.events.buffer-capacity=8",
                "--mlops.inference.events.max-block=2s")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
            Map<String, Object> body = Map.of("instances", List.of(
                    Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2)));
            int failed = 0;
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                var response = http.post().uri("/api/v1/models/iris/versions/1/predict")
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (response.getStatusCode().value() != 200) {
                    failed++;
                }
            }
            assertThat(failed).as("failed predictions while Kafka is down").isZero();
            Collections.sort(millis);
            // A prediction that waited for Kafka would take the sender's 2 s max-block; the median shows none did.
            assertThat(millis.get(millis.size() / 2)).as("median prediction time, ms").isLessThan(1000);
            PredictionEvents events = app.getBean(PredictionEvents.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.droppedCount() > 0);
            assertThat(app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get("mlops.inference.events.dropped").counter().count()).isPositive();
            // The event buffer absorbs the outage, so the pod stays in its Service; health still shows Kafka DOWN.
            assertThat(http.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value())
                    .as("readiness while Kafka is down").isEqualTo(200);
            Map<?, ?> health = http.get().uri("/actuator/health").retrieve().body(Map.class);
            assertThat(((Map<?, ?>) ((Map<?, ?>) health.get("components")).get("kafka")).get("status"))
                    .as("kafka in /actuator/health while Kafka is down").isEqualTo("DOWN");
        }
    }
}
