package io.mlops.monitoring.reference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.monitoring.MonitoringProperties;
import io.mlops.monitoring.drift.DriftReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers references and hands out prepared ones. Preparing (sorting the sample, PSI edges, counts)
 * happens once per model version and is kept in memory for at most {@code reference.prepared-cache-size} versions:
 * retraining adds a version a day, and each prepared one holds its whole sample. One evicted is prepared again from
 * the database on its next use, by the same path as the first time. Another replica may replace a reference, so an
 * entry older than {@link #RECHECK} is compared with the stored {@code updated_at} before use; a missing reference
 * is never cached.
 */
@Service
public class References {

    private final ReferenceRepository repository;
    private final Clock clock;
    static final Duration RECHECK = Duration.ofSeconds(30);

    private record Cached(PreparedReference reference, Instant updatedAt, Instant checkedAt) {
    }

    private final Cache<ModelVersionRef, Cached> prepared;

    References(ReferenceRepository repository, Optional<Clock> clock, MonitoringProperties props, MeterRegistry meters) {
        this.repository = repository;
        this.clock = clock.orElse(Clock.systemUTC());
        this.prepared = Caffeine.newBuilder().maximumSize(props.reference().preparedCacheSize()).recordStats().build();
        // cache_size, cache_gets_total{result=miss}, cache_evictions_total show whether the bound is too small
        CaffeineCacheMetrics.monitor(meters, prepared, "prepared-references");
    }

    /** Stores a sample for {@code model}; columns not declared in {@code schema} get inferred types. */
    @Transactional
    public ReferenceSummary register(ModelVersionRef model, String source, DatasetVersionRef dataset, String csv,
                                     List<ColumnSchema> schema, String labelColumn, Task task, Metrics metrics) {
        SampleTable table = SampleTable.parse(csv, schema);
        if (labelColumn != null && !table.values().containsKey(labelColumn)) {
            throw new LabelColumnNotFound(labelColumn);
        }
        repository.saveSample(new StoredReference(model, source, dataset, task, labelColumn, table.columns(), csv, table.rows(),
                metrics == null ? new Metrics(Map.of()) : metrics, clock.instant()), clock.instant());
        prepared.invalidate(model);
        return summary(model).orElseThrow();
    }

    /** Keeps training metrics and task for a model version whose sample is not (yet) known. */
    @Transactional
    public void registerTrainingOnly(ModelVersionRef model, Task task, Metrics metrics) {
        if (repository.find(model).isPresent()) {
            return;
        }
        repository.saveSample(new StoredReference(model, "model-service", null, task, null, List.of(), null, 0, metrics,
                clock.instant()), clock.instant());
        prepared.invalidate(model);
    }

    /** Whether the model version's stored sample came from the data-service for this dataset version. */
    boolean hasDataServiceSample(ModelVersionRef model, DatasetVersionRef dataset) {
        return repository.find(model).filter(r -> "data-service".equals(r.source()) && dataset.equals(r.dataset())
                && r.sampleCsv() != null).isPresent();
    }

    public Optional<PreparedReference> prepared(ModelVersionRef model) {
        Instant now = clock.instant();
        Cached cached = prepared.getIfPresent(model);
        if (cached != null && cached.checkedAt().plus(RECHECK).isAfter(now)) {
            return Optional.of(cached.reference());
        }
        if (cached != null && repository.updatedAt(model).filter(cached.updatedAt()::equals).isPresent()) {
            prepared.put(model, new Cached(cached.reference(), cached.updatedAt(), now));
            return Optional.of(cached.reference());
        }
        Optional<StoredReference> stored = repository.find(model);
        if (stored.isEmpty()) {
            prepared.invalidate(model);
            return Optional.empty();
        }
        // returned directly, not read back: a bounded cache may evict (or not admit) the entry just put
        PreparedReference fresh = prepare(stored.get());
        prepared.put(model, new Cached(fresh, stored.get().updatedAt(), now));
        return Optional.of(fresh);
    }

    public Optional<ReferenceSummary> summary(ModelVersionRef model) {
        return repository.find(model).map(r -> new ReferenceSummary(r.model().model(), r.model().version(), r.source(),
                r.dataset() == null ? null : r.dataset().toString(), r.task(), r.labelColumn(), r.columns(), r.sampleRows(),
                r.metrics().values(), r.updatedAt()));
    }

    public List<ModelVersionRef> models() {
        return repository.all();
    }

    private static PreparedReference prepare(StoredReference stored) {
        if (stored.sampleCsv() == null) {
            return new PreparedReference(stored.model(), stored.task(), null, List.of(), null, null, stored.metrics());
        }
        SampleTable table = SampleTable.parse(stored.sampleCsv(), stored.columns());
        DriftReference.Builder features = DriftReference.builder();
        DriftReference prediction = null;
        List<ColumnSchema> featureColumns = table.columns().stream().filter(c -> !c.name().equals(stored.labelColumn())).toList();
        for (ColumnSchema c : featureColumns) {
            if (c.type().isTemporal()) {
                features.temporal(c.name()); // each window brings new dates: comparing them would always drift
            } else if (c.type().isNumeric()) {
                features.numeric(c.name(), table.numbers(c.name()));
            } else {
                features.categorical(c.name(), table.strings(c.name()));
            }
        }
        if (stored.labelColumn() != null) {
            boolean numeric = stored.task() != null ? !stored.task().isClassification()
                    : table.columns().stream().anyMatch(c -> c.name().equals(stored.labelColumn()) && c.type().isNumeric());
            prediction = numeric
                    ? DriftReference.builder().numeric(PreparedReference.PREDICTION_COLUMN, table.numbers(stored.labelColumn())).build()
                    : DriftReference.builder().categorical(PreparedReference.PREDICTION_COLUMN, table.strings(stored.labelColumn())).build();
        }
        return new PreparedReference(stored.model(), stored.task(), stored.labelColumn(), featureColumns, features.build(),
                prediction, stored.metrics());
    }
}
