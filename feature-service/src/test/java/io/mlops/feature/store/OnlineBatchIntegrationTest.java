package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.data.ColumnType;
import io.mlops.feature.online.OnlineStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import tools.jackson.databind.JsonNode;

/**
 * Redis pipelines are sized by {@code redis-batch-keys} (500 by default), not by the COPY chunk
 * ({@code chunk-rows}, 5,000): a pipeline's replies must all arrive within the 500 ms command timeout.
 */
class OnlineBatchIntegrationTest extends FeatureStoreTestSupport {

    @Autowired
    OnlineStore store;

    @Autowired
    RedisConnectionFactory redis;

    @Test
    void theWriterSendsAPipelineEveryBatchOfKeysWithoutWaitingForTheCaller() {
        try (RedisConnection connection = redis.getConnection()) {
            connection.keyCommands().del(keys(0, 250));
        }
        try (OnlineStore.Writer writer = store.writer("batch-writer", 1, java.util.List.of("x"), null, 100, java.time.Duration.ofSeconds(10))) {
            for (int i = 0; i < 250; i++) {
                writer.add(Integer.toString(i), new double[] {i});
            }
            // two pipelines of 100 went out on their own; the last 50 wait for flush
            assertThat(present(0, 200)).isEqualTo(200);
            assertThat(present(200, 250)).isZero();
            writer.flush();
            assertThat(present(0, 250)).isEqualTo(250);
        }
    }

    @Test
    void aSetWithMoreEntitiesThanOneChunkIsFullyOnline() {
        StringBuilder csv = new StringBuilder("id,x\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append(i).append(',').append(i % 97 + 0.5).append('\n');
        }
        DATA.add("many-entities", FixtureDataService.schema("id", ColumnType.INTEGER, "x", ColumnType.FLOAT),
                csv.toString().getBytes(StandardCharsets.UTF_8));
        createMaterialized("""
                {"name":"many-entities","dataset":"many-entities","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"x","column":"x","transformations":[{"type":"standardize"}]}]}""");
        long present = 0;
        try (RedisConnection connection = redis.getConnection()) {
            for (int from = 0; from < 12_000; from += 1000) {   // small reads: the test's own commands have the 500 ms timeout too
                byte[][] keys = new byte[1000][];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = OnlineStore.key("many-entities", 1, Integer.toString(from + i));
                }
                present += connection.keyCommands().exists(keys);
            }
        }
        assertThat(present).isEqualTo(12_000L);
        JsonNode online = JSON.readTree(post("/api/v1/feature-sets/many-entities/online", "{\"entities\":[0,5999,11999]}").getBody());
        assertThat(online.get("results").findValues("features")).hasSize(3);
    }

    private long present(int from, int to) {
        try (RedisConnection connection = redis.getConnection()) {
            Long n = connection.keyCommands().exists(keys(from, to));
            return n == null ? 0 : n;
        }
    }

    private static byte[][] keys(int from, int to) {
        byte[][] keys = new byte[to - from][];
        for (int i = from; i < to; i++) {
            keys[i - from] = OnlineStore.key("batch-writer", 1, Integer.toString(i));
        }
        return keys;
    }
}
