package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The COPY text the log is loaded with; the expected lines are written out by hand from Postgres's COPY text rules. */
class PredictionCopyTextTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void backslashTabAndLineBreaksAreEscapedAndMissingValuesAreBackslashN() {
        // features JSON as Jackson writes it: {"note":"a\tb\nc\\d"} (JSON escapes); COPY then doubles every backslash
        PredictionRow e = new PredictionRow(ID, new ModelVersionRef("m", 2), Instant.parse("2026-11-27T10:00:00Z"),
                "{\"note\":\"a\\tb\\nc\\\\d\"}", 1.5, null, null, 3.0);
        // the row ends with the tab before its window id, which is appended once the window is known
        String expected = ID + "\t2026-11-27T10:00:00Z\tm\t2\t{\"note\":\"a\\\\tb\\\\nc\\\\\\\\d\"}\t1.5\t\\N\t3.0\t\\N\t";
        assertThat(PredictionLog.copyRow(e)).isEqualTo(expected);
    }

    @Test
    void rawTabsLineBreaksAndCarriageReturnsInTheEventsJsonTextAreEscaped() {
        // the features text is the event's own: whitespace between its tokens may be real tabs, CR and LF, and a
        // categorical value holds a JSON-escaped tab and backslash; a label holds a real tab and line break
        String features = "{\r\n\t\"city\": \"x\\ty\\\\z\"\n}";
        PredictionRow e = new PredictionRow(ID, new ModelVersionRef("m\tn", 1), Instant.parse("2026-11-27T10:00:00Z"),
                features, null, "sun\r\ny", "{\"sun\":1.0}", 2.0);
        String expected = ID + "\t2026-11-27T10:00:00Z\tm\\tn\t1\t{\\r\\n\\t\"city\": \"x\\\\ty\\\\\\\\z\"\\n}\t\\N\tsun\\r\\ny\t2.0\t{\"sun\":1.0}\t";
        assertThat(PredictionLog.copyRow(e)).isEqualTo(expected);
    }
}
