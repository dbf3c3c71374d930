package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.data.schema.ColumnRule;
import io.mlops.data.schema.DeclaredSchema;
import io.mlops.data.schema.Offence;
import io.mlops.data.schema.RowLocation;
import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User columns named like the row positions the loader keeps (rowid, file_row_number) are ordinary columns. */
class RowPositionTest {

    @TempDir
    Path dir;

    private final DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());

    private LoadedDataset load(String name, String content, DataFormat format) {
        return ingestor.load(TestFiles.write(dir, name, content), format);
    }

    private static List<String> column(Path parquet, String name) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(\"" + name + "\" AS VARCHAR) FROM read_parquet('" + parquet + "')")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void aJsonKeyNamedRowidIsAColumnLikeAnyOther() throws Exception {
        try (LoadedDataset data = load("r.jsonl", "{\"rowid\":20,\"x\":1}\n{\"rowid\":10,\"x\":-2}\n", DataFormat.JSONL)) {
            assertThat(data.schema().columnNames()).containsExactly("rowid", "x");
            assertThat(data.profile().column("rowid").orElseThrow().numeric().mean()).isEqualTo(15.0);
            ValidationReport report = data.validate(new DeclaredSchema(
                    List.of(new ColumnRule("x", false, false, 0.0, null, null, null)), null));
            assertThat(report.failures().getFirst().firstOffences()).containsExactly(new Offence(2, "-2"));
            Path sample = dir.resolve("s.parquet");
            data.writeSample(sample);
            assertThat(column(sample, "rowid")).containsExactly("20", "10"); // file order, not rowid order
        }
    }

    @Test
    void aCsvColumnNamedRowidIsLocatedByItsLines() throws Exception {
        // a text RowId column, and one named like the sample's old helper column, both in reverse order
        String csv = "RowId,__mlops_row,x\nc,3,1\nb,2,-1\na,1,2\n";
        try (LoadedDataset data = load("r.csv", csv, DataFormat.CSV)) {
            assertThat(data.schema().columnNames()).containsExactly("RowId", "__mlops_row", "x");
            ValidationReport report = data.validate(new DeclaredSchema(List.of(
                    new ColumnRule("x", false, false, 0.0, null, null, null)), List.of("RowId")));
            assertThat(report.locatedBy()).isEqualTo(RowLocation.CSV_LINE);
            assertThat(report.failures()).singleElement().satisfies(
                    f -> assertThat(f.firstOffences()).containsExactly(new Offence(3, "-1")));
            Path sample = dir.resolve("s.parquet");
            data.writeSample(sample);
            assertThat(column(sample, "RowId")).containsExactly("c", "b", "a");
            assertThat(column(sample, "__mlops_row")).containsExactly("3", "2", "1");
        }
    }

    @Test
    void aParquetColumnNamedFileRowNumberIsKept() throws Exception {
        Path parquet = dir.resolve("f.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (7, 1), (5, -1)) t(file_row_number, x)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
        try (LoadedDataset data = ingestor.load(parquet, DataFormat.PARQUET)) {
            assertThat(data.schema().columnNames()).containsExactly("file_row_number", "x");
            ValidationReport report = data.validate(new DeclaredSchema(
                    List.of(new ColumnRule("x", false, false, 0.0, null, null, null)), null));
            assertThat(report.locatedBy()).isEqualTo(RowLocation.ROW_NUMBER);
            assertThat(report.failures().getFirst().firstOffences()).containsExactly(new Offence(2, "-1"));
            Path sample = dir.resolve("s.parquet");
            data.writeSample(sample);
            assertThat(column(sample, "file_row_number")).containsExactly("7", "5");
        }
    }
}
