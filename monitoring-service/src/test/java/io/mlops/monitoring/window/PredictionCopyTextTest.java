package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.PredictionMade;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The COPY text the log is loaded with; the expected line is written out by hand from Postgres's COPY text rules. */
class PredictionCopyTextTest {

    @Test
    void backslashTabAndLineBreaksAreEscapedAndMissingValuesAreBackslashN() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("note", "a\tb\nc\\d");
        PredictionMade e = new PredictionMade(new PredictionId(id), new ModelVersionRef("m", 2), "production",
                Instant.parse("2026-11-27T10:00:00Z"), features, 1.5, null, null, 3.0, false);
        // JSON of the features: {"note":"a\tb\nc\\d"} (JSON escapes); COPY then doubles every backslash
        // the row ends with the tab before its window id, which is appended once the window is known
        String expected = id + "\t2026-11-27T10:00:00Z\tm\t2\t{\"note\":\"a\\\\tb\\\\nc\\\\\\\\d\"}\t1.5\t\\N\t3.0\t\\N\t";
        assertThat(PredictionLog.copyRow(e)).isEqualTo(expected);
    }
}
