package io.mlops.inference.cache;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to use a cached model until {@link #close()}: {@code try (var lease = cache.acquire(key)) {...}}.
 * Not for keeping across requests; an evicted model stays open only while leases on it are open.
 */
public final class ModelLease<V extends AutoCloseable> implements AutoCloseable {

    private final CachedModel<V> entry;
    private final AtomicBoolean released = new AtomicBoolean();

    ModelLease(CachedModel<V> entry) {
        this.entry = entry;
    }

    public V model() {
        if (released.get()) {
            throw new IllegalStateException("lease already closed");
        }
        return entry.model();
    }

    public long artifactBytes() {
        return entry.bytes();
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            entry.release();
        }
    }
}
