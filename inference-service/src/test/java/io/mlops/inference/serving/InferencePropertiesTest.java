package io.mlops.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.inference.batching.BatchingSettings;
import io.mlops.inference.batching.ThreadBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of mlops.inference.*: defaults, and per-model batching overrides laid over the global settings. */
class InferencePropertiesTest {

    private static InferenceProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("mlops.inference", InferenceProperties.class);
    }

    @Test
    void defaults() {
        InferenceProperties properties = bind(Map.of());
        assertThat(properties.registryUrl()).hasToString("http://localhost:8083");
        assertThat(properties.device()).isEqualTo(InferenceProperties.Device.AUTO);
        assertThat(properties.maxRowsPerRequest()).isEqualTo(1000);
        assertThat(properties.requestTimeoutFor("any")).isEqualTo(Duration.ofSeconds(2));
        BatchingSettings settings = properties.batchingFor("any", ThreadBudget.forCores(4, 0));
        assertThat(settings).isEqualTo(new BatchingSettings(32, Duration.ofMillis(2), 512, 4));
    }

    @Test
    void aModelOverrideReplacesOnlyTheFieldsItSets() {
        InferenceProperties properties = bind(Map.of(
                "mlops.inference.batching.max-batch-size", "64",
                "mlops.inference.batching.queue-capacity", "100",
                "mlops.inference.models.big.workers", "1",
                "mlops.inference.models.big.max-queue-delay", "5ms",
                "mlops.inference.models.big.request-timeout", "10s",
                "mlops.inference.device", "cpu"));
        ThreadBudget budget = ThreadBudget.forCores(4, 0);
        assertThat(properties.batchingFor("big", budget)).isEqualTo(new BatchingSettings(64, Duration.ofMillis(5), 100, 1));
        assertThat(properties.batchingFor("small", budget)).isEqualTo(new BatchingSettings(64, Duration.ofMillis(2), 100, 4));
        assertThat(properties.requestTimeoutFor("big")).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.requestTimeoutFor("small")).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.device()).isEqualTo(InferenceProperties.Device.CPU);
    }
}
