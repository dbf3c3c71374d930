package io.mlops.support.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Base of the errors a service answers with on purpose. Subclasses are named as facts
 * ({@code DatasetNotFound}, {@code InferenceQueueFull}) and say where the problem is through
 * {@link #with properties} such as {@code field}, {@code line} or {@code column}, which the
 * ProblemDetail carries as extension members.
 */
public abstract class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ApiProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    protected ApiProblem(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    /** Adds an extension member (where, which, how many); null values are left out. */
    protected final ApiProblem with(String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** For 429 and 503: when the client may try again. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** A short, human title derived from the class name: {@code DatasetNotFound} → "Dataset not found". */
    public String title() {
        String words = getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The problem type: a stable URN per class, e.g. {@code urn:mlops:problem:dataset-not-found}. */
    public String type() {
        return "urn:mlops:problem:" + getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
