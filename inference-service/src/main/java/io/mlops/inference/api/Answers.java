package io.mlops.inference.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.prediction.PredictionResult;
import io.mlops.events.PredictionMade;
import io.mlops.inference.events.PredictionEvents;
import io.mlops.inference.events.TimeOrderedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Outputs → one result per row, each announced as PredictionMade (sampled); shared by callers and shadows. */
@Component
public class Answers {

    private final PredictionEvents events;

    Answers(PredictionEvents events) {
        this.events = events;
    }

    List<PredictionResult> of(PredictionService.Outputs out, String alias, long startNanos, boolean shadow) {
        ModelVersionRef ref = out.model().ref();
        double latencyMs = (System.nanoTime() - startNanos) / 1e6;
        Instant now = null; // only events need it
        List<PredictionResult> results = new ArrayList<>(out.rows());
        for (int r = 0; r < out.rows(); r++) {
            Outcomes.Outcome outcome = Outcomes.of(out.model().output(), out.values(), r);
            PredictionId id = new PredictionId(TimeOrderedIds.next());
            results.add(new PredictionResult(id, ref, outcome.value(), outcome.label(), outcome.probabilities()));
            if (events.sampled()) {
                now = now != null ? now : Instant.now();
                offer(id, out, r, outcome, alias, now, latencyMs, shadow);
            }
        }
        return results;
    }

    /**
     * Announces an answer whose caller gets no per-row results (OIP): the same PredictionMade events as {@link #of},
     * with ids only the events carry. A row that is not sampled costs nothing, and with events off neither does the call.
     */
    public void announce(PredictionService.Outputs out, String alias, long startNanos) {
        if (!events.enabled()) {
            return;
        }
        double latencyMs = (System.nanoTime() - startNanos) / 1e6;
        Instant now = null;
        for (int r = 0; r < out.rows(); r++) {
            if (events.sampled()) {
                now = now != null ? now : Instant.now();
                offer(new PredictionId(TimeOrderedIds.next()), out, r, Outcomes.of(out.model().output(), out.values(), r),
                        alias, now, latencyMs, false);
            }
        }
    }

    /** Whether answers are announced at all, so that a caller builds the features events need only then. */
    public boolean announcing() {
        return events.enabled();
    }

    private void offer(PredictionId id, PredictionService.Outputs out, int r, Outcomes.Outcome outcome, String alias,
                       Instant now, double latencyMs, boolean shadow) {
        Map<String, Object> features = out.features() == null ? Map.of() : out.features().get(r);
        events.offer(new PredictionMade(id, out.model().ref(), alias, now, features, outcome.value(), outcome.label(),
                outcome.probabilities(), latencyMs, shadow));
    }
}
