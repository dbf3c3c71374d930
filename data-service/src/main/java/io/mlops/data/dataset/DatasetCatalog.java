package io.mlops.data.dataset;

import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.Names;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds datasets; hands out version numbers under the dataset's row lock. */
@Service
public class DatasetCatalog {

    private final DatasetRepository datasets;
    private final Clock clock;

    DatasetCatalog(DatasetRepository datasets) {
        this.datasets = datasets;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public DatasetRecord create(NewDataset request, String actor) {
        requireValidName(request.name());
        DatasetRecord record = new DatasetRecord(DatasetId.random(), request.name(), request.description(), request.tags(),
                request.declaredSchema(), request.validationPolicy() == null ? ValidationPolicy.REJECT : request.validationPolicy(),
                actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!datasets.insert(record)) {
            throw new DatasetAlreadyExists(request.name());
        }
        return record;
    }

    public List<DatasetRecord> list() {
        return datasets.findAll();
    }

    /** The dataset of this name; 400 for a name no dataset could have, 404 for an unknown one. */
    public DatasetRecord require(String name) {
        requireValidName(name);
        return datasets.findByName(name).orElseThrow(() -> new DatasetNotFound(name));
    }

    /** Row-locks the dataset for the rest of the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(DatasetId id) {
        datasets.lock(id);
    }

    /** The next version number, never handed out before (numbers of deleted versions are not reused). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int allocateVersion(DatasetId id) {
        return datasets.nextVersion(id);
    }

    private static void requireValidName(String name) {
        try {
            Names.require("dataset", name);
        } catch (IllegalArgumentException e) {
            throw new DatasetNameInvalid(name, e.getMessage());
        }
    }
}
