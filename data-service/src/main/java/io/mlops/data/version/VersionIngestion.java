package io.mlops.data.version;

import io.mlops.data.dataset.DatasetCatalog;
import io.mlops.data.dataset.DatasetRecord;
import io.mlops.data.dataset.ValidationPolicy;
import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.data.ingest.FormatDetection;
import io.mlops.data.ingest.IngestResult;
import io.mlops.data.ingest.InvalidDataset;
import io.mlops.data.schema.InvalidDeclaredSchema;
import io.mlops.data.settings.DataProperties;
import io.mlops.data.storage.WorkFiles;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.DataIngested;
import io.mlops.support.blob.BlobStore;
import io.mlops.support.blob.StagedBlob;
import io.mlops.support.blob.TransactionalBlobs;
import io.mlops.support.outbox.OutboxWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingestion pipeline: detect the format, stream the bytes to a staged blob, answer the existing version
 * for bytes already stored, ingest (parse, infer, profile, validate, sample) outside any transaction, apply
 * the dataset's policy, then in ONE transaction allocate the number, insert the row, append DataIngested
 * and commit the data and sample blobs (see {@link TransactionalBlobs} for why blobs commit first). Any
 * failure before that transaction discards the staged blob and the work folder: nothing is left behind.
 */
@Service
public class VersionIngestion {

    /** Stages the upload's bytes; refuses past the limit with a 413. */
    @FunctionalInterface
    public interface Source {
        StagedBlob stage(BlobStore blobs, long maxBytes) throws IOException;

        static Source of(InputStream in) {
            return (blobs, max) -> blobs.stage(in, max);
        }

        static Source of(Path file) {
            return (blobs, max) -> blobs.stageCopy(file, max);
        }
    }

    /** What is known about an upload before reading it: for format detection and the version's record. */
    public record Upload(String contentType, String fileName, String formatOverride, Source source) {
    }

    private final DatasetCatalog catalog;
    private final VersionRepository versions;
    private final DatasetIngestor ingestor;
    private final BlobStore blobs;
    private final TransactionalBlobs blobCommits;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final WorkFiles work;
    private final long maxBytes;
    private final IngestionMetrics metrics;
    private final IngestionSlots slots;
    private final JsonbText jsonb;
    private final Clock clock = Clock.systemUTC();

    VersionIngestion(DatasetCatalog catalog, VersionRepository versions, DatasetIngestor ingestor, BlobStore blobs,
            TransactionalBlobs blobCommits, OutboxWriter outbox, TransactionTemplate tx, WorkFiles work, DataProperties props,
            IngestionMetrics metrics, IngestionSlots slots, JsonMapper json) {
        this.catalog = catalog;
        this.versions = versions;
        this.ingestor = ingestor;
        this.blobs = blobs;
        this.blobCommits = blobCommits;
        this.outbox = outbox;
        this.tx = tx;
        this.work = work;
        this.maxBytes = props.maxUploadSize().toBytes();
        this.metrics = metrics;
        this.slots = slots;
        this.jsonb = new JsonbText(json);
    }

    public IngestOutcome ingest(String datasetName, Upload upload, String actor) {
        DatasetRecord dataset = catalog.require(datasetName);
        DataFormat format = detect(upload);
        try (StagedBlob staged = upload.source().stage(blobs, maxBytes)) {
            Optional<VersionRecord> existing = versions.findBySha256(dataset.id(), staged.sha256());
            if (existing.isPresent()) {
                metrics.outcome(format, "existing");
                return new IngestOutcome(existing.get(), false);
            }
            Path folder = work.newFolder("ingest-");
            try {
                long started = System.nanoTime();
                IngestResult result = read(dataset, staged.file(), format, folder.resolve("sample.parquet"));
                metrics.ingested(format, System.nanoTime() - started, result.rowCount());
                if (result.validation() != null && !result.validation().passed()
                        && dataset.validationPolicy() == ValidationPolicy.REJECT) {
                    throw new ValidationFailed(dataset.name(), result.validation());
                }
                try (StagedBlob sample = blobs.stageCopy(result.sample(), Long.MAX_VALUE)) {
                    IngestOutcome outcome = store(dataset, upload, staged, sample, result, actor);
                    metrics.outcome(format, outcome.created() ? "created" : "existing");
                    return outcome;
                }
            } catch (DatasetRejected | ValidationFailed | DeclaredSchemaUnusable e) {
                metrics.outcome(format, "rejected");
                throw e;
            } finally {
                WorkFiles.deleteQuietly(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataFormat detect(Upload upload) {
        try {
            return FormatDetection.detect(upload.contentType(), upload.fileName(), upload.formatOverride());
        } catch (InvalidDataset e) {
            throw new DatasetRejected(e);
        }
    }

    private IngestResult read(DatasetRecord dataset, Path file, DataFormat format, Path sample) {
        try (AutoCloseable slot = slots.acquire()) {
            return ingestor.ingest(file, format, dataset.declaredSchema(), sample);
        } catch (InvalidDataset e) {
            throw new DatasetRejected(e);
        } catch (InvalidDeclaredSchema e) {
            throw new DeclaredSchemaUnusable(dataset.name(), e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("releasing an ingestion slot cannot fail", e);
        }
    }

    private IngestOutcome store(DatasetRecord dataset, Upload upload, StagedBlob data, StagedBlob sample, IngestResult result,
            String actor) {
        return tx.execute(status -> {
            catalog.lock(dataset.id());
            // the same bytes may have been stored by a concurrent upload since the first look
            Optional<VersionRecord> raced = versions.findBySha256(dataset.id(), data.sha256());
            if (raced.isPresent()) {
                return new IngestOutcome(raced.get(), false);
            }
            int number = catalog.allocateVersion(dataset.id());
            DatasetSchema schema = jsonb.storable(result.schema());
            VersionRecord version = new VersionRecord(dataset.id(), dataset.name(), number, result.format(), result.rowCount(),
                    data.size(), data.sha256(), schema, jsonb.storable(result.profile()), jsonb.storable(result.validation()),
                    sample.sha256(), upload.fileName(), actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
            versions.insert(version);
            outbox.append(new DataIngested(dataset.id(), new DatasetVersionRef(dataset.name(), number), result.format(),
                    schema, result.rowCount(), data.size(), data.sha256()));
            blobCommits.commit(versions::referencesBlob, data, sample);
            return new IngestOutcome(version, true);
        });
    }
}
