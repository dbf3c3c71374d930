package io.mlops.data.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.data.ingest.IngestSettings;
import io.mlops.domain.data.DataFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV download's conversion runs a DuckDB engine, so it holds an ingestion slot like an upload does. */
class CsvConversionTest {

    @TempDir
    Path dir;

    private final IngestionSlots slots = new IngestionSlots(1, Duration.ofMillis(50));
    private final CsvConversion conversion = new CsvConversion(new DatasetIngestor(IngestSettings.defaults()), slots);

    private Path jsonl() throws Exception {
        return Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1}\n{\"id\":2}\n", StandardCharsets.UTF_8);
    }

    @Test
    void aConversionWaitsForASlotAndGets503WhenNoneFrees() throws Exception {
        Path source = jsonl();
        Path target = dir.resolve("busy.csv");
        try (AutoCloseable upload = slots.acquire()) {
            IngestionBusy busy = catchThrowableOfType(IngestionBusy.class, () -> conversion.convert(source, DataFormat.JSONL, target));
            assertThat(busy.status().value()).isEqualTo(503);
            assertThat(busy.retryAfter()).hasValue(Duration.ofMillis(50));
        }
        assertThat(target).as("nothing converted without a slot").doesNotExist();
    }

    @Test
    void aConversionReleasesItsSlotWhenDoneAndWhenItFails() throws Exception {
        Path target = dir.resolve("ok.csv");
        conversion.convert(jsonl(), DataFormat.JSONL, target);
        assertThat(Files.readAllLines(target)).containsExactly("id", "1", "2");
        // the only slot is free again: acquiring it would throw IngestionBusy otherwise
        slots.acquire().close();

        Path notParquet = Files.writeString(dir.resolve("x.parquet"), "not parquet", StandardCharsets.UTF_8);
        assertThat(catchThrowable(() -> conversion.convert(notParquet, DataFormat.PARQUET, dir.resolve("bad.csv"))))
                .isNotNull()
                .isNotInstanceOf(IngestionBusy.class);
        slots.acquire().close();
    }
}
