package io.mlops.inference.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.domain.prediction.PredictionResult;
import io.mlops.inference.online.OnlineFeatureClient;
import io.mlops.inference.routing.TrafficSplit;
import io.mlops.inference.routing.TrafficSplits;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/models/{name}/predict}, {@code .../versions/{v}/predict} and {@code /models/{name}@{alias}/predict}:
 * named raw feature rows ({@code instances}) or entity keys ({@code entities}) in, one result per row out
 * (value, or class and probabilities; a prediction id). Through an alias with a traffic split, the split
 * picks the version (sticky by {@code requestKey}) and a shadow version gets a copy.
 */
@RestController
@RequestMapping("/api/v1/models")
class PredictController {

    /** The answer: which version computed it, and one result per row in request order. */
    record PredictResponse(String model, int version, String alias, List<PredictionResult> predictions) {
    }

    private final PredictionService predictions;
    private final Answers answers;
    private final TrafficSplits splits;
    private final ShadowPredictions shadows;
    private final OnlineFeatureClient online;

    PredictController(PredictionService predictions, Answers answers, TrafficSplits splits, ShadowPredictions shadows,
                      OnlineFeatureClient online) {
        this.predictions = predictions;
        this.answers = answers;
        this.splits = splits;
        this.shadows = shadows;
        this.online = online;
    }

    @PostMapping("/{name}/predict")
    PredictResponse predict(@PathVariable String name, @RequestBody PredictionRequest request, HttpServletResponse response) {
        long start = System.nanoTime();
        int at = name.indexOf('@');
        String model = at < 0 ? name : name.substring(0, at);
        String alias = at < 0 ? predictions.defaultAlias() : name.substring(at + 1);
        RowSource rows = rows(request);
        sizeBuffer(response, rows.rows());
        Optional<TrafficSplit> split = splits.find(model, alias);
        if (split.isEmpty()) {
            return run(predictions.resolve(model, null, alias), alias, rows, start);
        }
        PredictResponse answer = run(predictions.resolve(model, split.get().versionFor(request.requestKey()), null),
                alias, rows, start);
        if (split.get().shadow() != null) {
            shadows.copy(new ModelVersionRef(model, split.get().shadow().version()), alias, rows);
        }
        return answer;
    }

    @PostMapping("/{name}/versions/{version}/predict")
    PredictResponse predictVersion(@PathVariable String name, @PathVariable int version, @RequestBody PredictionRequest request,
                                   HttpServletResponse response) {
        long start = System.nanoTime();
        RowSource rows = rows(request);
        sizeBuffer(response, rows.rows());
        return run(predictions.resolve(name, version, null), null, rows, start);
    }

    /**
     * Room for a many-row answer in Tomcat's response buffer (8 KB by default; a 32-row digits answer is 12 KB), so
     * it leaves in one socket write with a Content-Length instead of chunks flushed as the buffer fills. Tomcat keeps
     * a grown buffer with its recycled response, so this allocates once per response object, not per request.
     */
    private static void sizeBuffer(HttpServletResponse response, int rows) {
        if (rows > MAX_ROWS_IN_DEFAULT_BUFFER) {
            response.setBufferSize(Math.min(rows * BYTES_PER_ROW, MAX_BUFFER));
        }
    }

    private static final int MAX_ROWS_IN_DEFAULT_BUFFER = 16;
    private static final int BYTES_PER_ROW = 512;
    private static final int MAX_BUFFER = 64 * 1024;

    private PredictResponse run(ModelVersionRef ref, String alias, RowSource rows, long start) {
        var out = predictions.predict(ref, rows::encode);
        return new PredictResponse(ref.model(), ref.version(), alias, answers.of(out, alias, start, false));
    }

    private RowSource rows(PredictionRequest request) {
        if (request.entities() != null && request.instances() != null) {
            throw new Problems.InvalidPredictionRequest("instances", "send either instances or entities, not both");
        }
        if (request.entities() != null) {
            predictions.checkRows(request.entities().size(), "entities");
            for (int i = 0; i < request.entities().size(); i++) {
                if (request.entities().get(i) == null || request.entities().get(i).isBlank()) {
                    throw new Problems.InvalidPredictionRequest("entities[" + i + "]", "is empty");
                }
            }
            return new RowSource.Entities(request.entities(), online);
        }
        if (request.instances() == null) {
            throw new Problems.InvalidPredictionRequest("instances", "is missing");
        }
        predictions.checkRows(request.instances().size(), "instances");
        return new RowSource.Instances(request.instances());
    }
}
