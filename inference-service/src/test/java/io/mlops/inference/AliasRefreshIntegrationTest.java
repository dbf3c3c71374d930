package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.ModelDeployed;
import io.mlops.inference.routing.Deployments;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.testing.SharedRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Aliases refreshed from the registry every 200 ms (a context of its own): a refresh that finds another version
 * deploys it (load, SHA-256 check, warm-up) before the alias moves, keeps the old version when that fails, and
 * drops an alias the registry no longer has.
 */
@TestPropertySource(properties = "mlops.inference.alias-ttl=200ms")
class AliasRefreshIntegrationTest extends InferenceTestBase {

    private static final Map<String, Object> ROW = Map.of("instances", List.of(
            Map.of("sepal_length", 6.3, "sepal_width", 3.3, "petal_length", 6.0, "petal_width", 2.5)));

    @Autowired
    private Deployments deployments;
    @Autowired
    private ModelRepository models;

    @Test
    void aRefreshToAVersionThatFailsToDeployKeepsServingTheOldOne() {
        assertThat(post("/api/v1/models/refresh-broken/predict", ROW).getBody()).containsEntry("version", 1);
        // The registry moves the alias to a version whose artifact does not match its record: the deployment fails.
        SharedRegistry.get().setAlias("refresh-broken", "production", 2);
        var deployed = new ModelDeployed(new ModelVersionRef("refresh-broken", 2), "production", 1,
                SharedRegistry.get().recordSha256("refresh-broken", 2), "test", "rollout");
        assertThatThrownBy(() -> deployments.deploy(deployed));

        // Was: within the TTL the refresh pointed the alias at version 2 anyway, and every request answered 503.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var response = post("/api/v1/models/refresh-broken/predict", ROW);
            assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isEqualTo(200);
            assertThat(response.getBody()).containsEntry("version", 1);
        });
    }

    @Test
    void aRefreshThatFindsANewVersionWarmsItMovesTheAliasAndReleasesTheOldOne() {
        assertThat(post("/api/v1/models/refresh-good/predict", ROW).getBody()).containsEntry("version", 1);
        SharedRegistry.get().setAlias("refresh-good", "production", 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(post("/api/v1/models/refresh-good/predict", ROW).getBody()).containsEntry("version", 2));
        // Was: the refresh switched the entry itself, so version 1 stayed loaded with nothing routed to it.
        await().atMost(Duration.ofSeconds(30)).until(() -> !models.isLoaded(new ModelVersionRef("refresh-good", 1)));
    }

    @Test
    void anAliasRemovedInTheRegistryStopsBeingServed() {
        assertThat(post("/api/v1/models/refresh-removed@x/predict", ROW).getStatusCode().value()).isEqualTo(200);
        // The model-service's DELETE of an alias announces no event: only the refresh can notice.
        SharedRegistry.get().removeAlias("refresh-removed", "x");

        // Was: the refresh's 404 counted as a failure, so the old answer was kept forever.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = post("/api/v1/models/refresh-removed@x/predict", ROW);
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getBody()).containsEntry("alias", "x");
        });
    }
}
