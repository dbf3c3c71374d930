package io.mlops.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import org.junit.jupiter.api.Test;

/** Meter ownership: a version reloaded while its old instance drains keeps its meters when the old one closes. */
class VersionMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InferenceMetrics metrics = new InferenceMetrics(registry);
    private final ModelVersionRef ref = new ModelVersionRef("digits", 3);

    private double requests() {
        var timer = registry.find("mlops.inference.request").tag("model", "digits").tag("version", "3").timer();
        return timer == null ? -1 : timer.count();
    }

    @Test
    void theOldInstanceClosingLeavesTheNewInstancesMetersInPlace() {
        VersionMeters old = metrics.open(ref);
        old.listener(() -> 5);
        old.recordRequest(1_000);
        VersionMeters reloaded = metrics.open(ref);
        reloaded.listener(() -> 2);
        assertThat(registry.get("mlops.inference.queue.depth").gauge().value()).isEqualTo(7.0);

        old.close();
        old.close(); // idempotent: must not release the new instance's hold

        assertThat(metrics.isOpen(ref)).isTrue();
        reloaded.recordRequest(2_000);
        assertThat(requests()).isEqualTo(2);
        assertThat(registry.get("mlops.inference.queue.depth").gauge().value()).isEqualTo(2.0);

        reloaded.close();
        assertThat(metrics.isOpen(ref)).isFalse();
        assertThat(registry.find("mlops.inference.request").timers()).isEmpty();
        assertThat(registry.find("mlops.inference.queue.depth").gauges()).isEmpty();
    }

    @Test
    void aVersionLoadedAgainAfterItsMetersWentGetsFreshOnes() {
        VersionMeters first = metrics.open(ref);
        first.recordRequest(1_000);
        first.close();
        VersionMeters second = metrics.open(ref);
        second.recordRequest(1_000);
        assertThat(requests()).isEqualTo(1);
        second.close();
    }

    @Test
    void cacheCountersAreBuiltOnceAndStay() {
        metrics.cacheHit(ref);
        metrics.cacheHit(ref);
        metrics.cacheMiss(ref);
        assertThat(registry.get("mlops.inference.cache.hits").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("mlops.inference.cache.misses").counter().count()).isEqualTo(1.0);
    }
}
