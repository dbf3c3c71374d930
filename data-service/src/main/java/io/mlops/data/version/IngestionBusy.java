package io.mlops.data.version;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Every ingestion slot stayed taken for the whole wait; nothing was stored, the client may retry. */
public class IngestionBusy extends ApiProblem {

    private final Duration retryAfter;

    IngestionBusy(int slots, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "all " + slots + " ingestion slots stayed busy for " + waited.toSeconds()
                + " s; retry later");
        this.retryAfter = waited;
        with("slots", slots);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
