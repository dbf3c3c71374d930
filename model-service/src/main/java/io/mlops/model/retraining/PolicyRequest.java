package io.mlops.model.retraining;

import java.util.List;

/**
 * The body of {@code PUT .../retraining-policy}, raw so each mistake is a 422 naming its field.
 * {@code enabled} and {@code alias} are required; {@code triggers} default to both, {@code minImprovement}
 * to 0, {@code cooldown} (ISO-8601, e.g. PT5M) to {@code mlops.model.retraining.default-cooldown}.
 */
public record PolicyRequest(Boolean enabled, String alias, List<String> triggers, Double minImprovement,
    String cooldown) {
}
