package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import io.mlops.testsupport.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * Windows at their edges, with windows of 5 rows or 1 second: a column that is null in every row, a window
 * that closes by time with no rows, and the prediction log's partitions created ahead and dropped after retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mlops.monitoring.window.size=5",
        "mlops.monitoring.window.duration=1s",
        "mlops.monitoring.window.check-interval=200ms",
        "mlops.monitoring.prediction-retention=2d",
        "mlops.monitoring.partitions-ahead=2"})
@RealInfrastructure
class WindowEdgesIntegrationTest {

    private static final String CSV = """
            temp_max,wind,weather
            10.0,3.1,rain
            12.5,2.0,sun
            8.1,4.4,rain
            15.2,1.0,sun
            11.0,2.5,fog
            9.4,3.3,rain
            """;

    @LocalServerPort int port;
    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionMaintenance maintenance;

    @Test
    @SuppressWarnings("unchecked")
    void anAllNullColumnIsSkippedAndAnIdleWindowClosesByTimeWithNoRows() {
        ModelVersionRef model = new ModelVersionRef("edges-" + UUID.randomUUID().toString().substring(0, 8), 1);
        var put = http().put().uri("/api/v1/models/{m}/versions/1/reference?label=weather", model.model())
                .contentType(MediaType.parseMediaType("text/csv")).body(CSV).retrieve().toEntity(String.class);
        assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            Map<String, Object> features = new HashMap<>();
            features.put("temp_max", null);
            features.put("wind", 2.0 + i);
            PredictionMade p = new PredictionMade(PredictionId.random(), model, null, Instant.now(), features, null, "rain", Map.of(), 3.0, false);
            kafka.send(Topics.PREDICTIONS_MADE, p.aggregateKey(), EventEnvelope.wrap("inference-service", p, Clock.systemUTC()));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> windows(model).stream().filter(w -> "CLOSED".equals(w.get("status"))).count() >= 2);
        List<Map<String, Object>> windows = windows(model);
        Map<String, Object> full = windows.get(0);
        assertThat(full).containsEntry("closedBy", "COUNT").containsEntry("rows", 5);
        assertThat((List<Map<String, Object>>) full.get("skipped"))
                .containsExactly(Map.of("column", "temp_max", "reason", "NO_CURRENT_VALUES"));
        assertThat((List<Map<String, Object>>) full.get("columns")).extracting(c -> c.get("column")).containsExactlyInAnyOrder("wind", "prediction");

        Map<String, Object> empty = windows.get(1);
        assertThat(empty).containsEntry("closedBy", "TIME").containsEntry("rows", 0).containsEntry("datasetDrift", false)
                .containsEntry("driftShare", 0.0);
        assertThat((List<?>) empty.get("columns")).isEmpty();
        // an idle model version does not keep opening windows
        assertThat(windows).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE window_id = ?::uuid").param(empty.get("id")).query(Long.class).single()).isZero();
    }

    @Test
    void partitionsAreCreatedAheadAndDroppedAfterRetention() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate old = today.minusDays(10);
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + PredictionLog.partitionName(old) + " PARTITION OF prediction_log FOR VALUES FROM ('"
                + old.atStartOfDay(ZoneOffset.UTC).toInstant() + "') TO ('" + old.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "')").update();

        maintenance.run();

        List<String> partitions = jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = 'prediction_log' AND c.relnamespace = p.relnamespace""").query(String.class).list();
        assertThat(partitions).doesNotContain(PredictionLog.partitionName(old))
                .contains(PredictionLog.partitionName(today), PredictionLog.partitionName(today.plusDays(1)), PredictionLog.partitionName(today.plusDays(2)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> windows(ModelVersionRef model) {
        Map<String, Object> report = http().get().uri("/api/v1/models/{m}/versions/1/drift", model.model())
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return (List<Map<String, Object>>) report.get("windows");
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }
}
