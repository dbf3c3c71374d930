package io.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.data.ingest.IngestSettings;
import io.mlops.data.ingest.LoadedDataset;
import io.mlops.data.ingest.TestFiles;
import io.mlops.data.schema.CategoricalRule;
import io.mlops.domain.data.ColumnProfile;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.ValueCount;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles of files built so that every expected figure can be worked out by hand. */
class ProfilerTest {

    @TempDir
    Path dir;

    private LoadedDataset load(String csv, IngestSettings settings) {
        return new DatasetIngestor(settings).load(TestFiles.write(dir, "t.csv", csv), DataFormat.CSV);
    }

    private static String column(String name, List<String> values) {
        return name + "\n" + String.join("\n", values) + "\n";
    }

    @Test
    void quantilesInterpolateLinearlyBetweenClosestRanks() {
        String csv = column("x", IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList());
        try (LoadedDataset data = load(csv, IngestSettings.defaults())) {
            ColumnProfile x = data.profile().column("x").orElseThrow();
            assertThat(x.type()).isEqualTo(ColumnType.INTEGER);
            // type 7 (numpy.percentile default): h = (n - 1) p + 1 on 1..10 gives 1 + 9p
            var q = x.numeric().quantiles();
            assertThat(q.p01()).isCloseTo(1.09, within(1e-12));
            assertThat(q.p25()).isCloseTo(3.25, within(1e-12));
            assertThat(q.p50()).isCloseTo(5.5, within(1e-12));
            assertThat(q.p99()).isCloseTo(9.91, within(1e-12));
            assertThat(x.numeric().mean()).isEqualTo(5.5);
            assertThat(x.numeric().stddev()).isCloseTo(Math.sqrt(82.5 / 9), within(1e-12)); // sum (i - 5.5)^2 = 82.5
            assertThat(x.min()).isEqualTo("1");
            assertThat(x.max()).isEqualTo("10");
        }
    }

