package io.mlops.data.version;

import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * A CSV download's conversion, run under an ingestion slot: it opens its own DuckDB engine with the full
 * memory limit, so unbounded parallel downloads would escape the limit uploads respect (503 + Retry-After).
 */
@Component
final class CsvConversion {

    private final DatasetIngestor ingestor;
    private final IngestionSlots slots;

    CsvConversion(DatasetIngestor ingestor, IngestionSlots slots) {
        this.ingestor = ingestor;
        this.slots = slots;
    }

    void convert(Path file, DataFormat format, Path target) {
        try (AutoCloseable slot = slots.acquire()) {
            ingestor.convertToCsv(file, format, target);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("releasing an ingestion slot cannot fail", e);
        }
    }
}
