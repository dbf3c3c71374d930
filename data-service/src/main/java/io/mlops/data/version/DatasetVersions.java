package io.mlops.data.version;

import io.mlops.data.dataset.DatasetCatalog;
import io.mlops.data.dataset.DatasetRecord;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads versions by dataset name and number (or "latest"). */
@Service
public class DatasetVersions {

    private final DatasetCatalog catalog;
    private final VersionRepository versions;

    DatasetVersions(DatasetCatalog catalog, VersionRepository versions) {
        this.catalog = catalog;
        this.versions = versions;
    }

    public List<VersionRecord> list(String dataset) {
        return versions.findAll(catalog.require(dataset).id());
    }

    /** {@code version} is a number from 1 or {@code latest}. */
    public VersionRecord require(String dataset, String version) {
        DatasetRecord d = catalog.require(dataset);
        if ("latest".equals(version)) {
            return versions.findLatest(d.id()).orElseThrow(() -> new DatasetVersionNotFound(dataset, version));
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new DatasetVersionNotFound(dataset, version);
        }
        return versions.find(d.id(), number).orElseThrow(() -> new DatasetVersionNotFound(dataset, version));
    }
}
