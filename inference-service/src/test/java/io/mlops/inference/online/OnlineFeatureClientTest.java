package io.mlops.inference.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.inference.testing.TestFeatureStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client alone against TestFeatureStore (the feature-service contract) and against a closed port. */
class OnlineFeatureClientTest {

    private static final FeatureSetVersionRef IRIS = new FeatureSetVersionRef(TestFeatureStore.IRIS, 1);

    @Test
    void returnsTheFeaturesByNameInRequestOrder() {
        var client = new OnlineFeatureClient(URI.create(TestFeatureStore.get().url()), Duration.ofSeconds(2));
        var rows = client.fetch(IRIS, List.of("2", "1"));
        // Rows 2 and 1 of iris_mlp_expected.csv.
        assertThat(rows.get(0)).containsEntry("sepal_length", 4.9).containsEntry("petal_width", 0.2);
        assertThat(rows.get(1)).containsEntry("sepal_length", 5.1).containsEntry("sepal_width", 3.5);
    }

    @Test
    void aClosedPortFailsFastAsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var client = new OnlineFeatureClient(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.fetch(IRIS, List.of("1"))).isInstanceOf(FeatureStoreUnavailable.class)
                .hasMessageContaining(TestFeatureStore.IRIS);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void anUnknownFeatureSetIsUnavailableNotAnEmptyAnswer() {
        var client = new OnlineFeatureClient(URI.create(TestFeatureStore.get().url()), Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.fetch(new FeatureSetVersionRef("nope", 1), List.of("1")))
                .isInstanceOf(FeatureStoreUnavailable.class);
    }
}
