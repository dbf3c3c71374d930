package io.mlops.inference.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs for prediction ids and PredictionMade event ids, in the UUIDv7 layout (RFC 9562): 48 bits of Unix
 * milliseconds, then 74 random bits from {@link ThreadLocalRandom}. These ids must be unique, not
 * unguessable, so they do without {@link UUID#randomUUID()}'s SecureRandom, which profiling showed as a
 * visible share of the request path (and which serialises callers on its lock). Ten lines, so no library.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
