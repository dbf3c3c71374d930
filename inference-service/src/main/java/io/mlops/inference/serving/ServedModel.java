package io.mlops.inference.serving;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.BatchingExecutor;
import io.mlops.inference.metrics.VersionMeters;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.ModelKind;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.runtime.inference.LoadedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model version ready to serve: the DJL model, its batching executor, its input encoder. Closed by the
 * model cache once evicted or undeployed and no request holds a lease on it: the executor drains, its
 * workers close their predictors, then the model frees its native memory and the unpacked files go.
 */
public final class ServedModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServedModel.class);

    private final ModelVersionRef ref;
    private final LoadedModel model;
    private final BatchingExecutor executor;
    private final InputEncoder encoder;
    private final Duration requestTimeout;
    private final Path directory;
    private final String artifactSha256;
    private final VersionMeters meters;
    private final Runnable onClose;

    ServedModel(ModelVersionRef ref, LoadedModel model, BatchingExecutor executor, InputEncoder encoder,
                Duration requestTimeout, Path directory, String artifactSha256, VersionMeters meters, Runnable onClose) {
        this.artifactSha256 = artifactSha256;
        this.meters = meters;
        this.ref = ref;
        this.model = model;
        this.executor = executor;
        this.encoder = encoder;
        this.requestTimeout = requestTimeout;
        this.directory = directory;
        this.onClose = onClose;
    }

    public ModelVersionRef ref() {
        return ref;
    }

    public InputEncoder encoder() {
        return encoder;
    }

    public OutputSpec output() {
        return model.output();
    }

    /** DJL-trained parameters or an imported TorchScript module. */
    public ModelKind kind() {
        return model.manifest().kind();
    }

    public int inputWidth() {
        return model.inputWidth();
    }

    public int outputWidth() {
        return model.outputWidth();
    }

    /** Where this version's parameters live and its batches run. */
    public ai.djl.Device device() {
        return model.device();
    }

    /** The feature set the model was trained on (model.json lineage), or null: the source of {@code entities}. */
    public io.mlops.domain.id.FeatureSetVersionRef featureSet() {
        var lineage = model.manifest().lineage();
        return lineage == null ? null : lineage.featureSet();
    }

    /** The SHA-256 the loaded artifact was verified against (the registry's record). */
    public String artifactSha256() {
        return artifactSha256;
    }

    public BatchingExecutor executor() {
        return executor;
    }

    /**
     * Computes {@code rows} rows of model inputs at once on this thread when nothing is queued or computing,
     * else queues them (see {@link BatchingExecutor#call}); never waits for queue space.
     */
    public CompletableFuture<float[]> predict(float[] rowMajor, int rows) {
        return executor.call(rowMajor, rows, requestTimeout);
    }

    /** This instance's hold on the version's meters (cached: recording allocates nothing). */
    public VersionMeters meters() {
        return meters;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public void close() {
        try {
            executor.close();
        } finally {
            model.close();
            Directories.deleteRecursively(directory);
            meters.close();
            onClose.run();
            log.info("Released model {}", ref);
        }
    }

    @Override
    public String toString() {
        return "ServedModel[" + ref + "]";
    }
}
