package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.data.schema.ColumnRule;
import io.mlops.data.schema.DeclaredSchema;
import io.mlops.data.schema.Offence;
import io.mlops.data.schema.RuleOutcome;
import io.mlops.domain.data.ColumnProfile;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.ValueCount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared datasets, checked against figures known independently of DuckDB: iris from R's
 * {@code summary(iris)} and {@code sd(iris$Sepal.Length)} (Fisher's data: mean 5.8433, sd 0.8281,
 * quartiles 5.1 / 5.8 / 6.4, range 4.3..7.9); the others from awk over the CSV text (`sort | uniq -c` for
 * counts, sum and sum of squares for mean and sample sd), matching scikit-learn's {@code describe()}.
 */
class RealDatasetsTest {

    @TempDir
    Path dir;

    private final DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());

    @Test
    void irisCsv() {
        DatasetProfile profile = assertIris(DataFormat.CSV, TestFiles.dataset("iris.csv"));
        ColumnProfile sepal = profile.column("sepal_length").orElseThrow();
        assertThat(sepal.numeric().quantiles().p25()).isCloseTo(5.1, within(1e-9));
        assertThat(sepal.numeric().quantiles().p50()).isCloseTo(5.8, within(1e-9));
        assertThat(sepal.numeric().quantiles().p75()).isCloseTo(6.4, within(1e-9));
        assertThat(sepal.distinct()).isEqualTo(35); // R: length(unique(iris$Sepal.Length))
        assertThat(sepal.distinctIsEstimate()).isFalse();
        assertThat(sepal.numeric().histogram().counts()).hasSize(20)
                .satisfies(c -> assertThat(c.stream().mapToLong(Long::longValue).sum()).isEqualTo(150));
        assertThat(sepal.numeric().histogram().edges().getFirst()).isEqualTo(4.3);
        assertThat(sepal.numeric().histogram().edges().getLast()).isEqualTo(7.9);
    }

    @Test
    void irisAsParquetAndJsonLinesGivesTheSameProfile() throws Exception {
        Path parquet = dir.resolve("iris.parquet");
        Path jsonl = dir.resolve("iris.jsonl");
        String csv = TestFiles.dataset("iris.csv").toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + jsonl + "' (FORMAT json)");
        }
        DatasetProfile fromCsv = assertIris(DataFormat.CSV, TestFiles.dataset("iris.csv"));
        assertThat(assertIris(DataFormat.PARQUET, parquet)).isEqualTo(fromCsv);
        assertThat(assertIris(DataFormat.JSONL, jsonl)).isEqualTo(fromCsv);
        // iris lists 50 setosa, 50 versicolor, then 50 virginica: rows 101..150 break this rule
        try (LoadedDataset iris = ingestor.load(parquet, DataFormat.PARQUET)) {
            RuleOutcome species = iris.validate(new DeclaredSchema(List.of(new ColumnRule("species", false, false,
                    null, null, List.of("setosa", "versicolor"), null)), null)).outcomes().getFirst();
            assertThat(species.violations()).isEqualTo(50);
            assertThat(species.firstOffences()).hasSize(20).first().isEqualTo(new Offence(101, "virginica"));
            assertThat(iris.writeSample(dir.resolve("sample.parquet"))).isEqualTo(150);
            iris.writeCsv(dir.resolve("iris-back.csv"));
        }
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("iris-back.csv")).getFirst())
                .isEqualTo("sepal_length,sepal_width,petal_length,petal_width,species");
        try (LoadedDataset back = ingestor.load(dir.resolve("iris-back.csv"), DataFormat.CSV)) {
            assertThat(back.profile()).isEqualTo(fromCsv);
        }
    }

    private DatasetProfile assertIris(DataFormat format, Path file) {
        try (LoadedDataset iris = ingestor.load(file, format)) {
            assertThat(iris.rowCount()).isEqualTo(150);
            assertThat(iris.schema().columnNames())
                    .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width", "species");
            assertThat(iris.schema().column("sepal_length").orElseThrow().type()).isEqualTo(ColumnType.FLOAT);
            assertThat(iris.schema().column("species").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(iris.schema().columns()).noneMatch(c -> c.nullable());
            ColumnProfile sepal = iris.profile().column("sepal_length").orElseThrow();
            assertThat(sepal.numeric().mean()).isCloseTo(5.8433, within(1e-4));
            assertThat(sepal.numeric().stddev()).isCloseTo(0.8281, within(1e-4));
            assertThat(sepal.numeric().min()).isEqualTo(4.3);
            assertThat(sepal.numeric().max()).isEqualTo(7.9);
            assertThat(iris.profile().column("petal_length").orElseThrow().numeric().mean()).isCloseTo(3.758, within(1e-9));
            ColumnProfile species = iris.profile().column("species").orElseThrow();
            assertThat(species.distinct()).isEqualTo(3);
            assertThat(species.topValues()).containsExactly(
                    new ValueCount("setosa", 50), new ValueCount("versicolor", 50), new ValueCount("virginica", 50));
            assertThat(iris.profile().sampleRows()).isEqualTo(150);
            return iris.profile();
        }
    }

    @Test
    void seattleWeather() {
        try (LoadedDataset weather = ingestor.load(TestFiles.dataset("seattle-weather.csv"), DataFormat.CSV)) {
            assertThat(weather.rowCount()).isEqualTo(1461);
            assertThat(weather.schema().column("date").orElseThrow().type()).isEqualTo(ColumnType.DATE);
            assertThat(weather.schema().column("weather").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
            ColumnProfile date = weather.profile().column("date").orElseThrow();
            assertThat(date.min()).isEqualTo("2012-01-01");
            assertThat(date.max()).isEqualTo("2015-12-31");
            assertThat(date.numeric()).isNull();
            ColumnProfile kinds = weather.profile().column("weather").orElseThrow();
            assertThat(kinds.distinct()).isEqualTo(5);
            assertThat(kinds.topValues().stream().collect(Collectors.toMap(ValueCount::value, ValueCount::count)))
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                            "rain", 641L, "sun", 640L, "fog", 101L, "drizzle", 53L, "snow", 26L));
            ColumnProfile rain = weather.profile().column("precipitation").orElseThrow();
            assertThat(rain.type()).isEqualTo(ColumnType.FLOAT);
            assertThat(rain.numeric().mean()).isCloseTo(3.029432, within(1e-6));
            assertThat(rain.numeric().stddev()).isCloseTo(6.680194, within(1e-6));
        }
    }

    @Test
    void breastCancer() {
        try (LoadedDataset cancer = ingestor.load(TestFiles.dataset("breast_cancer.csv"), DataFormat.CSV)) {
            assertThat(cancer.rowCount()).isEqualTo(569);
            assertThat(cancer.schema().columns()).hasSize(31);
            ColumnProfile radius = cancer.profile().column("mean_radius").orElseThrow();
            assertThat(radius.numeric().mean()).isCloseTo(14.127292, within(1e-6));
            assertThat(radius.numeric().stddev()).isCloseTo(3.524049, within(1e-6));
            ColumnProfile label = cancer.profile().column("malignant").orElseThrow();
            assertThat(label.type()).isEqualTo(ColumnType.INTEGER);
            assertThat(label.numeric().mean()).isCloseTo(212.0 / 569, within(1e-12));
            assertThat(label.numeric().histogram().counts().getFirst()).isEqualTo(357);
            assertThat(label.numeric().histogram().counts().getLast()).isEqualTo(212);
        }
    }

    @Test
    void diabetes() {
        try (LoadedDataset diabetes = ingestor.load(TestFiles.dataset("diabetes.csv"), DataFormat.CSV)) {
            assertThat(diabetes.rowCount()).isEqualTo(442);
            assertThat(diabetes.schema().columns()).hasSize(11)
                    .allMatch(c -> c.type() == ColumnType.FLOAT, "all FLOAT: the file writes 59.0, 2.0");
            ColumnProfile target = diabetes.profile().column("progression").orElseThrow();
            assertThat(target.numeric().mean()).isCloseTo(152.133484, within(1e-6));
            assertThat(target.numeric().stddev()).isCloseTo(77.093005, within(1e-6));
        }
    }
}