    @Test
    void histogramHasEqualWidthBinsAndTheLastIsClosed() {
        String csv = column("x", IntStream.rangeClosed(0, 20).mapToObj(Integer::toString).toList());
        try (LoadedDataset data = load(csv, IngestSettings.defaults())) {
            var histogram = data.profile().column("x").orElseThrow().numeric().histogram();
            assertThat(histogram.edges()).containsExactlyElementsOf(
                    IntStream.rangeClosed(0, 20).mapToObj(i -> (double) i).toList());
            List<Long> expected = new java.util.ArrayList<>(Collections.nCopies(19, 1L));
            expected.add(2L); // 19 and the maximum 20
            assertThat(histogram.counts()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aConstantColumnFallsInTheMiddleBinOfAUnitRange() {
        try (LoadedDataset data = load(column("x", Collections.nCopies(4, "7.5")), IngestSettings.defaults())) {
            var numeric = data.profile().column("x").orElseThrow().numeric();
            assertThat(numeric.histogram().edges().getFirst()).isEqualTo(7.0);
            assertThat(numeric.histogram().edges().getLast()).isEqualTo(8.0);
            assertThat(numeric.histogram().counts().get(10)).isEqualTo(4);
            assertThat(numeric.stddev()).isEqualTo(0.0);
        }
    }

    @Test
    void nullsAndNotANumberAreLeftOutOfTheMoments() {
        try (LoadedDataset data = load(column("x", List.of("1.0", "", "3.0", "NaN")), IngestSettings.defaults())) {
            ColumnProfile x = data.profile().column("x").orElseThrow();
            assertThat(x.type()).isEqualTo(ColumnType.FLOAT);
            assertThat(x.count()).isEqualTo(3);
            assertThat(x.nulls()).isEqualTo(1);
            assertThat(x.numeric().mean()).isEqualTo(2.0);
            assertThat(x.numeric().max()).isEqualTo(3.0);
            assertThat(data.schema().column("x").orElseThrow().nullable()).isTrue();
        }
    }

    @Test
    void typesAreInferredFromEveryValue() {
        String csv = """
                i,f,b,d,t,s
                1,1,true,2024-02-29,2024-02-29 10:00:00,a1
                -2,1.5,FALSE,2024-03-01,2024-03-01T11:30:00,b2
                """;
        try (LoadedDataset data = load(csv, IngestSettings.defaults())) {
            assertThat(data.schema().columns()).extracting(c -> c.type()).containsExactly(
                    ColumnType.INTEGER, ColumnType.FLOAT, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP,
                    ColumnType.STRING);
            assertThat(data.profile().column("b").orElseThrow().topValues())
                    .containsExactly(new ValueCount("false", 1), new ValueCount("true", 1));
            assertThat(data.profile().column("t").orElseThrow().max()).isEqualTo("2024-03-01 11:30:00");
        }
    }

    @Test
    void oddColumnNamesAreQuotedSafely() {
        try (LoadedDataset data = load("\"we\"\"ird name\",x'y\n1,a\n2,b\n", IngestSettings.defaults())) {
            assertThat(data.schema().columnNames()).containsExactly("we\"ird name", "x'y");
            assertThat(data.profile().column("we\"ird name").orElseThrow().numeric().mean()).isEqualTo(1.5);
        }
    }

    @Test
    void nestedJsonValuesAreProfiledAsText() {
        Path file = TestFiles.write(dir, "n.jsonl", "{\"id\":1,\"tags\":[\"a\",\"b\"],\"geo\":{\"lat\":1.5}}\n"
                + "{\"id\":2,\"tags\":[],\"geo\":{\"lat\":2.5}}\n");
        try (LoadedDataset data = new DatasetIngestor(IngestSettings.defaults()).load(file, DataFormat.JSONL)) {
            assertThat(data.schema().columns()).extracting(c -> c.type())
                    .containsExactly(ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING);
            assertThat(data.profile().column("geo").orElseThrow().topValues()).hasSize(2);
        }
    }

    @Test
    void anEmptyColumnIsNullableText() {
        try (LoadedDataset data = load("a,b\n1,\n2,\n", IngestSettings.defaults())) {
            assertThat(data.schema().column("b").orElseThrow())
                    .isEqualTo(new io.mlops.domain.data.ColumnSchema("b", ColumnType.STRING, true));
            assertThat(data.profile().column("b").orElseThrow().nulls()).isEqualTo(2);
            assertThat(data.profile().column("b").orElseThrow().topValues()).isEmpty();
        }
    }

    @Test
    void aLateDecimalMakesAnIntegerColumnFloat() {
        List<String> values = new java.util.ArrayList<>(Collections.nCopies(20_000, "3"));
        values.add("1e3");
        try (LoadedDataset data = load(column("x", values), IngestSettings.defaults())) {
            assertThat(data.schema().column("x").orElseThrow().type()).isEqualTo(ColumnType.FLOAT);
            assertThat(data.profile().column("x").orElseThrow().numeric().max()).isEqualTo(1000.0);
        }
    }

    @Test
    void aLateOddValueMakesTheColumnText() {
        List<String> values = new java.util.ArrayList<>(Collections.nCopies(30_000, "1"));
        values.add("n/a");
        try (LoadedDataset data = load(column("x", values), IngestSettings.defaults())) {
            assertThat(data.schema().column("x").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(data.profile().column("x").orElseThrow().topValues())
                    .containsExactly(new ValueCount("1", 30_000), new ValueCount("n/a", 1));
        }
    }

    @Test
    void categoricalNeedsFewDistinctValuesRelativeToTheRows() {
        String csv = "few,many\n" + IntStream.range(0, 10).mapToObj(i -> (i % 2 == 0 ? "a" : "b") + ",name" + i)
                .collect(Collectors.joining("\n"));
        try (LoadedDataset data = load(csv, IngestSettings.defaults())) {
            assertThat(data.schema().column("few").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(data.schema().column("many").orElseThrow().type()).isEqualTo(ColumnType.STRING);
            assertThat(data.profile().column("many").orElseThrow().topValues()).hasSize(10);
        }
        IngestSettings loose = new IngestSettings("512MB", 1, null, 100, 1, 100_000, 3, 20, new CategoricalRule(10, 1.0));
        try (LoadedDataset data = load(csv, loose)) {
            assertThat(data.schema().column("many").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(data.profile().column("many").orElseThrow().topValues()).hasSize(3);
        }
    }

    @Test
    void aboveTheExactLimitDistinctIsAnEstimate() {
        String csv = column("x", IntStream.range(0, 200_000).mapToObj(Integer::toString).toList());
        try (LoadedDataset data = load(csv, IngestSettings.defaults())) {
            ColumnProfile x = data.profile().column("x").orElseThrow();
            assertThat(x.distinctIsEstimate()).isTrue();
            // DuckDB's HyperLogLog gave 187,859 here (6 % low); 10 % is the tolerance we document
            assertThat(x.distinct()).isBetween(180_000L, 220_000L);
            assertThat(data.profile().sampleRows()).isEqualTo(10_000);
        }
        try (LoadedDataset data = load(column("x", List.of("1", "2", "2")), IngestSettings.defaults())) {
            assertThat(data.profile().column("x").orElseThrow().distinctIsEstimate()).isFalse();
            assertThat(data.profile().column("x").orElseThrow().distinct()).isEqualTo(2);
        }
    }
}
