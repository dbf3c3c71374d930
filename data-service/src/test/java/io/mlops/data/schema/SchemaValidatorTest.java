package io.mlops.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.data.ingest.IngestSettings;
import io.mlops.data.ingest.LoadedDataset;
import io.mlops.data.ingest.TestFiles;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared rules against small files whose offending lines are known by construction. */
class SchemaValidatorTest {

    @TempDir
    Path dir;

    private final DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());

    // line 1 header; line 3 holds a quoted value spanning lines 3-4; line 6 is blank (skipped)
    private static final String PEOPLE = """
            id,name,age,email
            1,Ann,34,ann@example.org
            2,"Bob
            Jr",-1,bob@example
            3,Cid,,cid@example.org

            3,Dee,130,dee@example.org
            """;

    private ValidationReport validate(String csv, DeclaredSchema declared) {
        try (LoadedDataset data = ingestor.load(TestFiles.write(dir, "p.csv", csv), DataFormat.CSV)) {
            return data.validate(declared);
        }
    }

    private static RuleOutcome outcome(ValidationReport report, RuleKind kind) {
        return report.outcomes().stream().filter(o -> o.rule() == kind).findFirst().orElseThrow();
    }

    @Test
    void eachRuleCountsItsViolationsAtTheirPhysicalLines() {
        DeclaredSchema declared = new DeclaredSchema(List.of(
                new ColumnRule("age", true, true, 0.0, 120.0, null, null),
                new ColumnRule("email", false, false, null, null, null, "[^@]+@[^@]+\\.[a-z]+"),
                new ColumnRule("name", false, false, null, null, List.of("Ann", "Cid", "Dee"), null),
                ColumnRule.required("country")), List.of("id"));
        ValidationReport report = validate(PEOPLE, declared);

        assertThat(report.locatedBy()).isEqualTo(RowLocation.CSV_LINE);
        assertThat(outcome(report, RuleKind.NOT_NULL).firstOffences()).containsExactly(new Offence(5, null));
        assertThat(outcome(report, RuleKind.MIN).firstOffences()).containsExactly(new Offence(3, "-1"));
        assertThat(outcome(report, RuleKind.MAX).firstOffences()).containsExactly(new Offence(7, "130"));
        assertThat(outcome(report, RuleKind.PATTERN).firstOffences()).containsExactly(new Offence(3, "bob@example"));
        assertThat(outcome(report, RuleKind.ALLOWED_VALUES).firstOffences()).containsExactly(new Offence(3, "Bob\nJr"));
        assertThat(outcome(report, RuleKind.UNIQUE_KEY).firstOffences()).containsExactly(new Offence(7, "3"));
        RuleOutcome country = report.outcomes().stream()
                .filter(o -> o.rule() == RuleKind.REQUIRED && o.column().equals("country")).findFirst().orElseThrow();
        assertThat(country.violations()).isEqualTo(1);
        assertThat(report.outcomes().stream()
                .filter(o -> o.rule() == RuleKind.REQUIRED && o.column().equals("age")).findFirst().orElseThrow().passed())
                .isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(report.totalViolations()).isEqualTo(7);
    }

    @Test
    void aCleanFilePasses() {
        ValidationReport report = validate(PEOPLE, new DeclaredSchema(List.of(
                new ColumnRule("id", true, true, 1.0, 3.0, List.of("1", "2", "3"), "[0-9]+")), null));
        assertThat(report.passed()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(report.outcomes()).extracting(RuleOutcome::rule).containsExactly(
                RuleKind.REQUIRED, RuleKind.NOT_NULL, RuleKind.MIN, RuleKind.MAX, RuleKind.ALLOWED_VALUES, RuleKind.PATTERN);
    }

    @Test
    void countsAllViolationsButKeepsTheFirstTwenty() {
        String csv = "n\n" + IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining("\n"));
        RuleOutcome max = outcome(validate(csv, new DeclaredSchema(
                List.of(new ColumnRule("n", false, false, null, 50.0, null, null)), null)), RuleKind.MAX);
        assertThat(max.violations()).isEqualTo(50);
        assertThat(max.firstOffences()).hasSize(LoadedDataset.MAX_OFFENCES);
        // n = 51 is data row 51, on line 52 after the header
        assertThat(max.firstOffences().getFirst()).isEqualTo(new Offence(52, "51"));
    }

    @Test
    void compositeUniqueKeyCountsEachRepeat() {
        String csv = "a,b\n1,x\n1,y\n1,x\n2,x\n1,x\n";
        RuleOutcome key = outcome(validate(csv, new DeclaredSchema(List.of(), List.of("a", "b"))), RuleKind.UNIQUE_KEY);
        assertThat(key.violations()).isEqualTo(2);
        assertThat(key.firstOffences()).containsExactly(new Offence(4, "1, x"), new Offence(6, "1, x"));
    }

    @Test
    void jsonLinesRowsAreLocatedByRowNumber() {
        Path file = TestFiles.write(dir, "p.jsonl", "{\"v\":1}\n{\"v\":-2}\n{\"v\":3}\n");
        try (LoadedDataset data = ingestor.load(file, DataFormat.JSONL)) {
            ValidationReport report = data.validate(new DeclaredSchema(
                    List.of(new ColumnRule("v", false, false, 0.0, null, null, null)), null));
            assertThat(report.locatedBy()).isEqualTo(RowLocation.ROW_NUMBER);
            assertThat(outcome(report, RuleKind.MIN).firstOffences()).containsExactly(new Offence(2, "-2"));
        }
    }

    @Test
    void anInvalidPatternIsAnInvalidDeclaredSchema() {
        assertThatThrownBy(() -> validate(PEOPLE, new DeclaredSchema(
                List.of(new ColumnRule("name", false, false, null, null, null, "(unclosed")), null)))
                .isInstanceOf(InvalidDeclaredSchema.class);
    }
}
