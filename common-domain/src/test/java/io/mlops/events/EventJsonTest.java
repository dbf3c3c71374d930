package io.mlops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    static Stream<DomainEvent> events() {
        return SampleEvents.all().stream();
    }

    @Test
    void everyRegisteredTypeHasASample() {
        assertThat(SampleEvents.all()).extracting(e -> EventType.of(e))
                .containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsThroughJson(DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap("test-service", event, CLOCK);

        EventEnvelope<DomainEvent> read = EventJson.read(EventJson.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(read.schemaVersion()).isEqualTo(EventType.of(event).schemaVersion());
        assertThat(read.key()).isEqualTo(event.aggregateKey());
        assertThat(read.topic()).startsWith("mlops.");
    }

    @ParameterizedTest
    @MethodSource("events")
    void toleratesUnknownFieldsInEnvelopeAndPayload(DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap("test-service", event, CLOCK);
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(envelope));
        json.put("traceId", "abc");
        ((ObjectNode) json.get("payload")).put("addedInALaterRelease", 42);

        assertThat(EventJson.read(json.toString())).isEqualTo(envelope);
    }

    @Test
    void carriesTheEnvelopeFieldsUnderTheirContractNames() {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap("data-service", SampleEvents.all().getFirst(), CLOCK);
        var json = EventJson.mapper().readTree(EventJson.write(envelope));

        assertThat(json.get("eventId").asString()).isEqualTo(envelope.eventId().toString());
        assertThat(json.get("type").asString()).isEqualTo("DataIngested");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(json.get("source").asString()).isEqualTo("data-service");
        assertThat(json.get("key").asString()).isEqualTo("iris");
        assertThat(json.get("payload").get("version").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void refusesASchemaVersionNewerThanItUnderstands() {
        ObjectNode json = sampleJson();
        json.put("schemaVersion", 99);

        assertThatThrownBy(() -> EventJson.read(json.toString()))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("unsupported schemaVersion 99");
    }

    @Test
    void refusesUnknownTypesMissingFieldsAndNonJson() {
        ObjectNode unknownType = sampleJson().put("type", "SomethingElse");
        ObjectNode noPayload = sampleJson();
        noPayload.remove("payload");

        assertThatThrownBy(() -> EventJson.read(unknownType.toString())).isInstanceOf(MalformedEvent.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventJson.read(noPayload.toString())).isInstanceOf(MalformedEvent.class).hasMessageContaining("'payload' is missing");
        assertThatThrownBy(() -> EventJson.read("{not json")).isInstanceOf(MalformedEvent.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventJson.read(new byte[] {(byte) 0xff, 0x00})).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void topicsAreDistinctAndEachHasADeadLetterTopic() {
        // one topic per type, except that PredictionMade and its batch form share theirs
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct()).hasSize(EventType.values().length - 1);
        assertThat(EventType.PREDICTION_MADE_BATCH.topic()).isEqualTo(EventType.PREDICTION_MADE.topic());
        assertThat(Topics.deadLetter(Topics.DATA_INGESTED)).isEqualTo("mlops.data.ingested.DLT");
    }

    private static ObjectNode sampleJson() {
        var envelope = EventEnvelope.wrap("test-service", SampleEvents.all().getFirst(), CLOCK);
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(envelope));
    }
}
