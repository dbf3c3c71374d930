package io.mlops.inference.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.InferenceProperties;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies of requests sent to a shadow (challenger) version on their own virtual threads, after the
 * caller's answer is computed. Their answers are recorded (PredictionMade with {@code shadow=true}, and
 * {@code mlops_inference_shadow_total{outcome=answered}}), never returned; a failure is counted
 * ({@code outcome=failed}); beyond {@code shadow-max-in-flight} copies are dropped and counted
 * ({@code outcome=dropped}) rather than queued, so a slow shadow cannot pile up work or memory.
 */
@Component
class ShadowPredictions {

    private static final Logger log = LoggerFactory.getLogger(ShadowPredictions.class);

    private final PredictionService predictions;
    private final Answers answers;
    private final MeterRegistry registry;
    private final Semaphore inFlight;

    ShadowPredictions(PredictionService predictions, Answers answers, MeterRegistry registry,
                      InferenceProperties properties) {
        this.predictions = predictions;
        this.answers = answers;
        this.registry = registry;
        this.inFlight = new Semaphore(properties.shadowMaxInFlight());
    }

    /** Never blocks and never throws: the caller's answer does not depend on the shadow. */
    void copy(ModelVersionRef shadow, String alias, RowSource rows) {
        if (!inFlight.tryAcquire()) {
            count(shadow, "dropped");
            return;
        }
        try {
            Thread.ofVirtual().name("shadow-" + shadow).start(() -> run(shadow, alias, rows));
        } catch (RuntimeException | Error e) {
            inFlight.release();
            count(shadow, "dropped");
        }
    }

    private void run(ModelVersionRef shadow, String alias, RowSource rows) {
        long start = System.nanoTime();
        try {
            answers.of(predictions.predict(shadow, rows::encode), alias, start, true);
            count(shadow, "answered");
        } catch (RuntimeException | Error e) {
            count(shadow, "failed");
            log.debug("Shadow prediction on {} failed: {}", shadow, e.toString());
        } finally {
            inFlight.release();
        }
    }

    private void count(ModelVersionRef shadow, String outcome) {
        Counter.builder("mlops.inference.shadow").description("Shadow copies by outcome: answered, failed, dropped")
                .tags("model", shadow.model(), "version", Integer.toString(shadow.version()), "outcome", outcome)
                .register(registry).increment();
    }
}
