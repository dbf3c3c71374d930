package io.mlops.support.messaging;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the contract JSON; throws {@link io.mlops.events.MalformedEvent} for anything else. Wrapped in
 * spring-kafka's ErrorHandlingDeserializer, so such a record is dead-lettered instead of blocking the partition.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope<DomainEvent>> {

    @Override
    public EventEnvelope<DomainEvent> deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data);
    }
}
