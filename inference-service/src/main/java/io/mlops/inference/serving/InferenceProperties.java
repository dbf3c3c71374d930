package io.mlops.inference.serving;

import io.mlops.inference.batching.BatchingSettings;
import io.mlops.inference.batching.ThreadBudget;
import io.mlops.inference.cache.ModelCacheSettings;
import io.mlops.inference.routing.TrafficSplit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the inference service ({@code mlops.inference.*}).
 *
 * @param registryUrl          base URL of the model-service (artifacts and aliases)
 * @param device               {@code auto}, {@code cpu} or {@code gpu}
 * @param defaultAlias         alias used when a request names neither a version nor an alias
 * @param aliasTtl             how long a resolved alias is trusted before asking the registry again
 * @param maxRowsPerRequest    rows one request may carry
 * @param requestTimeout       time a request may wait in a batch queue before it answers 503
 * @param workDir              where artifacts are downloaded and unpacked (a temp folder when absent)
 * @param batching             batching defaults of every model version
 * @param models               per-model overrides of the batching settings, by model name
 * @param cache                bounds of the model cache
 * @param splits               traffic splits at start, by model then alias (instance-local; PUT /api/v1/splits changes them)
 * @param shadowMaxInFlight    shadow copies running at once; more are dropped and counted, never queued
 * @param featureServiceUrl    feature-service base URL, for {@code entities}
 * @param featureTimeout       longest wait for the online features of one request (then 503)
 * @param resultCache          the result cache, off by default
 * @param benchEndpoints       exposes {@code POST /api/v1/echo}, the parse-only HTTP floor of the benchmark
 */
@ConfigurationProperties("mlops.inference")
public record InferenceProperties(
        @DefaultValue("http://localhost:8083") URI registryUrl,
        @DefaultValue("auto") Device device,
        @DefaultValue("production") String defaultAlias,
        @DefaultValue("30s") Duration aliasTtl,
        @DefaultValue("1000") int maxRowsPerRequest,
        @DefaultValue("2s") Duration requestTimeout,
        Path workDir,
        @DefaultValue Batching batching,
        Map<String, Batching> models,
        @DefaultValue Cache cache,
        Map<String, Map<String, TrafficSplit>> splits,
        @DefaultValue("16") int shadowMaxInFlight,
        @DefaultValue("http://localhost:8082") URI featureServiceUrl,
        @DefaultValue("200ms") Duration featureTimeout,
        @DefaultValue ResultCache resultCache,
        @DefaultValue("false") boolean benchEndpoints) {

    public InferenceProperties {
        models = models == null ? Map.of() : Map.copyOf(models);
        splits = splits == null ? Map.of() : Map.copyOf(splits);
    }

    /**
     * @param enabled    whether identical inputs to the same version are answered from memory
     * @param ttl        how long an answer is reused
     * @param maxEntries answers kept at most
     */
    public record ResultCache(@DefaultValue("false") boolean enabled, @DefaultValue("5s") Duration ttl,
                              @DefaultValue("10000") long maxEntries) {
    }

    /** Where DJL runs the models. */
    public enum Device { AUTO, CPU, GPU }

    /**
     * Batching settings; in {@code models.<name>} every field left out takes the global value.
     *
     * @param workers worker threads per version; 0 = one per core ({@link ThreadBudget})
     */
    public record Batching(Integer maxBatchSize, Duration maxQueueDelay, Integer queueCapacity, Integer workers,
                           Duration requestTimeout) {

        /** This model's override laid over the global settings. */
        Batching over(Batching base) {
            return new Batching(maxBatchSize != null ? maxBatchSize : base.maxBatchSize,
                    maxQueueDelay != null ? maxQueueDelay : base.maxQueueDelay,
                    queueCapacity != null ? queueCapacity : base.queueCapacity,
                    workers != null ? workers : base.workers,
                    requestTimeout != null ? requestTimeout : base.requestTimeout);
        }

        BatchingSettings toSettings(ThreadBudget budget) {
            int wanted = workers == null || workers <= 0 ? budget.workers() : Math.min(workers, budget.cores());
            return new BatchingSettings(
                    maxBatchSize != null ? maxBatchSize : BatchingSettings.DEFAULT_MAX_BATCH_SIZE,
                    maxQueueDelay != null ? maxQueueDelay : BatchingSettings.DEFAULT_MAX_QUEUE_DELAY,
                    queueCapacity != null ? queueCapacity : BatchingSettings.DEFAULT_QUEUE_CAPACITY,
                    wanted);
        }
    }

    /** @param maxModels versions loaded at once; @param maxBytes artifact bytes loaded at once */
    public record Cache(@DefaultValue("16") long maxModels, @DefaultValue("1GB") DataSize maxBytes) {

        ModelCacheSettings toSettings() {
            return new ModelCacheSettings(maxModels, maxBytes.toBytes());
        }
    }

    /** The batching settings of one model: its override, else the global ones. */
    public BatchingSettings batchingFor(String model, ThreadBudget budget) {
        Batching own = models.get(model);
        return (own == null ? batching : own.over(batching)).toSettings(budget);
    }

    /** The queue deadline of one model's requests. */
    public Duration requestTimeoutFor(String model) {
        Batching own = models.get(model);
        Duration timeout = own == null ? null : own.requestTimeout();
        if (timeout == null) {
            timeout = batching.requestTimeout();
        }
        return timeout != null ? timeout : requestTimeout;
    }
}
