package io.mlops.monitoring.reference;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelTrained;
import io.mlops.events.Topics;
import io.mlops.support.messaging.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Each trained model version gets its reference once: the sample and schema of the dataset version in its
 * lineage, fetched from the data-service, plus its training metrics. A failing fetch is retried by the
 * consumer's error handler and then dead-lettered; an imported model without a dataset keeps only its metrics.
 */
@Component
class ModelTrainedListener {

    private final IdempotentConsumer idempotent;
    private final References references;
    private final DataServiceClient dataService;

    ModelTrainedListener(IdempotentConsumer idempotent, References references, DataServiceClient dataService) {
        this.idempotent = idempotent;
        this.references = references;
        this.dataService = dataService;
    }

    @KafkaListener(topics = Topics.MODELS_TRAINED)
    void on(EventEnvelope<DomainEvent> envelope) {
        if (!(envelope.payload() instanceof ModelTrained)) {
            return;
        }
        idempotent.process("monitoring-reference", envelope, e -> apply((ModelTrained) e.payload()));
    }

    private void apply(ModelTrained event) {
        DatasetVersionRef dataset = event.lineage() == null ? null : event.lineage().dataset();
        if (dataset == null) {
            references.registerTrainingOnly(event.model(), event.task(), event.metrics());
            return;
        }
        DataServiceClient.VersionInfo info = dataService.version(dataset);
        String csv = dataService.sampleCsv(dataset);
        references.register(event.model(), "data-service", dataset, csv, info.columns(), info.target(), event.task(), event.metrics());
    }
}
