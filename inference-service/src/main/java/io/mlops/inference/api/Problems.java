package io.mlops.inference.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** The answers of the prediction path, named as facts; each carries the field or model concerned. */
final class Problems {

    private Problems() {
    }

    /** The version's batch queue is full: back off (429 with Retry-After). */
    static final class ModelOverloaded extends ApiProblem {
        private final Duration retryAfter;

        ModelOverloaded(ModelVersionRef ref, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "model " + ref + " is overloaded: its queue is full");
            this.retryAfter = retryAfter;
            with("model", ref.model());
            with("version", ref.version());
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(retryAfter);
        }
    }

    /** The request waited in the queue past its deadline and was not computed (503). */
    static final class PredictionDeadlineExceeded extends ApiProblem {
        PredictionDeadlineExceeded(ModelVersionRef ref, String message) {
            super(HttpStatus.SERVICE_UNAVAILABLE, message);
            with("model", ref.model());
            with("version", ref.version());
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(Duration.ofSeconds(1));
        }
    }

    /** The version is being released and takes no new requests (503). */
    static final class ModelDraining extends ApiProblem {
        ModelDraining(ModelVersionRef ref) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "model " + ref + " is being released; retry");
            with("model", ref.model());
            with("version", ref.version());
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(Duration.ofSeconds(1));
        }
    }

    /** The model itself failed on the batch (500). */
    static final class PredictionCrashed extends ApiProblem {
        PredictionCrashed(ModelVersionRef ref, Throwable cause) {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "model " + ref + " failed to predict", cause);
            with("model", ref.model());
            with("version", ref.version());
        }
    }

    /** The request's shape is wrong: no rows, too many rows, both or neither of instances and entities (422). */
    static final class InvalidPredictionRequest extends ApiProblem {
        InvalidPredictionRequest(String field, String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + message);
            with("field", field);
        }
    }
}
