package io.mlops.feature.online;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a lookup's body, {@code {"entities": [...], "version": n}}, with Jackson's streaming parser;
 * other properties are ignored. Entities come out as Jackson would bind them to {@code Object}:
 * strings, numbers (Integer, Long or BigInteger for integers, Double otherwise), booleans, null, or
 * maps for composite keys. The message converter chain this replaces cost about a quarter of a
 * 100-entity lookup's request-thread time in a JFR profile.
 */
final class OnlineRequests {

    private OnlineRequests() {
    }

    static OnlineLookup.OnlineRequest read(JsonMapper json, InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StreamReadException(parser, "expected a JSON object with \"entities\"");
            }
            List<Object> entities = null;
            Integer version = null;
            for (String property = parser.nextName(); property != null; property = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (property) {
                    case "entities" -> entities = value == JsonToken.VALUE_NULL ? null : entities(json, parser, value);
                    case "version" -> version = value == JsonToken.VALUE_NULL ? null : version(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new StreamReadException(parser, "expected a property name or the end of the object");
            }
            if (parser.nextToken() != null) {   // as the message converter did (FAIL_ON_TRAILING_TOKENS)
                throw new StreamReadException(parser, "unexpected content after the request object");
            }
            return new OnlineLookup.OnlineRequest(entities, version);
        }
    }

    private static List<Object> entities(JsonMapper json, JsonParser parser, JsonToken start) {
        if (start != JsonToken.START_ARRAY) {
            throw new StreamReadException(parser, "\"entities\" must be an array");
        }
        List<Object> entities = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            entities.add(switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                // not json.readValue(parser, ...): that binds a root value and refuses the rest of the array as trailing tokens
                default -> json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
            });
        }
        return entities;
    }

    private static Integer version(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new StreamReadException(parser, "\"version\" must be an integer");
        }
        return parser.getIntValue();
    }
}
