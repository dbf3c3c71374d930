package io.mlops.data.version;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.data.DataFormat;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@code mlops_data_ingestions_total{format,outcome}} (created, existing, rejected),
 * {@code mlops_data_ingest_seconds{format}} (reading, profiling, validating, sampling a new file) and
 * {@code mlops_data_ingested_rows} (rows per new version).
 */
@Component
class IngestionMetrics {

    private final MeterRegistry meters;

    IngestionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void outcome(DataFormat format, String outcome) {
        Counter.builder("mlops.data.ingestions").description("Uploads and imports by outcome")
                .tag("format", format.name().toLowerCase()).tag("outcome", outcome).register(meters).increment();
    }

    void ingested(DataFormat format, long nanos, long rows) {
        Timer.builder("mlops.data.ingest").description("Time to read, profile, validate and sample one new file")
                .tag("format", format.name().toLowerCase()).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder("mlops.data.ingested.rows").description("Rows per new dataset version")
                .baseUnit("rows").register(meters).record(rows);
    }
}
