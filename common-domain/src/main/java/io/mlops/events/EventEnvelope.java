package io.mlops.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on Kafka: the event plus what every consumer needs to route, order and dedupe it.
 * {@code key} is the aggregate id and also the record key; consumers dedupe on {@code eventId}.
 */
public record EventEnvelope<E extends DomainEvent>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String source,
        String key,
        E payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }

    /** Wraps a new event from {@code source} with a fresh id and the current schema version of its type. */
    public static <E extends DomainEvent> EventEnvelope<E> wrap(String source, E event, Clock clock) {
        EventType type = EventType.of(event);
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), clock.instant(), source, event.aggregateKey(), event);
    }

    public String topic() {
        return EventType.of(payload).topic();
    }
}
