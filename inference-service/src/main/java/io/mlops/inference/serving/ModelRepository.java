package io.mlops.inference.serving;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.cache.ModelCache;
import io.mlops.inference.cache.ModelLease;
import io.mlops.inference.cache.ModelLoadFailed;
import io.mlops.inference.metrics.InferenceMetrics;
import io.mlops.support.web.ApiProblem;

/**
 * The served model versions: leases from the model cache, with hits and misses counted per version and
 * load failures turned into answers (404 for a version the registry does not know, 503 otherwise).
 */
public final class ModelRepository implements AutoCloseable {

    private final ModelCache<ModelVersionRef, ServedModel> cache;
    private final InferenceMetrics metrics;

    ModelRepository(ModelCache<ModelVersionRef, ServedModel> cache, InferenceMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
    }

    /** The version, loading it once if needed. Close the lease when the request is answered. */
    public ModelLease<ServedModel> acquire(ModelVersionRef ref) {
        ModelLease<ServedModel> loaded = cache.acquireIfLoaded(ref);
        if (loaded != null) {
            metrics.cacheHit(ref);
            return loaded;
        }
        // Loading (by another request) counts as a miss too: this request waits for the load.
        metrics.cacheMiss(ref);
        try {
            return cache.acquire(ref);
        } catch (ModelLoadFailed e) {
            if (e.getCause() instanceof ApiProblem problem) {
                throw problem;
            }
            throw new ModelUnavailable(ref, e.getCause() == null ? e : e.getCause());
        }
    }

    public boolean isLoaded(ModelVersionRef ref) {
        return cache.contains(ref);
    }

    /** Undeploy: the version closes once the requests holding it are answered. */
    public void release(ModelVersionRef ref) {
        cache.invalidate(ref);
    }

    @Override
    public void close() {
        cache.close();
    }
}
