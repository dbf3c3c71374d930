package io.mlops.inference;

import static io.mlops.inference.ExtrasIntegrationTest.SETOSA;
import static io.mlops.inference.ExtrasIntegrationTest.batches;
import static io.mlops.inference.ExtrasIntegrationTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The defaults of the shared context: no result cache (every request computes), no echo endpoint. */
class ResultCacheOffIntegrationTest extends InferenceTestBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void withTheCacheOffIdenticalRequestsAreComputedEachTime() {
        post("/api/v1/models/iris/versions/2/predict", SETOSA);
        long before = batches2();
        post("/api/v1/models/iris/versions/2/predict", SETOSA);
        post("/api/v1/models/iris/versions/2/predict", SETOSA);
        assertThat(batches2()).isEqualTo(before + 2);
        assertThat(count(meters, "mlops.inference.result.cache.hits")).isZero();
        assertThat(count(meters, "mlops.inference.result.cache.misses")).isZero();
    }

    @Test
    void theEchoEndpointIsOffByDefault() {
        assertThat(post("/api/v1/echo", SETOSA).getStatusCode().value()).isEqualTo(404);
    }

    private long batches2() {
        var summary = meters.find("mlops.inference.batch.size").tags("model", "iris", "version", "2").summary();
        return summary == null ? 0 : summary.count();
    }
}
