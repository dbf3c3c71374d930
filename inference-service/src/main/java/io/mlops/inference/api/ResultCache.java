package io.mlops.inference.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.InferenceProperties;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Answers of identical requests, keyed by model version and the encoded model inputs (after the
 * transformation spec, so two raw rows encoding to the same floats share an entry). Off by default
 * ({@code mlops.inference.result-cache.enabled}); short TTL and a bounded size when on. Hits and
 * misses are counted in {@code mlops_inference_result_cache_hits_total} / {@code _misses_total}.
 */
@Component
class ResultCache {

    /** Arrays compare by identity in records, so equality and hash are over the contents. */
    private record Key(ModelVersionRef ref, int rows, float[] inputs, int hash) {

        static Key of(ModelVersionRef ref, float[] inputs, int rows) {
            return new Key(ref, rows, inputs, 31 * (31 * ref.hashCode() + rows) + Arrays.hashCode(inputs));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.hash == hash && k.rows == rows && k.ref.equals(ref)
                    && Arrays.equals(k.inputs, inputs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Cache<Key, float[]> answers;
    private final Counter hits;
    private final Counter misses;

    ResultCache(InferenceProperties properties, MeterRegistry registry) {
        InferenceProperties.ResultCache settings = properties.resultCache();
        this.answers = settings.enabled()
                ? Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxEntries()).build()
                : null;
        this.hits = Counter.builder("mlops.inference.result.cache.hits").description("Answers reused from the result cache")
                .register(registry);
        this.misses = Counter.builder("mlops.inference.result.cache.misses")
                .description("Requests computed while the result cache is on").register(registry);
    }

    boolean enabled() {
        return answers != null;
    }

    /** The cached outputs, or null (always null when off). The array is shared: read it, never write it. */
    float[] find(ModelVersionRef ref, float[] inputs, int rows) {
        if (answers == null) {
            return null;
        }
        float[] found = answers.getIfPresent(Key.of(ref, inputs, rows));
        (found == null ? misses : hits).increment();
        return found;
    }

    void store(ModelVersionRef ref, float[] inputs, int rows, float[] outputs) {
        if (answers != null) {
            answers.put(Key.of(ref, inputs, rows), outputs);
        }
    }
}
