package io.mlops.support.web;

import java.time.Duration;

/** The {@code Retry-After} header's value for an {@link ApiProblem#retryAfter()}, wherever a service writes one. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Whole seconds, rounded up and at least 1: 2.6 s is "3", since a client told 2 would come back before the
     * estimate, and 0 would invite an immediate retry.
     */
    public static String seconds(Duration wait) {
        long seconds = wait.getSeconds();
        if (wait.getNano() > 0 && seconds < Long.MAX_VALUE) {
            seconds++;
        }
        return Long.toString(Math.max(1, seconds));
    }
}
