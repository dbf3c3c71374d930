package io.mlops.inference.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loaded model versions on Caffeine.
 *
 * <ul>
 *   <li><b>Loaded once.</b> An {@link AsyncCache} maps a key to the future of its load, so any number of
 *       concurrent misses share one load, and the load runs outside Caffeine's map lock (a slow
 *       load cannot block other keys). A failed future is removed by Caffeine: failures are not cached.</li>
 *   <li><b>Two bounds.</b> Caffeine takes either a size or a weight bound, not both. Bytes are the
 *       bound that protects memory, so Caffeine weighs entries by artifact KiB and evicts by its own
 *       frequency-aware policy; the count bound is enforced after each miss by invalidating Caffeine's
 *       coldest entries. (Weighing each entry at least {@code maxBytes / maxModels} would give one policy,
 *       but would evict small models long before the byte bound is reached.)</li>
 *   <li><b>Closed after use.</b> Evicted or invalidated models are closed when the last open
 *       {@link ModelLease} on them is closed ({@link CachedModel}).</li>
 * </ul>
 */
public final class ModelCache<K, V extends AutoCloseable> implements AutoCloseable {

    private final ModelCacheSettings settings;
    private final ModelLoader<K, V> loader;
    private final ExecutorService loads;
    private final AsyncCache<K, CachedModel<V>> cache;
    private final AtomicLong countEvictions = new AtomicLong();
    private volatile boolean closed;

    public ModelCache(ModelCacheSettings settings, ModelLoader<K, V> loader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loader = Objects.requireNonNull(loader, "loader");
        // Loads block on downloads and native code: virtual threads keep them off the common pool.
        this.loads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-load-", 0).factory());
        this.cache = Caffeine.newBuilder()
                .maximumWeight((settings.maxBytes() + 1023) / 1024)
                .<K, CachedModel<V>>weigher((key, entry) -> entry.weightInKib())
                .removalListener((K key, CachedModel<V> entry, RemovalCause cause) -> {
                    if (entry != null) {
                        entry.release();
                    }
                })
                // Maintenance (eviction, the removal listener) stays on Caffeine's default executor, the common
                // pool: only there does Caffeine re-run maintenance that a concurrent write left incomplete.
                // With a custom or inline executor it waits for the next cache activity, and a completed
                // load's weight could leave the byte bound exceeded while the cache sat idle (seen in tests).
                .recordStats()
                .buildAsync();
    }

    /**
     * The model of {@code key}, loading it if absent (one load however many callers ask at once).
     * Blocks until loaded.
     *
     * @throws ModelLoadFailed when the loader threw (the next call tries again)
     */
    public ModelLease<V> acquire(K key) {
        ModelLease<V> loaded = acquireIfLoaded(key);
        return loaded != null ? loaded : acquireLoading(key);
    }

    /**
     * A lease on {@code key} if it is loaded now, else null (nothing is loaded). The hot path of every request:
     * one map read and a reference count, none of the miss path's load-future handling or count-bound check.
     */
    public ModelLease<V> acquireIfLoaded(K key) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<CachedModel<V>> future = cache.getIfPresent(key);
        if (closed || future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        CachedModel<V> entry = future.getNow(null);
        return entry != null && entry.acquireReference() ? new ModelLease<>(entry) : null;
    }

    private ModelLease<V> acquireLoading(K key) {
        Objects.requireNonNull(key, "key");
        while (true) {
            if (closed) {
                throw new IllegalStateException("model cache is closed");
            }
            CompletableFuture<CachedModel<V>> future =
                    cache.get(key, (k, ignored) -> CompletableFuture.supplyAsync(() -> load(k), loads));
            CachedModel<V> entry;
            try {
                entry = future.join();
            } catch (CompletionException e) {
                // Caffeine drops a failed future too, but in a callback that may run after this thread wakes;
                // removing it here means the caller's next attempt loads again for sure.
                cache.asMap().remove(key, future);
                throw new ModelLoadFailed(key, e.getCause() == null ? e : e.getCause());
            }
            if (entry.acquireReference()) {
                enforceCountBound(key);
                return new ModelLease<>(entry);
            }
            // Evicted and closed between get and retain: drop the stale mapping if still there, load afresh.
            cache.asMap().remove(key, future);
        }
    }

    private CachedModel<V> load(K key) {
        try {
            LoadedModel<V> loaded = loader.load(key);
            return new CachedModel<>(key, loaded.model(), loaded.artifactBytes());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private void enforceCountBound(K justUsed) {
        var sync = cache.synchronous();
        long excess = sync.estimatedSize() - settings.maxModels();
        if (excess <= 0) {
            return;
        }
        Policy.Eviction<K, CachedModel<V>> eviction = sync.policy().eviction().orElseThrow();
        for (K key : eviction.coldest((int) Math.min(Integer.MAX_VALUE - 1, excess + 1)).keySet()) {
            if (excess <= 0) {
                break;
            }
            if (!key.equals(justUsed) && sync.asMap().remove(key) != null) {
                countEvictions.incrementAndGet();
                excess--;
            }
        }
    }

    /** Removes a version (undeploy); it is closed once its open leases are closed. */
    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    /** Whether {@code key} is loaded or loading. */
    public boolean contains(K key) {
        return cache.getIfPresent(key) != null;
    }

    /** Versions loaded or loading. */
    public long size() {
        return cache.synchronous().estimatedSize();
    }

    /** Artifact bytes of the loaded versions. */
    public long loadedBytes() {
        return cache.synchronous().asMap().values().stream().mapToLong(CachedModel::bytes).sum();
    }

    /** Caffeine's counters: hits, misses, load successes and failures, total load time, byte-bound evictions. */
    public CacheStats stats() {
        return cache.synchronous().stats();
    }

    /** Evictions for either bound (Caffeine's stats count only its own, the byte bound). */
    public long evictionCount() {
        return stats().evictionCount() + countEvictions.get();
    }

    public ModelCacheSettings settings() {
        return settings;
    }

    /** Waits for loads in flight, then invalidates everything; models with open leases close when those leases do. */
    @Override
    public void close() {
        closed = true;
        loads.close(); // waits for loads in flight, so that none lands in the cache after it is emptied
        invalidateAll();
        cache.synchronous().cleanUp();
    }
}
