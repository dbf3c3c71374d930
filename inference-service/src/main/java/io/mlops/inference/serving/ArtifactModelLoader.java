package io.mlops.inference.serving;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.Arrivals;
import io.mlops.inference.batching.BatchingExecutor;
import io.mlops.inference.batching.BatchingSettings;
import io.mlops.inference.batching.ThreadBudget;
import io.mlops.inference.cache.LoadedModel;
import io.mlops.inference.cache.ModelLoader;
import io.mlops.inference.metrics.InferenceMetrics;
import io.mlops.inference.metrics.VersionMeters;
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
 * Loads one version for the model cache: read the version's record from the registry (the artifact's SHA-256
 * and size), download the artifact capped at the cache's byte bound, verify it against the record's SHA-256,
 * unpack safely (ml-runtime), load with DJL (which warms it on a zero row), then start its batching executor
 * with one DJL predictor per worker.
 */
final class ArtifactModelLoader implements ModelLoader<ModelVersionRef, ServedModel> {

    private static final Logger log = LoggerFactory.getLogger(ArtifactModelLoader.class);

    private final RegistryClient registry;
    private final InferenceProperties properties;
    private final ThreadBudget budget;
    private final InferenceMetrics metrics;
    private final Path workDir;
    private final ai.djl.Device device;
    private final Arrivals arrivals;

    ArtifactModelLoader(RegistryClient registry, InferenceProperties properties, ThreadBudget budget,
                        InferenceMetrics metrics, Path workDir, ai.djl.Device device, Arrivals arrivals) {
        this.device = device;
        this.arrivals = arrivals;
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
        VersionMeters meters = null;
        try {
            long maxBytes = properties.cache().maxBytes().toBytes();
            RegistryClient.DeclaredArtifact declared = registry.declaredArtifact(ref.model(), ref.version());
            if (declared.bytes() > maxBytes) {
                throw new ArtifactTooLarge(ref.model(), ref.version(), declared.bytes(), maxBytes, true);
            }
            RegistryClient.DownloadedArtifact download = registry.downloadArtifact(ref.model(), ref.version(), archive, maxBytes);
            UnpackedArtifact artifact = ModelArchive.unpack(archive, declared.sha256(), folder);
            model = io.mlops.runtime.inference.ModelLoader.load(artifact, device);
            InputEncoder encoder = new InputEncoder(model.signature());
            BatchingSettings settings = properties.batchingFor(ref.model(), budget);
            AtomicReference<BatchingExecutor> started = new AtomicReference<>();
            meters = metrics.open(ref);
            var listener = meters.listener(() -> {
                BatchingExecutor executor = started.get();
                return executor == null ? 0 : executor.queueDepth();
            });
            io.mlops.runtime.inference.LoadedModel loaded = model;
            BatchingExecutor executor = BatchingExecutor.start(ref.toString(), model.inputWidth(), settings,
                    worker -> new DjlBatchPredictor(loaded.newPredictor()), listener, arrivals);
            started.set(executor);
            ServedModel served = new ServedModel(ref, model, executor, encoder,
                    properties.requestTimeoutFor(ref.model()), folder, declared.sha256(), meters, () -> metrics.evicted(ref));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            metrics.recordLoad(ref, took);
            log.info("Loaded model {} on {} ({} bytes, sha256 {}) in {} ms", ref, model.device(), download.bytes(),
                    declared.sha256(), took.toMillis());
            return new LoadedModel<>(served, download.bytes());
        } catch (Exception | Error e) {
            if (model != null) {
                model.close();
            }
            if (meters != null) {
                meters.close();
            }
            Directories.deleteRecursively(folder);
            log.warn("Loading model {} failed: {}", ref, e.toString());
            throw e;
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
