package io.mlops.feature.materialization;

import io.mlops.events.DataIngested;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.Topics;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.support.messaging.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A new dataset version gives every feature set that follows the latest version a new version,
 * fitted on it and materialized. The consumer's transaction only records a refit per set
 * ({@link Refitter}); fitting streams the dataset, so it runs after that commit rather than holding
 * the transaction's connection for the whole read. A set whose definition does not fit the new
 * data is logged and skipped, so one bad set neither blocks the others nor sends the event to the
 * dead-letter topic. A set whose create is still fitting is not found here; its create looks for a
 * newer version once it commits ({@link io.mlops.feature.featureset.NewerDatasetVersionFound}).
 */
@Component
class DataIngestedListener {

    private final IdempotentConsumer consumer;
    private final FeatureSetRepository featureSets;
    private final Refitter refitter;

    DataIngestedListener(IdempotentConsumer consumer, FeatureSetRepository featureSets, Refitter refitter) {
        this.consumer = consumer;
        this.featureSets = featureSets;
        this.refitter = refitter;
    }

    @KafkaListener(topics = Topics.DATA_INGESTED)
    void on(EventEnvelope<DomainEvent> envelope) {
        if (!(envelope.payload() instanceof DataIngested ingested)) {
            return;
        }
        consumer.process("feature-service.follow-latest", envelope, e -> {
            for (FeatureSet set : featureSets.followingLatest(ingested.version().dataset())) {
                refitter.request(e.eventId(), set.name(), ingested.version().version());
            }
        });
    }
}
