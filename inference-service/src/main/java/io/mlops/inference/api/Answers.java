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
class Answers {

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
                Map<String, Object> features = out.features() == null ? Map.of() : out.features().get(r);
                events.offer(new PredictionMade(id, ref, alias, now, features, outcome.value(), outcome.label(),
                        outcome.probabilities(), latencyMs, shadow));
            }
        }
        return results;
    }
}
