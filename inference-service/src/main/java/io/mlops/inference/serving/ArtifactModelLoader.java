package io.mlops.inference.serving;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.BatchingExecutor;
import io.mlops.inference.batching.BatchingSettings;
import io.mlops.inference.batching.ThreadBudget;
import io.mlops.inference.cache.LoadedModel;
import io.mlops.inference.cache.ModelLoader;
import io.mlops.inference.metrics.InferenceMetrics;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.UnpackedArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version for the model cache: download from the registry, verify the SHA-256 the registry
 * announced, unpack safely (ml-runtime), load with DJL (which warms it on a zero row), then start its
 * batching executor with one DJL predictor per worker.
 */
final class ArtifactModelLoader implements ModelLoader<ModelVersionRef, ServedModel> {

    private static final Logger log = LoggerFactory.getLogger(ArtifactModelLoader.class);

    private final RegistryClient registry;
    private final InferenceProperties properties;
    private final ThreadBudget budget;
    private final InferenceMetrics metrics;
    private final Path workDir;
    private final ai.djl.Device device;

    ArtifactModelLoader(RegistryClient registry, InferenceProperties properties, ThreadBudget budget,
                        InferenceMetrics metrics, Path workDir, ai.djl.Device device) {
        this.device = device;
        this.registry = registry;
        this.properties = properties;
        this.budget = budget;
        this.metrics = metrics;
        this.workDir = workDir;
    }

    @Override
    public LoadedModel<ServedModel> load(ModelVersionRef ref) throws Exception {
        long start = System.nanoTime();
        String stem = ref.model() + "-" + ref.version() + "-" + UUID.randomUUID();
        Path archive = workDir.resolve(stem + ".zip");
        Path folder = workDir.resolve(stem);
        io.mlops.runtime.inference.LoadedModel model = null;
        try {
            RegistryClient.DownloadedArtifact download = registry.downloadArtifact(ref.model(), ref.version(), archive);
            UnpackedArtifact artifact = ModelArchive.unpack(archive, download.announcedSha256(), folder);
            model = io.mlops.runtime.inference.ModelLoader.load(artifact, device);
            InputEncoder encoder = new InputEncoder(model.signature());
            BatchingSettings settings = properties.batchingFor(ref.model(), budget);
            AtomicReference<BatchingExecutor> started = new AtomicReference<>();
            var listener = metrics.listenerFor(ref, () -> {
                BatchingExecutor executor = started.get();
                return executor == null ? 0 : executor.queueDepth();
            });
            io.mlops.runtime.inference.LoadedModel loaded = model;
            BatchingExecutor executor = BatchingExecutor.start(ref.toString(), model.inputWidth(), settings,
                    worker -> new DjlBatchPredictor(loaded.newPredictor()), listener);
            started.set(executor);
            ServedModel served = new ServedModel(ref, model, executor, encoder,
                    properties.requestTimeoutFor(ref.model()), folder, () -> metrics.evicted(ref));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            metrics.recordLoad(ref, took);
            log.info("Loaded model {} on {} ({} bytes, sha256 {}) in {} ms", ref, model.device(), download.bytes(),
                    download.announcedSha256(), took.toMillis());
            return new LoadedModel<>(served, download.bytes());
        } catch (Exception | Error e) {
            if (model != null) {
                model.close();
            }
            Directories.deleteRecursively(folder);
            log.warn("Loading model {} failed: {}", ref, e.toString());
            throw e;
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
