package io.mlops.monitoring.quality;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Stores true values against stored predictions, all or nothing per request, then re-judges the quality of
 * the closed windows they fall in. Feedback for a prediction still in the open window waits for its closing.
 * The windows are locked FOR SHARE first: feedback for a window being judged waits for the verdict, then scores it.
 */
@Service
class Feedback {

    private final FeedbackRepository repository;
    private final QualityJudge judge;
    private final MeterRegistry meters;
    private final Clock clock;

    Feedback(FeedbackRepository repository, QualityJudge judge, MeterRegistry meters, Optional<Clock> clock) {
        this.repository = repository;
        this.judge = judge;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    record Item(UUID predictionId, JsonNode actual) {
    }

    record Accepted(int accepted, int windowsJudged) {
    }

    @Transactional
    Accepted accept(List<Item> items) {
        Map<UUID, FeedbackRepository.StoredPrediction> known = repository.predictions(items.stream().map(Item::predictionId).distinct().toList())
                .stream().collect(Collectors.toMap(FeedbackRepository.StoredPrediction::id, Function.identity(), (a, b) -> a));
        List<String> unknown = items.stream().map(Item::predictionId).filter(id -> !known.containsKey(id)).map(UUID::toString).distinct().toList();
        if (!unknown.isEmpty()) {
            meters.counter("mlops.feedback.unknown.prediction").increment(unknown.size());
            throw new PredictionNotFound(unknown);
        }
        Set<UUID> windows = new LinkedHashSet<>();
        List<Runnable> saves = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            FeedbackRepository.StoredPrediction p = known.get(item.predictionId());
            boolean classification = p.label() != null;
            if (classification && !item.actual().isString()) {
                meters.counter("mlops.feedback.rejected", "reason", "label-type").increment();
                throw new LabelTypeMismatch(p.id().toString(), "a string label", i);
            }
            if (!classification && !item.actual().isNumber()) {
                meters.counter("mlops.feedback.rejected", "reason", "label-type").increment();
                throw new LabelTypeMismatch(p.id().toString(), "a number", i);
            }
            Double value = classification ? null : item.actual().asDouble();
            String label = classification ? item.actual().asString() : null;
            saves.add(() -> repository.save(p, value, label, clock.instant()));
            if (p.windowId() != null) {
                windows.add(p.windowId());
            }
        }
        // Without the lock, feedback that reads its window as OPEN or CLOSING while the judge's transaction is under
        // way scores nothing, and the judge, which cannot see the uncommitted feedback, scores it without: lost.
        repository.lockWindows(windows);
        saves.forEach(Runnable::run);
        windows.forEach(judge::judge);
        meters.counter("mlops.feedback.accepted").increment(items.size());
        return new Accepted(items.size(), windows.size());
    }
}
