package io.mlops.data.ingest;

import static io.mlops.data.ingest.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlops.domain.data.DataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of malformed input ends in a named InvalidDataset that says where. */
class BadInputTest {

    @TempDir
    Path dir;

    private final DatasetIngestor ingestor = new DatasetIngestor(IngestSettings.defaults());

    private InvalidDataset failure(Path file, DataFormat format) {
        return catchThrowableOfType(InvalidDataset.class, () -> ingestor.load(file, format).close());
    }

    @Test
    void rowWithTooFewFieldsIsRaggedAtItsLine() {
        InvalidDataset e = failure(write(dir, "a.csv", "a,b,c\n1,2,3\n4,5\n7,8,9\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(RaggedCsvRow.class);
        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue("c");
    }

    @Test
    void rowWithTooManyFieldsIsRaggedAtItsLineCountingMultiLineFields() {
        InvalidDataset e = failure(write(dir, "a.csv", "a,b\n\"x\ny\",1\n2,3,4\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(RaggedCsvRow.class);
        assertThat(e.line()).hasValue(4);
        assertThat(e.column()).isEmpty();
    }

    @Test
    void unclosedQuoteIsBrokenQuotingWhereTheRecordBegins() {
        InvalidDataset e = failure(write(dir, "a.csv", "a,b\n1,2\n3,\"open\n5,6\n7,8\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(BrokenCsvQuoting.class);
        assertThat(e.line()).hasValue(3);
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() {
        InvalidDataset e = failure(write(dir, "a.csv", "a,b\n1,2\n\"3\"x,4\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(BrokenCsvQuoting.class);
        assertThat(e.line()).hasValue(3);
    }

    @Test
    void latin1BytesAreNotUtf8AndTheLineIsReported() {
        byte[] latin1 = "name,city\nann,Paris\nbob,M\u00fcnchen\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        InvalidDataset e = failure(write(dir, "a.csv", latin1), DataFormat.CSV);
        assertThat(e).isInstanceOf(TextNotUtf8.class);
        assertThat(e.line()).hasValue(3);
        assertThat(e.getMessage()).contains("byte offset 25");
    }

    @Test
    void invalidUtf8InJsonLinesToo() {
        byte[] bytes = "{\"a\":\"x\"}\n{\"a\":\"\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(failure(write(dir, "a.jsonl", bytes), DataFormat.JSONL)).isInstanceOf(TextNotUtf8.class)
                .extracting(d -> d.line().getAsLong()).isEqualTo(2L);
    }

    @Test
    void emptyFilesOfEveryFormat() {
        for (DataFormat format : DataFormat.values()) {
            assertThat(failure(write(dir, "empty." + format, new byte[0]), format)).isInstanceOf(EmptyFile.class);
        }
    }

    @Test
    void headerOnlyHasNoDataRows() {
        assertThat(failure(write(dir, "a.csv", "a,b\n"), DataFormat.CSV)).isInstanceOf(NoDataRows.class);
        assertThat(failure(write(dir, "b.csv", "a,b\n\n\n"), DataFormat.CSV)).isInstanceOf(NoDataRows.class);
    }

    @Test
    void duplicateColumnNamesAreNamed() {
        InvalidDataset e = failure(write(dir, "a.csv", "id,x,id\n1,2,3\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(DuplicateColumnName.class);
        assertThat(e.column()).hasValue("id");
        assertThat(e.line()).hasValue(1);
    }

    @Test
    void blankColumnNamesGiveTheirPosition() {
        InvalidDataset e = failure(write(dir, "a.csv", "id, ,z\n1,2,3\n"), DataFormat.CSV);
        assertThat(e).isInstanceOf(BlankColumnName.class);
        assertThat(e.column()).hasValue("#2");
    }

    @Test
    void truncatedParquetIsUnreadable() throws Exception {
        Path full = dir.resolve("full.parquet");
        try (LoadedDataset iris = ingestor.load(TestFiles.dataset("iris.csv"), DataFormat.CSV)) {
            iris.writeSample(full);
        }
        byte[] bytes = Files.readAllBytes(full);
        Path truncated = write(dir, "cut.parquet", Arrays.copyOf(bytes, bytes.length / 2));
        InvalidDataset e = failure(truncated, DataFormat.PARQUET);
        assertThat(e).isInstanceOf(UnreadableParquet.class);
        assertThat(e.getMessage()).contains("magic bytes");
    }

    @Test
    void csvBytesDeclaredAsParquetAreUnreadable() {
        assertThat(failure(write(dir, "a.parquet", "a,b\n1,2\n"), DataFormat.PARQUET)).isInstanceOf(UnreadableParquet.class);
    }

    @Test
    void brokenJsonLineIsMalformedWithALine() {
        InvalidDataset e = failure(write(dir, "a.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":x}\n{\"a\":4}\n"), DataFormat.JSONL);
        assertThat(e).isInstanceOf(MalformedJsonLine.class);
        assertThat(e.line()).hasValue(3);
    }

    @Test
    void aLineThatIsNotAnObjectIsMalformedAtItsLine() {
        InvalidDataset e = failure(write(dir, "a.jsonl", "{\"a\":1}\n[2]\n{\"a\":3}\n"), DataFormat.JSONL);
        assertThat(e).isInstanceOf(MalformedJsonLine.class);
        assertThat(e.line()).hasValue(2);
        InvalidDataset scalars = failure(write(dir, "b.jsonl", "42\n43\n"), DataFormat.JSONL);
        assertThat(scalars).isInstanceOf(MalformedJsonLine.class);
        assertThat(scalars.line()).hasValue(1);
    }

    @Test
    void aNulInAColumnNameIsNamedWithAReplacementCharacter() {
        InvalidDataset json = failure(write(dir, "a.jsonl", "{\"na\\u0000me\":1}\n"), DataFormat.JSONL);
        assertThat(json).isInstanceOf(NulInColumnName.class);
        assertThat(json.column()).hasValue("na\uFFFDme");
        InvalidDataset csv = failure(write(dir, "a.csv", "id,na\0me\n1,2\n"), DataFormat.CSV);
        assertThat(csv).isInstanceOf(NulInColumnName.class);
        assertThat(csv.line()).hasValue(1);
    }

    @Test
    void everyFactHasAStableCode() {
        assertThat(new RaggedCsvRow(2, 3, 2, "c").code()).isEqualTo("ragged-csv-row");
        assertThat(new EmptyFile().code()).isEqualTo("empty-file");
    }
}
