package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.data.DataFormat;
import org.junit.jupiter.api.Test;

class FormatDetectionTest {

    @Test
    void overrideWinsOverContentTypeAndName() {
        assertThat(FormatDetection.detect("text/csv", "x.csv", "Parquet")).isEqualTo(DataFormat.PARQUET);
        assertThat(FormatDetection.detect(null, null, "ndjson")).isEqualTo(DataFormat.JSONL);
    }

    @Test
    void specificContentTypeWinsOverName() {
        assertThat(FormatDetection.detect("text/csv; charset=utf-8", "data.parquet", null)).isEqualTo(DataFormat.CSV);
        assertThat(FormatDetection.detect("application/x-ndjson", "data", null)).isEqualTo(DataFormat.JSONL);
        assertThat(FormatDetection.detect("application/vnd.apache.parquet", null, " ")).isEqualTo(DataFormat.PARQUET);
    }

    @Test
    void genericContentTypeFallsBackToExtension() {
        assertThat(FormatDetection.detect("application/octet-stream", "Flights.PARQUET", null)).isEqualTo(DataFormat.PARQUET);
        assertThat(FormatDetection.detect("text/plain", "events.jsonl", null)).isEqualTo(DataFormat.JSONL);
        assertThat(FormatDetection.detect(null, "iris.csv", null)).isEqualTo(DataFormat.CSV);
    }

    @Test
    void nothingRecognisableIsAnUnknownFormat() {
        assertThatThrownBy(() -> FormatDetection.detect("application/octet-stream", "data.xlsx", null))
                .isInstanceOf(UnknownDataFormat.class).isInstanceOf(InvalidDataset.class)
                .hasMessageContaining("data.xlsx");
        assertThatThrownBy(() -> FormatDetection.detect(null, null, null)).isInstanceOf(UnknownDataFormat.class);
        assertThatThrownBy(() -> FormatDetection.detect("text/csv", "a.csv", "xml")).isInstanceOf(UnknownDataFormat.class);
    }
}
