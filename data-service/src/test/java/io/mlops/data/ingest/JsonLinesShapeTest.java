package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON Lines key is a column of its own, however wide or sparse the rows. */
class JsonLinesShapeTest {

    @TempDir
    Path dir;

    private final DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());

    private LoadedDataset load(String name, String content) {
        return ingestor.load(TestFiles.write(dir, name, content), DataFormat.JSONL);
    }

    @Test
    void wideJsonLinesRowsKeepOneColumnPerKey() {
        // 250 integer keys is past DuckDB's map_inference_threshold (200), where it would read one MAP column
        String row = IntStream.range(0, 250).mapToObj(i -> "\"f" + i + "\":" + i).collect(Collectors.joining(",", "{", "}\n"));
        try (LoadedDataset data = load("wide.jsonl", row + row)) {
            assertThat(data.schema().columnNames()).hasSize(250).startsWith("f0", "f1").endsWith("f249");
            assertThat(data.schema().column("f249").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
            assertThat(data.profile().column("f249").orElseThrow().numeric().mean()).isEqualTo(249.0);
        }
    }

    @Test
    void sparseJsonKeysStayColumns() {
        // each key in 1 of 30 rows: under DuckDB's field_appearance_threshold (0.1), where it would read a MAP
        String rows = IntStream.range(0, 30).mapToObj(i -> "{\"k" + i + "\":" + i + "}\n").collect(Collectors.joining());
        try (LoadedDataset data = load("sparse.jsonl", rows)) {
            assertThat(data.schema().columnNames()).hasSize(30).startsWith("k0").endsWith("k29");
            assertThat(data.profile().column("k3").orElseThrow().nulls()).isEqualTo(29);
        }
    }
}
