package io.mlops.feature.materialization;

import io.mlops.events.DataIngested;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.Topics;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetService;
import io.mlops.support.messaging.IdempotentConsumer;
import io.mlops.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A new dataset version gives every feature set that follows the latest version a new version,
 * fitted on it and materialized. A set whose definition does not fit the new data is logged and
 * skipped, so one bad set neither blocks the others nor sends the event to the dead-letter topic.
 */
@Component
class DataIngestedListener {

    private static final Logger log = LoggerFactory.getLogger(DataIngestedListener.class);

    private final IdempotentConsumer consumer;
    private final FeatureSetRepository featureSets;
    private final FeatureSetService service;

    DataIngestedListener(IdempotentConsumer consumer, FeatureSetRepository featureSets, FeatureSetService service) {
        this.consumer = consumer;
        this.featureSets = featureSets;
        this.service = service;
    }

    @KafkaListener(topics = Topics.DATA_INGESTED)
    void on(EventEnvelope<DomainEvent> envelope) {
        if (!(envelope.payload() instanceof DataIngested ingested)) {
            return;
        }
        consumer.process("feature-service.follow-latest", envelope, e -> {
            for (FeatureSet set : featureSets.followingLatest(ingested.version().dataset())) {
                try {
                    service.newVersion(set.name(), ingested.version().version());
                } catch (ApiProblem problem) {
                    log.warn("Feature set {} not refitted on {}: {}", set.name(), ingested.version(), problem.getMessage());
                }
            }
        });
    }
}
