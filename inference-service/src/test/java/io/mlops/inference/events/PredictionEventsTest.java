package io.mlops.inference.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.PredictionMade;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.Test;

/** The hot path's buffer: sampling, and a full buffer that drops and counts instead of blocking. */
class PredictionEventsTest {

    private static PredictionMade event() {
        return new PredictionMade(PredictionId.random(), new ModelVersionRef("iris", 1), null, Instant.now(),
                Map.of("x", 1.0), null, "a", Map.of("a", 1.0), 0.1, false);
    }

    @Test
    void aFullBufferDropsAndCounts() {
        var registry = new SimpleMeterRegistry();
        var events = new PredictionEvents(new EventsProperties(true, 1.0, 3, 10, Duration.ofSeconds(1), "lz4", Duration.ofMillis(20), DataSize.ofKilobytes(512), Duration.ofMillis(10), 500, DataSize.ofKilobytes(256), EventsProperties.Format.AVRO), registry);
        for (int i = 0; i < 5; i++) {
            events.offer(event());
        }
        assertThat(events.buffer()).hasSize(3);
        assertThat(registry.get("mlops.inference.events.dropped").counter().count()).isEqualTo(2);
        assertThat(registry.get("mlops.inference.events.buffered").gauge().value()).isEqualTo(3);
    }

    @Test
    void samplingKeepsAboutTheRequestedFraction() {
        var none = new PredictionEvents(new EventsProperties(true, 0.0, 3, 10, Duration.ofSeconds(1), "lz4", Duration.ofMillis(20), DataSize.ofKilobytes(512), Duration.ofMillis(10), 500, DataSize.ofKilobytes(256), EventsProperties.Format.AVRO), new SimpleMeterRegistry());
        var all = new PredictionEvents(new EventsProperties(true, 1.0, 3, 10, Duration.ofSeconds(1), "lz4", Duration.ofMillis(20), DataSize.ofKilobytes(512), Duration.ofMillis(10), 500, DataSize.ofKilobytes(256), EventsProperties.Format.AVRO), new SimpleMeterRegistry());
        var off = new PredictionEvents(new EventsProperties(false, 1.0, 3, 10, Duration.ofSeconds(1), "lz4", Duration.ofMillis(20), DataSize.ofKilobytes(512), Duration.ofMillis(10), 500, DataSize.ofKilobytes(256), EventsProperties.Format.AVRO), new SimpleMeterRegistry());
        var tenth = new PredictionEvents(new EventsProperties(true, 0.1, 3, 10, Duration.ofSeconds(1), "lz4", Duration.ofMillis(20), DataSize.ofKilobytes(512), Duration.ofMillis(10), 500, DataSize.ofKilobytes(256), EventsProperties.Format.AVRO), new SimpleMeterRegistry());
        assertThat(IntStream.range(0, 1000).noneMatch(i -> none.sampled())).isTrue();
        assertThat(IntStream.range(0, 1000).allMatch(i -> all.sampled())).isTrue();
        assertThat(IntStream.range(0, 1000).noneMatch(i -> off.sampled())).isTrue();
        // Binomial(100000, 0.1): mean 10000, sd ~95; ±600 is over 6 sd
        long kept = IntStream.range(0, 100_000).filter(i -> tenth.sampled()).count();
        assertThat(kept).isBetween(9_400L, 10_600L);
    }
}
