package io.mlops.inference.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cached model with a reference count: one reference held by the cache while the entry is in it,
 * one per open lease. The model is closed when the count reaches zero, so eviction never closes a
 * model in the middle of a prediction.
 *
 * <p>A load starts with one extra reference for its callers, claimed by the first of them: Caffeine may
 * evict a new entry at once (too big, or colder than the others), and the caller who waited for the
 * load must still get the model rather than find it closed and load it again, endlessly.
 */
final class CachedModel<V extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(CachedModel.class);

    private final Object key;
    private final V model;
    private final long bytes;
    private final AtomicInteger references = new AtomicInteger(2);
    private final AtomicBoolean loadReferenceClaimed = new AtomicBoolean();

    CachedModel(Object key, V model, long bytes) {
        this.key = key;
        this.model = model;
        this.bytes = bytes;
    }

    V model() {
        return model;
    }

    long bytes() {
        return bytes;
    }

    /** Caffeine weights are ints; whole KiB let one entry weigh up to 2 TiB. */
    int weightInKib() {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
    }

    /** Takes the reference made for the load's callers, or a new one unless the model is closed. */
    boolean acquireReference() {
        return loadReferenceClaimed.compareAndSet(false, true) || retain();
    }

    /** Takes a reference unless the model is already closed (evicted and released meanwhile). */
    private boolean retain() {
        int current;
        do {
            current = references.get();
            if (current == 0) {
                return false;
            }
        } while (!references.compareAndSet(current, current + 1));
        return true;
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            try {
                model.close();
                log.info("Closed model {} ({} bytes)", key, bytes);
            } catch (Exception e) {
                log.warn("Closing model {} failed", key, e);
            }
        } else if (left < 0) {
            throw new IllegalStateException("model " + key + " released more often than retained");
        }
    }
}
