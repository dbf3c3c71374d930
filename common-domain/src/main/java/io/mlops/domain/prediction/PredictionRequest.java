package io.mlops.domain.prediction;

import java.util.List;
import java.util.Map;

/**
 * A prediction request: either {@code instances}, raw feature rows by name, or {@code entities}, entity
 * keys whose features come from the online store. {@code requestKey} makes traffic splits sticky.
 */
public record PredictionRequest(List<Map<String, Object>> instances, List<String> entities, String requestKey) {
}
