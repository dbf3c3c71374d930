package io.mlops.data.usage;

import io.mlops.data.dataset.DatasetCatalog;
import io.mlops.data.dataset.DatasetRecord;
import io.mlops.domain.id.Names;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelTrained;
import io.mlops.events.Topics;
import io.mlops.support.messaging.IdempotentConsumer;
import java.util.Optional;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Marks the dataset version a newly trained model names in its lineage, once per event. The mark is taken
 * under the dataset's row lock, the same lock a delete holds, so a delete and a mark never interleave.
 */
@Component
class ModelTrainedListener {

    static final String CONSUMER = "data-service.usage-marks";

    private final IdempotentConsumer idempotent;
    private final UsageMarks marks;
    private final DatasetCatalog catalog;

    ModelTrainedListener(IdempotentConsumer idempotent, UsageMarks marks, DatasetCatalog catalog) {
        this.idempotent = idempotent;
        this.marks = marks;
        this.catalog = catalog;
    }

    @KafkaListener(topics = Topics.MODELS_TRAINED)
    void on(EventEnvelope<DomainEvent> envelope) {
        if (!(envelope.payload() instanceof ModelTrained trained) || trained.lineage() == null
                || trained.lineage().dataset() == null) {
            return;
        }
        idempotent.process(CONSUMER, envelope, e -> {
            var dataset = trained.lineage().dataset();
            lockIfKnown(dataset.dataset()).ifPresent(d -> catalog.lock(d.id()));
            marks.mark(dataset, trained.model(), e.eventId());
        });
    }

    private Optional<DatasetRecord> lockIfKnown(String name) {
        if (!Names.isValid(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(catalog.require(name));
        } catch (RuntimeException unknown) {
            return Optional.empty(); // marked all the same: the guard then holds if the dataset appears later
        }
    }
}
