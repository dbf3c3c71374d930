package io.mlops.monitoring.api;

import io.mlops.events.EventJson;
import io.mlops.support.web.ApiProblem;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * One logged prediction by its id: the first link of lineage from a prediction back to its model version (and
 * from there, through the registry, to the feature-set and dataset versions). 404 when unknown or expired.
 */
@RestController
class PredictionController {

    private final JdbcClient jdbc;

    PredictionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A prediction as PredictionMade carried it, plus the window it was counted in (null while unassigned). */
    record StoredPrediction(UUID predictionId, String model, int version, Instant predictedAt, Map<String, Object> features,
                            Double value, String label, double latencyMs, UUID windowId) {
    }

    @GetMapping("/api/v1/predictions/{id}")
    StoredPrediction prediction(@PathVariable UUID id) {
        return jdbc.sql("SELECT * FROM prediction_log WHERE prediction_id = ? ORDER BY predicted_at DESC LIMIT 1").param(id)
                .query((rs, n) -> new StoredPrediction(rs.getObject("prediction_id", UUID.class), rs.getString("model"), rs.getInt("version"),
                        rs.getTimestamp("predicted_at").toInstant(),
                        EventJson.mapper().readValue(rs.getString("features"), new TypeReference<Map<String, Object>>() { }),
                        rs.getObject("value") == null ? null : rs.getDouble("value"), rs.getString("label"), rs.getDouble("latency_ms"),
                        rs.getObject("window_id", UUID.class)))
                .optional().orElseThrow(() -> new UnknownPrediction(id));
    }

    static final class UnknownPrediction extends ApiProblem {

        UnknownPrediction(UUID id) {
            super(HttpStatus.NOT_FOUND, "prediction " + id + " is not known (never logged, or dropped by retention)");
            with("predictionId", id.toString());
        }
    }
}
