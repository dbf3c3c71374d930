package io.mlops.inference.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected predictions: the artifact of seed s holds weights (i % 7) + s, so a row of ones of length 3
 * predicts (0 + 1 + 2) + 3s by hand.
 */
class ModelCacheTest {

    private static final float[] ONES = {1, 1, 1};

    @TempDir
    Path artifacts;

    private final AtomicInteger loads = new AtomicInteger();
    private final Map<String, List<VectorModel>> loaded = new ConcurrentHashMap<>();
    private ModelCache<String, VectorModel> cache;

    @AfterEach
    void closeCache() {
        if (cache != null) {
            cache.close();
        }
    }

    private ModelCache<String, VectorModel> cache(ModelCacheSettings settings, ModelLoader<String, VectorModel> loader) {
        cache = new ModelCache<>(settings, loader);
        return cache;
    }

    private LoadedModel<VectorModel> loadFromDisk(String version) throws Exception {
        loads.incrementAndGet();
        LoadedModel<VectorModel> model = VectorModel.load(artifacts, version);
        loaded.computeIfAbsent(version, v -> new ArrayList<>()).add(model.model());
        return model;
    }

    private long closedCount() {
        return loaded.values().stream().flatMap(List::stream).filter(VectorModel::isClosed).count();
    }

    private float predictOnce(String version) {
        try (ModelLease<VectorModel> lease = cache.acquire(version)) {
            return lease.model().predict(ONES);
        }
    }

    @Test
    void aHundredSimultaneousRequestsLoadAVersionOnce() throws Exception {
        VectorModel.writeArtifact(artifacts, "v1", 1024, 2);
        int callers = 100;
        CountDownLatch startGate = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(callers);
        cache(ModelCacheSettings.defaults(), version -> {
            // Hold the load until every caller has asked, so they all meet it in flight.
            arrived.await(10, TimeUnit.SECONDS);
            return loadFromDisk(version);
        });
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            List<Future<VectorModel>> models = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                models.add(threads.submit(() -> {
                    startGate.await();
                    arrived.countDown();
                    try (ModelLease<VectorModel> lease = cache.acquire("v1")) {
                        assertThat(lease.model().predict(ONES)).isEqualTo(3 + 3 * 2);
                        return lease.model();
                    }
                }));
            }
            startGate.countDown();
            VectorModel first = models.getFirst().get(30, TimeUnit.SECONDS);
            for (Future<VectorModel> model : models) {
                assertThat(model.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
        }
        assertThat(loads.get()).isEqualTo(1);
        assertThat(cache.stats().loadSuccessCount()).isEqualTo(1);
        assertThat(closedCount()).isZero();
    }

    @Test
    void aFailedLoadIsNotCachedAndTheNextRequestTriesAgain() throws Exception {
        cache(ModelCacheSettings.defaults(), this::loadFromDisk);

        assertThatThrownBy(() -> cache.acquire("v1")).isInstanceOf(ModelLoadFailed.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(cache.contains("v1")).isFalse();

        VectorModel.writeArtifact(artifacts, "v1", 16, 1);
        assertThat(predictOnce("v1")).isEqualTo(3 + 3 * 1);
        assertThat(loads.get()).isEqualTo(2);
        // Caffeine records the failure in a completion callback that may still be running.
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.stats().loadFailureCount() == 1);
    }

    @Test
    void anEvictedModelIsClosedOnlyAfterItsLastLeaseIsClosed() throws Exception {
        VectorModel.writeArtifact(artifacts, "v1", 16, 1);
        VectorModel.writeArtifact(artifacts, "v2", 16, 2);
        cache(new ModelCacheSettings(1, 1L << 20), this::loadFromDisk);
        ModelLease<VectorModel> inUse = cache.acquire("v1");

        assertThat(predictOnce("v2")).isEqualTo(3 + 3 * 2);
        // The count bound evicts the coldest entry other than the one just asked for.
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.size() == 1 && !cache.contains("v1"));
        VectorModel held = inUse.model();

        assertThat(held.isClosed()).isFalse();
        assertThat(held.predict(ONES)).isEqualTo(3 + 3 * 1);
        inUse.close();
        await().atMost(Duration.ofSeconds(10)).until(held::isClosed);
        assertThat(closedCount()).isEqualTo(1);
        assertThat(cache.evictionCount()).isEqualTo(1);
    }

    @Test
    void theCountBoundHolds() throws Exception {
        for (int seed = 1; seed <= 5; seed++) {
            VectorModel.writeArtifact(artifacts, "v" + seed, 16, seed);
        }
        cache(new ModelCacheSettings(2, 1L << 30), this::loadFromDisk);

        for (int seed = 1; seed <= 5; seed++) {
            assertThat(predictOnce("v" + seed)).isEqualTo(3 + 3 * seed);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cache.size()).isEqualTo(2);
            assertThat(closedCount()).isEqualTo(3);
        });
        assertThat(loads.get()).isEqualTo(5);
    }

    @Test
    void theByteBoundHolds() throws Exception {
        int floatsOf40KiB = 40 * 1024 / Float.BYTES;
        for (int seed = 1; seed <= 4; seed++) {
            VectorModel.writeArtifact(artifacts, "v" + seed, floatsOf40KiB, seed);
        }
        long maxBytes = 100 * 1024;
        cache(new ModelCacheSettings(10, maxBytes), this::loadFromDisk);

        for (int seed = 1; seed <= 4; seed++) {
            assertThat(predictOnce("v" + seed)).isEqualTo(3 + 3 * seed);
        }

        // 4 × 40 KiB against 100 KiB: two stay, two are evicted and closed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cache.loadedBytes()).isLessThanOrEqualTo(maxBytes).isEqualTo(2 * 40 * 1024);
            assertThat(closedCount()).isEqualTo(2);
        });
    }

    @Test
    void invalidatingAnUnusedVersionClosesIt() throws Exception {
        VectorModel.writeArtifact(artifacts, "v1", 16, 1);
        cache(ModelCacheSettings.defaults(), this::loadFromDisk);
        predictOnce("v1");

        cache.invalidate("v1");

        await().atMost(Duration.ofSeconds(10)).until(() -> loaded.get("v1").getFirst().isClosed());
        assertThat(cache.contains("v1")).isFalse();
    }

    @Test
    void aModelLargerThanTheByteBoundServesItsCallerThenCloses() throws Exception {
        VectorModel.writeArtifact(artifacts, "big", 2048, 4);
        cache(new ModelCacheSettings(4, 4 * 1024), this::loadFromDisk);

        try (ModelLease<VectorModel> lease = cache.acquire("big")) {
            assertThat(lease.model().predict(ONES)).isEqualTo(3 + 3 * 4);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> loaded.get("big").getFirst().isClosed());
        assertThat(loads.get()).isEqualTo(1);
    }
}
