package io.mlops.inference.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.domain.prediction.PredictionResult;
import io.mlops.events.PredictionMade;
import io.mlops.inference.events.PredictionEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/models/{name}/predict}, {@code .../versions/{v}/predict} and {@code /models/{name}@{alias}/predict}:
 * named raw feature rows in, one result per row out (value, or class and probabilities; a prediction id).
 */
@RestController
@RequestMapping("/api/v1/models")
class PredictController {

    /** The answer: which version computed it, and one result per row in request order. */
    record PredictResponse(String model, int version, String alias, List<PredictionResult> predictions) {
    }

    private final PredictionService predictions;
    private final PredictionEvents events;

    PredictController(PredictionService predictions, PredictionEvents events) {
        this.predictions = predictions;
        this.events = events;
    }

    @PostMapping("/{name}/predict")
    PredictResponse predict(@PathVariable String name, @RequestBody PredictionRequest request) {
        int at = name.indexOf('@');
        String model = at < 0 ? name : name.substring(0, at);
        String alias = at < 0 ? predictions.defaultAlias() : name.substring(at + 1);
        return run(predictions.resolve(model, null, alias), alias, request);
    }

    @PostMapping("/{name}/versions/{version}/predict")
    PredictResponse predictVersion(@PathVariable String name, @PathVariable int version, @RequestBody PredictionRequest request) {
        return run(predictions.resolve(name, version, null), null, request);
    }

    private PredictResponse run(ModelVersionRef ref, String alias, PredictionRequest request) {
        long start = System.nanoTime();
        List<Map<String, Object>> rows = rows(request);
        var out = predictions.predict(ref, model ->
                new PredictionService.Inputs(model.encoder().encode(rows, "instances"), rows.size()));
        double latencyMs = (System.nanoTime() - start) / 1e6;
        Instant now = Instant.now();
        List<PredictionResult> results = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Outcomes.Outcome outcome = Outcomes.of(out.model().output(), out.values(), r);
            PredictionId id = PredictionId.random();
            results.add(new PredictionResult(id, ref, outcome.value(), outcome.label(), outcome.probabilities()));
            if (events.sampled()) {
                events.offer(new PredictionMade(id, ref, alias, now, rows.get(r), outcome.value(), outcome.label(),
                        outcome.probabilities(), latencyMs, false));
            }
        }
        return new PredictResponse(ref.model(), ref.version(), alias, results);
    }

    private List<Map<String, Object>> rows(PredictionRequest request) {
        if (request.entities() != null && request.instances() != null) {
            throw new Problems.InvalidPredictionRequest("instances", "send either instances or entities, not both");
        }
        if (request.entities() != null) {
            throw new Problems.EntityLookupNotImplemented();
        }
        if (request.instances() == null) {
            throw new Problems.InvalidPredictionRequest("instances", "is missing");
        }
        predictions.checkRows(request.instances().size(), "instances");
        return request.instances();
    }
}
