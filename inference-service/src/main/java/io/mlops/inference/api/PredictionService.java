package io.mlops.inference.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.InferenceDeadlineExceeded;
import io.mlops.inference.batching.InferenceExecutorClosed;
import io.mlops.inference.batching.InferenceQueueFull;
import io.mlops.inference.cache.ModelLease;
import io.mlops.inference.routing.AliasResolver;
import io.mlops.inference.serving.InferenceProperties;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.serving.ServedModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The prediction path both APIs share: resolve the version, hold a lease on it for the request, encode,
 * queue into its batching executor, wait, and turn executor failures into answers.
 */
@Service
public class PredictionService {

    private final ModelRepository models;
    private final AliasResolver aliases;
    private final InferenceProperties properties;
    private final ResultCache results;

    PredictionService(ModelRepository models, AliasResolver aliases, InferenceProperties properties,
                      ResultCache results) {
        this.results = results;
        this.models = models;
        this.aliases = aliases;
        this.properties = properties;
    }

    /** A version named directly, or through an alias; neither means the default alias. */
    public ModelVersionRef resolve(String model, Integer version, String alias) {
        if (version != null) {
            if (version < 1) {
                throw new Problems.InvalidPredictionRequest("version", "must be at least 1, was " + version);
            }
            return new ModelVersionRef(model, version);
        }
        return aliases.resolve(model, alias != null ? alias : properties.defaultAlias());
    }

    /** The alias a request without version or alias goes to. */
    public String defaultAlias() {
        return properties.defaultAlias();
    }

    /** Checks the row count against {@code mlops.inference.max-rows-per-request}. */
    public void checkRows(int rows, String field) {
        if (rows == 0) {
            throw new Problems.InvalidPredictionRequest(field, "is empty; send at least one row");
        }
        if (rows > properties.maxRowsPerRequest()) {
            throw new Problems.InvalidPredictionRequest(field, rows + " rows exceed the limit of "
                    + properties.maxRowsPerRequest() + " per request");
        }
    }

    /**
     * Model inputs and their row count, made from the served version (its encoder, its width).
     *
     * @param features the features per row as PredictionMade records them; null when not needed
     */
    public record Inputs(float[] rowMajor, int rows, List<Map<String, Object>> features) {

        public Inputs(float[] rowMajor, int rows) {
            this(rowMajor, rows, null);
        }
    }

    /** What came back: the version that computed it, its {@code rows × outputWidth} outputs, and the inputs' features. */
    public record Outputs(ServedModel model, float[] values, int rows, List<Map<String, Object>> features) {
    }

    /**
     * Runs one request on {@code ref}: {@code encode} builds the model inputs from the served version
     * (it may throw a 422), then the rows wait in the version's batch queue.
     */
    public Outputs predict(ModelVersionRef ref, Function<ServedModel, Inputs> encode) {
        long start = System.nanoTime();
        try (ModelLease<ServedModel> lease = models.acquire(ref)) {
            ServedModel model = lease.model();
            Inputs inputs = encode.apply(model);
            float[] out = results.find(ref, inputs.rowMajor(), inputs.rows());
            if (out == null) {
                out = await(ref, model, inputs);
                results.store(ref, inputs.rowMajor(), inputs.rows(), out);
            }
            model.meters().recordRequest(System.nanoTime() - start);
            return new Outputs(model, out, inputs.rows(), inputs.features());
        }
    }

    private static float[] await(ModelVersionRef ref, ServedModel model, Inputs inputs) {
        try {
            // Untimed: the executor fails late requests itself, queued or stuck in a batch (its watchdog), and a
            // timed wait would arm and cancel a timer per request.
            return model.predict(inputs.rowMajor(), inputs.rows()).get();
        } catch (ExecutionException e) {
            throw translate(ref, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problems.PredictionDeadlineExceeded(ref, "interrupted while waiting for model " + ref);
        }
    }

    private static RuntimeException translate(ModelVersionRef ref, Throwable cause) {
        return switch (cause) {
            case InferenceQueueFull full -> new Problems.ModelOverloaded(ref, full.retryAfter());
            case InferenceDeadlineExceeded late -> new Problems.PredictionDeadlineExceeded(ref, late.getMessage());
            case InferenceExecutorClosed closed -> new Problems.ModelDraining(ref);
            default -> new Problems.PredictionCrashed(ref, cause);
        };
    }
}
