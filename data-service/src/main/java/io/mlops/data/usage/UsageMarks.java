package io.mlops.data.usage;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelVersionRef;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code version_usage} table: one mark per (dataset version, model version). */
@Component
public class UsageMarks {

    private final JdbcClient jdbc;

    UsageMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void mark(DatasetVersionRef dataset, ModelVersionRef model, UUID eventId) {
        jdbc.sql("""
                INSERT INTO version_usage (dataset_name, dataset_version, model_name, model_version, event_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(dataset.dataset(), dataset.version(), model.model(), model.version(), eventId)
                .update();
    }

    /** The model versions ("name@version") trained on this dataset version, in name order. */
    public List<String> modelsTrainedOn(String dataset, int version) {
        return jdbc.sql("""
                SELECT model_name || '@' || model_version FROM version_usage
                WHERE dataset_name = ? AND dataset_version = ? ORDER BY model_name, model_version""")
                .params(dataset, version).query(String.class).list();
    }
}
