package io.mlops.events;

/**
 * A record that cannot be read as an event: not JSON, missing envelope fields, an unknown type, or a
 * schema version newer than this code understands. Consumers dead-letter such records, never retry them.
 */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
