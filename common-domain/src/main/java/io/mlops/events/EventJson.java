package io.mlops.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of the envelope. Unknown fields are ignored (producers may be newer), but a schema
 * version above what this code knows is refused: such an event may mean something we would misread.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** The mapper configured for events, for services that embed events in their own JSON. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static byte[] writeBytes(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static EventEnvelope<DomainEvent> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static EventEnvelope<DomainEvent> read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEvent("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEvent("an event must be a JSON object");
        }
        String typeName = text(root, "type");
        EventType type = EventType.byWireName(typeName)
                .orElseThrow(() -> new MalformedEvent("unknown event type '" + typeName + "'"));
        int version = root.path("schemaVersion").asInt(0);
        if (version < 1 || version > type.schemaVersion()) {
            throw new MalformedEvent("unsupported schemaVersion " + version + " for " + typeName
                    + " (this consumer understands 1.." + type.schemaVersion() + ")");
        }
        try {
            DomainEvent payload = MAPPER.treeToValue(required(root, "payload"), type.payloadType());
            return new EventEnvelope<>(
                    UUID.fromString(text(root, "eventId")),
                    typeName,
                    version,
                    MAPPER.treeToValue(required(root, "occurredAt"), java.time.Instant.class),
                    text(root, "source"),
                    text(root, "key"),
                    payload);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEvent("invalid " + typeName + " event: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEvent("event field '" + field + "' is missing");
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        return required(root, field).asString();
    }
}
