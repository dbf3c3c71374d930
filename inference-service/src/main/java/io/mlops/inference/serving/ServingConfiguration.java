package io.mlops.inference.serving;

import ai.djl.Device;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.batching.Arrivals;
import io.mlops.inference.batching.ThreadBudget;
import io.mlops.inference.cache.ModelCache;
import io.mlops.inference.metrics.InferenceMetrics;
import io.mlops.runtime.inference.TorchThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free core: thread budget, DJL device, registry client, model cache. */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServingConfiguration.class);

    /** Applied before the first model loads: torch's pools are per process and fixed once used. */
    @Bean
    ThreadBudget threadBudget(InferenceProperties properties) {
        Integer workers = properties.batching().workers();
        ThreadBudget budget = ThreadBudget.forCores(Runtime.getRuntime().availableProcessors(), workers == null ? 0 : workers);
        budget.applyToTorch();
        TorchThreads.Settings torch = TorchThreads.current();
        log.info("Inference threads: {}; torch runs intra-op={} inter-op={}",
                budget.describe(), torch.intraOp(), torch.interOp());
        return budget;
    }

    /** {@code mlops.inference.device} resolved once: every version is loaded there. */
    @Bean
    Device inferenceDevice(InferenceProperties properties, ThreadBudget appliedFirst) {
        // Depends on the budget: asking the engine for GPUs starts it, and torch reads its thread settings then.
        Device device = DeviceSelection.resolve(properties.device());
        log.info("Models load on {} (mlops.inference.device={})", device, properties.device());
        return device;
    }

    @Bean
    InferenceMetrics inferenceMetrics(MeterRegistry registry) {
        return new InferenceMetrics(registry);
    }

    @Bean
    RegistryClient registryClient(InferenceProperties properties) {
        return new RegistryClient(properties.registryUrl());
    }

    @Bean(destroyMethod = "close")
    ModelRepository modelRepository(InferenceProperties properties, RegistryClient registry, ThreadBudget budget,
                                    InferenceMetrics metrics, Device device, Arrivals arrivals) throws IOException {
        Path workDir = properties.workDir() != null
                ? Files.createDirectories(properties.workDir())
                : Files.createTempDirectory("mlops-inference-models");
        var loader = new ArtifactModelLoader(registry, properties, budget, metrics, workDir, device, arrivals);
        ModelCache<ModelVersionRef, ServedModel> cache = new ModelCache<>(properties.cache().toSettings(), loader);
        Gauge.builder("mlops.inference.cache.models", cache, ModelCache::size).description("Versions loaded")
                .register(metrics.registry());
        Gauge.builder("mlops.inference.cache.bytes", cache, ModelCache::loadedBytes).baseUnit("bytes")
                .description("Artifact bytes loaded").register(metrics.registry());
        return new ModelRepository(cache, metrics);
    }
}
