package io.mlops.feature.materialization;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a version's offline table: {@code _row} (file order, the tie-break between rows of
 * one entity and time), {@code _entity} (the {@link io.mlops.feature.featureset.EntityKeys} text),
 * {@code e0..} entity columns as text, {@code event_time}, {@code f0..} features as double precision,
 * {@code l0..} labels typed by the dataset schema. Positional names, because output names such as
 * {@code weather=rain} are long or odd and Postgres cuts identifiers at 63 bytes; the version's
 * metadata maps positions back to names.
 */
public record OfflineTable(String name, int entities, int features, List<String> labelTypes) {

    public static OfflineTable of(FeatureSet set, FeatureSetVersion version) {
        List<String> labelTypes = new ArrayList<>();
        for (String label : set.labelColumns()) {
            ColumnType type = version.datasetSchema().column(label).map(ColumnSchema::type).orElse(ColumnType.STRING);
            labelTypes.add(type.isNumeric() ? "double precision" : type == ColumnType.BOOLEAN ? "boolean" : "text");
        }
        return new OfflineTable(version.offlineTable(), set.entityColumns().size(), version.outputColumns().size(), labelTypes);
    }

    String createSql() {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name)
                .append(" (_row bigint NOT NULL, _entity text NOT NULL");
        for (int i = 0; i < entities; i++) {
            sql.append(", e").append(i).append(" text");
        }
        sql.append(", event_time timestamptz");
        for (int i = 0; i < features; i++) {
            sql.append(", f").append(i).append(" double precision NOT NULL");
        }
        for (int i = 0; i < labelTypes.size(); i++) {
            sql.append(", l").append(i).append(' ').append(labelTypes.get(i));
        }
        return sql.append(')').toString();
    }

    /** Serves both the point-in-time join and the DISTINCT ON that picks each entity's latest row. */
    String indexSql() {
        return "CREATE INDEX IF NOT EXISTS " + name + "_pit ON " + name + " (_entity, event_time DESC NULLS LAST, _row DESC)";
    }

    String copySql() {
        return "COPY " + name + " (" + String.join(", ", allColumns()) + ") FROM STDIN WITH (FORMAT text)";
    }

    public List<String> entityColumns() {
        return numbered("e", entities);
    }

    public List<String> featureColumns() {
        return numbered("f", features);
    }

    public List<String> labelColumns() {
        return numbered("l", labelTypes.size());
    }

    private List<String> allColumns() {
        List<String> all = new ArrayList<>(List.of("_row", "_entity"));
        all.addAll(entityColumns());
        all.add("event_time");
        all.addAll(featureColumns());
        all.addAll(labelColumns());
        return all;
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
