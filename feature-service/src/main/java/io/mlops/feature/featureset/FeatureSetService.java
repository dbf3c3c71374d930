package io.mlops.feature.featureset;

import io.mlops.domain.feature.FeatureDefinition;
import io.mlops.domain.feature.FeatureNotComputable;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.id.FeatureSetId;
import io.mlops.domain.id.Names;
import io.mlops.feature.source.DatasetSource;
import io.mlops.feature.source.DatasetVersionInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates feature sets and their versions: fit first (outside any transaction: it streams the
 * dataset), then store the definition, the version and its queued materialization in one transaction.
 * A follow-latest set created while a newer dataset version arrived is then refitted on it
 * ({@link NewerDatasetVersionFound}).
 */
@Service
public class FeatureSetService {

    private static final Logger log = LoggerFactory.getLogger(FeatureSetService.class);
    private static final Duration MAX_TTL = Duration.ofDays(36_500);

    private final FeatureSetRepository repository;
    private final DatasetSource source;
    private final DefinitionFitting fitting;
    private final MaterializationScheduler scheduler;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    FeatureSetService(FeatureSetRepository repository, DatasetSource source, DefinitionFitting fitting,
                      MaterializationScheduler scheduler, TransactionTemplate tx, JsonMapper json,
                      ApplicationEventPublisher events) {
        this.repository = repository;
        this.source = source;
        this.fitting = fitting;
        this.scheduler = scheduler;
        this.tx = tx;
        this.json = json;
        this.events = events;
    }

    /** A created version and the materialization job that fills its stores. */
    public record Created(FeatureSetVersion version, UUID materialization, boolean existed) {
    }

    Created create(FeatureSetRequest request) {
        String name = checkName(request.name());
        checkTtl(request.ttl());
        if (repository.find(name).isPresent()) {
            throw new FeatureSetAlreadyExists(name);
        }
        FeatureSet set = new FeatureSet(name, FeatureSetId.random(), request.dataset(), request.datasetVersion(),
                request.entityColumns(), blankToNull(request.eventTimeColumn()), request.ttl(), request.labelColumns(),
                definitions(request.features()), Instant.now(clock));
        DatasetVersionInfo data = resolve(set, set.datasetVersion());
        FittedFeatureSpec fitted = fitting.fit(set, data);
        Created created = tx.execute(status -> {
            // the check above ran before the fit: another create of this name may have stored it meanwhile
            if (!repository.insert(set)) {
                throw new FeatureSetAlreadyExists(name);
            }
            return store(set, data, fitted, 1);
        });
        if (set.followsLatest()) {
            catchUp(set, data.version());
        }
        return created;
    }

    /**
     * Once the set is committed, a DataIngested consumed from now on finds it; one consumed during the
     * fit did not, but its version was already the data-service's latest (it publishes after storing),
     * so asking for the latest now misses nothing. A failure here leaves the set on its version: it is
     * created and answered as such, and the next DataIngested moves it on.
     */
    private void catchUp(FeatureSet set, int fitted) {
        try {
            int latest = source.latest(set.dataset()).version();
            if (latest > fitted) {
                events.publishEvent(new NewerDatasetVersionFound(set.name(), latest));
            }
        } catch (RuntimeException e) {
            log.warn("Feature set {} created on {}@{}; could not check for a newer version: {}", set.name(), set.dataset(),
                    fitted, e.getMessage());
        }
    }

    /**
     * A new version of {@code name} fitted on {@code datasetVersion} (null: the latest, or the fixed
     * version of the definition). Asking again for the same dataset version returns the existing
     * version and re-materializes it, which is idempotent.
     */
    public Created newVersion(String name, Integer datasetVersion) {
        return newVersion(name, datasetVersion, version -> { });
    }

    /**
     * As {@link #newVersion(String, Integer)}; {@code inTransaction} gets the version number inside
     * the transaction that stores the version (or queues its re-materialization), so that a caller
     * can record its own progress atomically with it, or throw to roll it back.
     */
    public Created newVersion(String name, Integer datasetVersion, IntConsumer inTransaction) {
        FeatureSet set = repository.require(name);
        DatasetVersionInfo data = resolve(set, datasetVersion != null ? datasetVersion : set.datasetVersion());
        Optional<FeatureSetVersion> existing = repository.findByDatasetVersion(name, data.version());
        if (existing.isPresent()) {
            UUID job = tx.execute(status -> {
                inTransaction.accept(existing.get().version());
                return scheduler.schedule(existing.get().ref());
            });
            return new Created(existing.get(), job, true);
        }
        FittedFeatureSpec fitted = fitting.fit(set, data);
        return tx.execute(status -> {
            repository.lock(name);
            Optional<FeatureSetVersion> raced = repository.findByDatasetVersion(name, data.version());
            if (raced.isPresent()) {
                inTransaction.accept(raced.get().version());
                return new Created(raced.get(), scheduler.schedule(raced.get().ref()), true);
            }
            int number = repository.nextVersion(name);
            inTransaction.accept(number);
            return store(set, data, fitted, number);
        });
    }

    private Created store(FeatureSet set, DatasetVersionInfo data, FittedFeatureSpec fitted, int number) {
        FeatureSetVersion version = new FeatureSetVersion(set.name(), number, set.dataset(), data.version(), data.sha256(),
                data.schema(), fitted, offlineTable(set.id(), number), Instant.now(clock));
        repository.insert(version);
        return new Created(version, scheduler.schedule(version.ref()), false);
    }

    private DatasetVersionInfo resolve(FeatureSet set, Integer version) {
        return version == null ? source.latest(set.dataset()) : source.version(set.dataset(), version);
    }

    /** Postgres identifiers stop at 63 bytes and set names may hold '.' or '-': name tables by id. */
    static String offlineTable(FeatureSetId id, int version) {
        return "offline_" + id.value().toString().replace("-", "") + "_v" + version;
    }

    private List<FeatureDefinition> definitions(List<JsonNode> nodes) {
        List<FeatureDefinition> definitions = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            try {
                definitions.add(json.treeToValue(nodes.get(i), FeatureDefinition.class));
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof FeatureNotComputable invalid) {
                        throw new FeatureCannotBeComputed(invalid);
                    }
                }
                throw new FeatureDefinitionUnreadable(i, e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return definitions;
    }

    private static String checkName(String name) {
        if (!Names.isValid(name)) {
            throw new FeatureSetNameInvalid(name);
        }
        return name;
    }

    /**
     * The TTL is stored in whole seconds and becomes a Redis {@code PX} (which refuses 0 and negative
     * values) and the point-in-time window, so anything else would fail every materialization later.
     * The upper bound keeps it far inside what milliseconds in a long and a Postgres interval hold.
     */
    private static void checkTtl(Duration ttl) {
        if (ttl != null && (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.getNano() != 0 || ttl.compareTo(MAX_TTL) > 0)) {
            throw new TtlInvalid(ttl, MAX_TTL);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
