package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelDeployed;
import io.mlops.events.Topics;
import io.mlops.inference.routing.AliasResolver;
import io.mlops.inference.routing.Deployments;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.testing.SharedRegistry;
import io.mlops.events.EventContentTypes;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import java.nio.charset.StandardCharsets;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** ModelDeployed moves an alias under load with no failed request; PredictionMade events reach Kafka. */
class DeploymentAndEventsIntegrationTest extends InferenceTestBase {

    private static final Map<String, Object> ROW = Map.of("instances", List.of(
            Map.of("sepal_length", 6.3, "sepal_width", 3.3, "petal_length", 6.0, "petal_width", 2.5)));

    @Autowired
    private KafkaTemplate<Object, Object> kafka;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private ModelRepository models;
    @Autowired
    private Deployments deployments;
    @Autowired
    private AliasResolver aliases;

    @Test
    void aDeploymentWhoseShaDisagreesWithTheRegistrysRecordDoesNotMoveTheAlias() {
        var deployed = new ModelDeployed(new ModelVersionRef("iris", 2), "guarded", null, SharedRegistry.WRONG_SHA256,
                "test", "rollout");
        assertThatThrownBy(() -> deployments.deploy(deployed)).hasMessageContaining("not moved");
        assertThat(aliases.current("iris", "guarded")).isNull();
    }

    @Test
    void theDeploymentConsumerGroupIsNamedAfterTheInstanceSoARestartRejoinsIt() {
        // Was "inference-service-<random uuid>": every restart left a group behind.
        assertThat(listeners.getListenerContainer("inference-deployments").getGroupId())
                .isEqualTo("inference-service-test-base");
    }

    @Test
    void aDeploymentSwitchesTheAliasUnderLoadWithoutAFailedRequest() throws Exception {
        assertThat(post("/api/v1/models/switching/predict", ROW).getBody()).containsEntry("version", 1);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("inference-deployments"), 3);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger afterSwitch = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                load.add(clients.submit(() -> {
                    while (running.get()) {
                        var response = post("/api/v1/models/switching/predict", ROW);
                        if (response.getStatusCode().value() != 200) {
                            failures.incrementAndGet();
                        } else {
                            int version = (Integer) response.getBody().get("version");
                            versionsSeen.add(version);
                            if (version == 2) {
                                afterSwitch.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            SharedRegistry.get().setAlias("switching", "production", 2);
            var deployed = new ModelDeployed(new ModelVersionRef("switching", 2), "production", 1,
                    SharedRegistry.get().recordSha256("switching", 2), "test", "rollout");
            kafka.send(Topics.MODELS_DEPLOYED, "switching", EventEnvelope.wrap("model-service", deployed, Clock.systemUTC())).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> afterSwitch.get() >= 50);
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
        }
        assertThat(failures.get()).as("failed requests during the switch").isZero();
        assertThat(versionsSeen).contains(1, 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !models.isLoaded(new ModelVersionRef("switching", 1)));
        assertThat(post("/api/v1/models/switching/predict", ROW).getBody()).containsEntry("version", 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void predictionMadeEventsReachKafka() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            var body = post("/api/v1/models/iris/versions/1/predict", ROW).getBody();
            ids.add((String) ((List<Map<String, Object>>) body.get("predictions")).getFirst().get("id"));
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> seen = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREDICTIONS_MADE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var envelope = PredictionMadeBatchRecords.read(record.headers(), record.value());
                    for (var p : envelope.payload().predictions()) {
                        if (ids.contains(p.predictionId().toString())) {
                            // the default encoding, read with Avro's generic reader and common-domain's schema alone
                            assertThat(new String(record.headers().lastHeader(EventContentTypes.HEADER).value(), StandardCharsets.US_ASCII))
                                    .isEqualTo(EventContentTypes.PREDICTION_MADE_BATCH_AVRO);
                            assertThat(envelope.source()).isEqualTo("inference-service");
                            assertThat(envelope.payload().featureNames()).hasSize(4);
                            assertThat(p.features()).hasSize(4);
                            assertThat(p.label()).isEqualTo("virginica");
                            seen.add(p.predictionId().toString());
                        }
                    }
                }
                assertThat(seen).isEqualTo(ids);
            });
        }
    }
}
