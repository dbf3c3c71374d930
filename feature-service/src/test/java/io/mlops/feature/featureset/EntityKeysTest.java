package io.mlops.feature.featureset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityKeysTest {

    @Test
    void numbersNameTheSameEntityWhateverTheirJavaType() {
        assertThat(EntityKeys.text(7)).isEqualTo("7");
        assertThat(EntityKeys.text(7L)).isEqualTo("7");
        assertThat(EntityKeys.text(7.0)).isEqualTo("7");
        assertThat(EntityKeys.text("7")).isEqualTo("7");
        assertThat(EntityKeys.text(7.5)).isEqualTo("7.5");
        assertThat(EntityKeys.text("")).isNull();
    }

    @Test
    void compositeKeysNeedEveryPartAndSplitBack() {
        List<String> columns = List.of("origin", "carrier");
        String key = EntityKeys.ofRequest(Map.of("origin", "SEA", "carrier", "AS"), columns);
        assertThat(key).isEqualTo("SEA\u001fAS");
        assertThat(EntityKeys.parts(key, 2)).containsExactly("SEA", "AS");
        assertThat(EntityKeys.ofRequest(Map.of("origin", "SEA"), columns)).isNull();
        assertThat(EntityKeys.ofRequest("SEA", columns)).isNull();
    }

    @Test
    void eventTimesAreUtc() {
        assertThat(EventTimes.parse("2012-01-03")).isEqualTo(Instant.parse("2012-01-03T00:00:00Z"));
        assertThat(EventTimes.parse("2012-01-03T10:15:00")).isEqualTo(Instant.parse("2012-01-03T10:15:00Z"));
        assertThat(EventTimes.parse("2012-01-03T10:15:00+02:00")).isEqualTo(Instant.parse("2012-01-03T08:15:00Z"));
        assertThat(EventTimes.parse("yesterday")).isNull();
    }
}
