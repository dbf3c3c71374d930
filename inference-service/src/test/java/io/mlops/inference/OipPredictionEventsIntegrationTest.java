package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.events.PredictionMadeBatch;
import io.mlops.events.Topics;
import io.mlops.inference.testing.Models;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * OIP answers are announced as PredictionMade like the platform API's, with their features by name, so that the
 * monitoring-service sees OIP traffic's drift too. The OIP answer names no prediction id, so each request carries a
 * sepal_length of its own (a random decimal) by which its events are found in the topic.
 */
class OipPredictionEventsIntegrationTest extends InferenceTestBase {

    @Test
    void oneTensorPerFeatureIsAnnouncedWithTheRawFeaturesByName() {
        double[][] rows = {{marker(), 3.5, 1.4, 0.2}, {marker(), 2.9, 4.3, 1.3}, {marker(), 3.3, 6.0, 2.5}};
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            List<Double> column = new ArrayList<>();
            for (double[] row : rows) {
                column.add(row[f]);
            }
            inputs.add(Map.of("name", Models.IRIS_FEATURES.get(f), "shape", List.of(rows.length), "datatype", "FP64", "data", column));
        }
        assertThat(post("/v2/models/iris/infer", Map.of("inputs", inputs)).getStatusCode().value()).isEqualTo(200);

        Map<Double, Announced> seen = announced(rows.length, rows[0][0], rows[1][0], rows[2][0]);
        for (double[] row : rows) {
            Announced event = seen.get(row[0]);
            assertThat(event.batch().featureNames()).containsExactlyInAnyOrderElementsOf(Models.IRIS_FEATURES);
            assertThat(event.batch().alias()).isEqualTo("production"); // no version named: the default alias
            for (int f = 0; f < 4; f++) {
                assertThat(event.valueOf(Models.IRIS_FEATURES.get(f))).as("row %s feature %d", row[0], f).isEqualTo(row[f]);
            }
        }
    }

    @Test
    void oneMatrixOfModelInputsIsAnnouncedWithTheModelInputsByName() {
        double[] row = {marker(), 3.0, 5.2, 2.3};
        var tensor = Map.of("name", "input", "shape", List.of(1, 4), "datatype", "FP64", "data", List.of(row[0], row[1], row[2], row[3]));
        assertThat(post("/v2/models/iris/versions/1/infer", Map.of("inputs", List.of(tensor))).getStatusCode().value()).isEqualTo(200);

        Announced event = announced(1, row[0]).get(row[0]);
        // the model inputs in the signature's order; this fixture's are its raw features
        assertThat(event.batch().featureNames()).isEqualTo(Models.IRIS_FEATURES);
        assertThat(event.batch().alias()).isNull();
        assertThat(event.prediction().features()).isEqualTo(List.of(row[0], row[1], row[2], row[3]));
    }

    /** A sepal length no other test sends: 5.0 plus a random seven-digit fraction. */
    private static double marker() {
        return 5.0 + ThreadLocalRandom.current().nextInt(1, 1_000_000) / 1e7;
    }

    private record Announced(PredictionMadeBatch batch, PredictionMadeBatch.Prediction prediction) {

        Object valueOf(String feature) {
            return prediction.features().get(batch.featureNames().indexOf(feature));
        }
    }

    /** The predictions on iris version 1 whose sepal_length is one of {@code markers}, by it, once all are there. */
    private static Map<Double, Announced> announced(int expected, double... markers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "oip-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Double> wanted = Arrays.stream(markers).boxed().toList();
        Map<Double, Announced> seen = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREDICTIONS_MADE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    PredictionMadeBatch batch = PredictionMadeBatchRecords.read(record.headers(), record.value()).payload();
                    int at = batch.featureNames().indexOf("sepal_length");
                    if (!batch.model().model().equals("iris") || batch.model().version() != 1 || at < 0) {
                        continue;
                    }
                    for (var p : batch.predictions()) {
                        if (p.features().get(at) instanceof Double marker && wanted.contains(marker)) {
                            seen.put(marker, new Announced(batch, p));
                        }
                    }
                }
                assertThat(seen).hasSize(expected);
            });
        }
        return seen;
    }
}
