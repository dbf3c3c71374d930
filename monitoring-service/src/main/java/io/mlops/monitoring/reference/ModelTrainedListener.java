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
 * lineage, fetched from the data-service, plus its training metrics. The fetch runs first, outside any
 * transaction (a slow data-service holds no connection or lock); the result is then stored in a short
 * transaction that also records the event id, so a redelivered event stores nothing twice. A redelivery that
 * finds the sample already stored does not fetch again. A failing fetch (timeout, error status, a sample over
 * the caps) is retried by the consumer's error handler and then dead-lettered, leaving nothing behind; an
 * imported model without a dataset keeps only its metrics.
 */
@Component
class ModelTrainedListener {

    private static final String CONSUMER = "monitoring-reference";

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
        if (!(envelope.payload() instanceof ModelTrained event)) {
            return;
        }
        DatasetVersionRef dataset = event.lineage() == null ? null : event.lineage().dataset();
        if (dataset == null) {
            idempotent.process(CONSUMER, envelope, e -> references.registerTrainingOnly(event.model(), event.task(), event.metrics()));
            return;
        }
        if (references.hasDataServiceSample(event.model(), dataset)) {
            return; // a redelivery after the sample was stored
        }
        DataServiceClient.Sample sample = dataService.fetch(dataset);
        idempotent.process(CONSUMER, envelope, e -> references.register(event.model(), "data-service", dataset, sample.csv(),
                sample.columns(), event.lineage().labelColumn(), event.task(), event.metrics()));
    }
}
