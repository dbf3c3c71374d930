package io.mlops.data.version;

import io.mlops.data.dataset.DatasetCatalog;
import io.mlops.data.dataset.DatasetRecord;
import io.mlops.data.usage.UsageMarks;
import io.mlops.support.blob.TransactionalBlobs;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin delete: refused (409) while any model version names the dataset version in its lineage;
 * otherwise the row goes, and so do its data and sample blobs unless another version (of any dataset)
 * has the same bytes. The version number is never handed out again.
 */
@Service
public class VersionDeletion {

    private final DatasetCatalog catalog;
    private final VersionRepository versions;
    private final UsageMarks usage;
    private final TransactionalBlobs blobs;
    private final TransactionTemplate tx;

    VersionDeletion(DatasetCatalog catalog, VersionRepository versions, UsageMarks usage, TransactionalBlobs blobs,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.versions = versions;
        this.usage = usage;
        this.blobs = blobs;
        this.tx = tx;
    }

    public VersionRecord delete(String dataset, int version) {
        DatasetRecord d = catalog.require(dataset);
        return tx.execute(status -> {
            catalog.lock(d.id());
            VersionRecord record = versions.find(d.id(), version)
                    .orElseThrow(() -> new DatasetVersionNotFound(dataset, Integer.toString(version)));
            List<String> models = usage.modelsTrainedOn(dataset, version);
            if (!models.isEmpty()) {
                throw new VersionInUse(dataset, version, models);
            }
            versions.delete(d.id(), version);
            for (String sha : List.of(record.sha256(), record.sampleSha256())) {
                blobs.deleteUnlessReferenced(sha, versions::referencesBlob);
            }
            return record;
        });
    }
}
