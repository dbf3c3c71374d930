package io.mlops.inference.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one alias spreads its traffic: weighted routes between versions, and optionally a shadow version
 * that receives a copy of every request whose answer is recorded, never returned.
 *
 * @param routes at least one; weights are relative (80/20 and 4/1 are the same split)
 * @param shadow may be null
 */
public record TrafficSplit(List<Route> routes, Shadow shadow) {

    /** @param weight relative share, at least 0; the weights of a split sum to more than 0 */
    public record Route(int version, int weight) {
    }

    /** The challenger that gets a copy of each request. */
    public record Shadow(int version) {
    }

    public TrafficSplit {
        if (routes == null || routes.isEmpty()) {
            throw new SplitInvalid("routes", "needs at least one route");
        }
        long total = 0;
        Set<Integer> versions = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (route == null || route.version() < 1) {
                throw new SplitInvalid("routes[" + i + "].version", "must be at least 1");
            }
            if (route.weight() < 0) {
                throw new SplitInvalid("routes[" + i + "].weight", "must not be negative");
            }
            if (!versions.add(route.version())) {
                throw new SplitInvalid("routes[" + i + "].version", "version " + route.version() + " is listed twice");
            }
            total += route.weight();
        }
        if (total <= 0 || total > Integer.MAX_VALUE) {
            throw new SplitInvalid("routes", "weights must sum to between 1 and " + Integer.MAX_VALUE);
        }
        if (shadow != null && shadow.version() < 1) {
            throw new SplitInvalid("shadow.version", "must be at least 1");
        }
        routes = List.copyOf(routes);
    }

    /** Whether a route or the shadow names the version. */
    boolean uses(int version) {
        if (shadow != null && shadow.version() == version) {
            return true;
        }
        for (Route route : routes) {
            if (route.version() == version) {
                return true;
            }
        }
        return false;
    }

    private int totalWeight() {
        int total = 0;
        for (Route route : routes) {
            total += route.weight();
        }
        return total;
    }

    /**
     * The version a request goes to. With a request key the bucket is a stable hash of the key, so the
     * same key keeps landing on the same version (as long as the split is unchanged); without, random.
     */
    public int versionFor(String requestKey) {
        int total = totalWeight();
        int bucket = requestKey == null ? ThreadLocalRandom.current().nextInt(total) : bucket(requestKey, total);
        for (Route route : routes) {
            bucket -= route.weight();
            if (bucket < 0) {
                return route.version();
            }
        }
        throw new IllegalStateException("bucket beyond the total weight");
    }

    /** SHA-256 rather than String.hashCode: evenly spread low bits and the same answer on every instance. */
    static int bucket(String requestKey, int total) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(requestKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(value, total);
    }
}
