package io.mlops.feature.featureset;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.feature.FeatureFitter;
import io.mlops.domain.feature.FeatureNotComputable;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.feature.source.DatasetSource;
import io.mlops.feature.source.DatasetVersionInfo;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a definition against a dataset version's schema, then fits it with {@link FeatureFitter}
 * over as many streamed passes of the CSV content as the fitter asks for. The first pass also
 * checks entity keys and event times, so a bad row is refused here rather than half-way through
 * a materialization.
 */
@Component
class DefinitionFitting {

    private final DatasetSource source;

    DefinitionFitting(DatasetSource source) {
        this.source = source;
    }

    FittedFeatureSpec fit(FeatureSet set, DatasetVersionInfo data) {
        checkColumns(set, data);
        if (data.rowCount() == 0) {
            throw new EmptyDatasetVersion(data.dataset(), data.version());
        }
        try {
            FeatureFitter fitter = FeatureFitter.begin(set.features(), data.schema().columnNames());
            while (fitter.needsAnotherPass()) {
                RowChecks checks = fitter.passesDone() == 0 ? new RowChecks(set) : null;
                long rows = source.readRows(data, row -> {
                    if (checks != null) {
                        checks.accept(row);
                    }
                    fitter.accept(row);
                });
                if (rows == 0) {
                    throw new EmptyDatasetVersion(data.dataset(), data.version());
                }
                fitter.endPass();
            }
            return fitter.result();
        } catch (FeatureNotComputable e) {
            throw new FeatureCannotBeComputed(e);
        }
    }

    private static void checkColumns(FeatureSet set, DatasetVersionInfo data) {
        for (String column : set.entityColumns()) {
            column("entity", column, data);
        }
        for (String column : set.labelColumns()) {
            column("label", column, data);
        }
        if (set.hasEventTime()) {
            ColumnSchema time = column("event-time", set.eventTimeColumn(), data);
            if (!time.type().isTemporal()) {
                throw new ColumnTypeUnsuitable("event-time", time.name(), time.type(), ColumnType.DATE + " or " + ColumnType.TIMESTAMP);
            }
        }
    }

    private static ColumnSchema column(String role, String column, DatasetVersionInfo data) {
        return data.schema().column(column)
                .orElseThrow(() -> new ColumnNotInDataset(role, column, data.dataset(), data.version()));
    }

    /** Entity keys present (and unique without an event time), event times readable; rows counted from 1. */
    private static final class RowChecks {

        private final FeatureSet set;
        private final Set<String> seen;
        private long row;

        RowChecks(FeatureSet set) {
            this.set = set;
            this.seen = set.hasEventTime() ? null : new HashSet<>();
        }

        void accept(Map<String, Object> values) {
            row++;
            String entity = EntityKeys.of(values, set.entityColumns());
            if (entity == null) {
                throw new RowValueMissing("entity", String.join(",", set.entityColumns()), row, null);
            }
            if (seen != null && !seen.add(entity)) {
                throw new DuplicateEntityKey(entity, set.entityColumns(), row);
            }
            if (set.hasEventTime() && EventTimes.parse(values.get(set.eventTimeColumn())) == null) {
                throw new RowValueMissing("event-time", set.eventTimeColumn(), row, values.get(set.eventTimeColumn()));
            }
        }
    }
}
