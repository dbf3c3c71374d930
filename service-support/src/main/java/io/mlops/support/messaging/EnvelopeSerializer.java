package io.mlops.support.messaging;

import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** Writes an envelope as its contract JSON (used for dead letters and events sent outside the outbox). */
public class EnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : EventJson.writeBytes(envelope);
    }
}
