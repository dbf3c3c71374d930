package io.mlops.feature.featureset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/feature-sets}. {@code datasetVersion} null (or absent) follows the
 * latest version; {@code ttl} is ISO-8601 ({@code "P30D"}). Features stay JSON here so a bad one is
 * answered 422 with its index rather than as an unreadable body.
 */
record FeatureSetRequest(@NotBlank String name, @NotBlank String dataset, @Positive Integer datasetVersion,
                         @NotEmpty List<@NotBlank String> entityColumns, String eventTimeColumn, Duration ttl,
                         List<String> labelColumns, @NotEmpty List<JsonNode> features) {
}
