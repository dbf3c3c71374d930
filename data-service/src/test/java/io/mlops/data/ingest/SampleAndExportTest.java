package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.data.schema.CategoricalRule;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleAndExportTest {

    @TempDir
    Path dir;

    private static List<String> rows(Path parquet) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(n AS VARCHAR) FROM read_parquet('" + parquet + "')")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void theSampleIsAReproducibleSubsetInFileOrder() throws Exception {
        Path csv = TestFiles.write(dir, "n.csv", "n\n" + IntStream.range(0, 5000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n")));
        IngestSettings settings = new IngestSettings("512MB", 2, null, 300, 7, 100_000, 50, 20, CategoricalRule.DEFAULT);
        DatasetIngestor ingestor = new DatasetIngestor(settings);
        IngestResult first = ingestor.ingest(csv, DataFormat.CSV, null, dir.resolve("s1.parquet"));
        ingestor.ingest(csv, DataFormat.CSV, null, dir.resolve("s2.parquet"));

        List<String> sample = rows(first.sample());
        assertThat(first.profile().sampleRows()).isEqualTo(300);
        assertThat(first.validation()).isNull();
        assertThat(sample).hasSize(300).doesNotHaveDuplicates().isEqualTo(rows(dir.resolve("s2.parquet")));
        List<Integer> numbers = sample.stream().map(Integer::valueOf).toList();
        assertThat(numbers).isSorted().allMatch(n -> n >= 0 && n < 5000);
        assertThat(numbers.getLast() - numbers.getFirst()).isGreaterThan(4000); // spread over the file
    }

    @Test
    void parquetAndJsonLinesConvertToCsvWithAHeader() throws Exception {
        DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());
        Path jsonl = TestFiles.write(dir, "a.jsonl", "{\"id\":1,\"name\":\"a, b\",\"when\":\"2024-01-02\"}\n{\"id\":2,\"name\":\"q\\\"x\"}\n");
        Path csv = dir.resolve("a.csv");
        ingestor.convertToCsv(jsonl, DataFormat.JSONL, csv);
        assertThat(Files.readAllLines(csv)).containsExactly("id,name,when", "1,\"a, b\",2024-01-02", "2,\"q\"\"x\",");

        Path parquet = dir.resolve("a.parquet");
        try (LoadedDataset data = ingestor.load(jsonl, DataFormat.JSONL)) {
            assertThat(data.schema().column("when").orElseThrow().type()).isEqualTo(ColumnType.DATE);
            data.writeSample(parquet);
        }
        Path back = dir.resolve("b.csv");
        ingestor.convertToCsv(parquet, DataFormat.PARQUET, back);
        assertThat(Files.readAllLines(back)).isEqualTo(Files.readAllLines(csv));
        try (LoadedDataset again = ingestor.load(back, DataFormat.CSV)) {
            assertThat(again.rowCount()).isEqualTo(2);
            assertThat(again.schema().columns()).extracting(c -> c.type())
                    .containsExactly(ColumnType.INTEGER, ColumnType.STRING, ColumnType.DATE);
        }
    }

    @Test
    void aCsvDownloadIsTheOriginalBytes() throws Exception {
        Path source = TestFiles.dataset("iris.csv");
        Path target = dir.resolve("copy.csv");
        new DatasetIngestor(IngestSettings.defaults()).convertToCsv(source, DataFormat.CSV, target);
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreNotPartOfTheData() {
        Path csv = TestFiles.write(dir, "w.csv", "\uFEFFid,name\r\n1,ann\r\n2,\"b\r\nob\"\r\n3,cid\r\n");
        try (LoadedDataset data = new DatasetIngestor(IngestSettings.defaults()).load(csv, DataFormat.CSV)) {
            assertThat(data.schema().columnNames()).containsExactly("id", "name");
            assertThat(data.schema().column("id").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
            assertThat(data.profile().column("name").orElseThrow().max()).isEqualTo("cid");
            assertThat(data.validate(new io.mlops.data.schema.DeclaredSchema(List.of(
                    new io.mlops.data.schema.ColumnRule("id", false, false, null, 2.0, null, null)), null))
                    .failures().getFirst().firstOffences().getFirst().location()).isEqualTo(5);
        }
    }
}
