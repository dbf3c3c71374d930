package io.mlops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.model.AliasChange;
import io.mlops.events.EventJson;
import io.mlops.events.ModelDeployed;
import io.mlops.events.Topics;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Aliases: moves, rollback, removal, their history, and exactly one ModelDeployed per move. */
class AliasIntegrationTest extends RegistryTestBase {

  @Test
  void movesRollsBackAndRemovesAnAliasWithFullHistoryAndOneEventPerMove() {
    String name = uniqueName("aliased");
    registerIris(name, 0.90);
    registerIris(name, 0.95);

    assertThat(setAlias(name, "production", 1, "alice", "first release").getStatusCode().value()).isEqualTo(200);
    setAlias(name, "production", 2, "bob", "better accuracy");
    setAlias(name, "production", 1, "carol", "rollback: v2 drifts");
    long eventsBefore = count("outbox_event");
    var unchanged = setAlias(name, "production", 1, "dave", "again");

    assertThat(unchanged.getStatusCode().value()).isEqualTo(200);
    assertThat(count("outbox_event")).as("pointing an alias where it points emits nothing").isEqualTo(eventsBefore);
    AliasView resolved = http().get().uri("/api/v1/models/{n}/aliases/production", name).retrieve().body(AliasView.class);
    assertThat(resolved.version()).isEqualTo(1);
    assertThat(resolved.updatedBy()).isEqualTo("carol");
    assertThat(resolved.artifactSha256()).isEqualTo(registry.version(name, 1).artifactSha256());
    assertThat(registry.model(name).aliases()).containsExactly(Map.entry("production", 1));

    var removed = http().delete().uri("/api/v1/models/{n}/aliases/production?reason=retired", name)
        .header("X-Actor", "erin").retrieve().toBodilessEntity();
    assertThat(removed.getStatusCode().value()).isEqualTo(204);
    assertProblem(http().get().uri("/api/v1/models/{n}/aliases/production", name).retrieve().toEntity(String.class),
        404, "has no alias 'production'");

    List<AliasChange> history = http().get().uri("/api/v1/models/{n}/aliases/production/history", name).retrieve()
        .body(new ParameterizedTypeReference<>() {});
    assertThat(history).extracting(AliasChange::fromVersion, AliasChange::toVersion, AliasChange::actor,
            AliasChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, 1, "alice", "first release"),
            org.assertj.core.groups.Tuple.tuple(1, 2, "bob", "better accuracy"),
            org.assertj.core.groups.Tuple.tuple(2, 1, "carol", "rollback: v2 drifts"),
            org.assertj.core.groups.Tuple.tuple(1, null, "erin", "retired"));
    assertThat(history).extracting(AliasChange::at).isSorted();
    assertThat(history).extracting(AliasChange::action).containsExactly(AliasChange.Action.MOVED,
        AliasChange.Action.MOVED, AliasChange.Action.MOVED, AliasChange.Action.REMOVED);

    List<ModelDeployed> inOutbox = outboxPayloads("ModelDeployed", name).stream()
        .map(json -> (ModelDeployed) EventJson.read(json).payload()).toList();
    assertThat(inOutbox).extracting(e -> e.model().version(), ModelDeployed::previousVersion, ModelDeployed::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, null, "alice"),
            org.assertj.core.groups.Tuple.tuple(2, 1, "bob"),
            org.assertj.core.groups.Tuple.tuple(1, 2, "carol"));
    assertThat(inOutbox.get(2).reason()).isEqualTo("rollback: v2 drifts");

    // on Kafka too, once each: the relay publishes them and nothing is sent twice
    List<ModelDeployed> consumed = consumeDeployed(name, 3);
    assertThat(consumed).extracting(e -> e.model().version()).containsExactly(1, 2, 1);
  }

  @Test
  void refusesUnknownModelsVersionsAndBadAliasNamesRecordingNothing() {
    String name = uniqueName("strict");
    registerIris(name, 0.9);
    Snapshot before = snapshot();

    assertProblem(setAlias(name, "production", 7, "x", null), 404, "has no version 7");
    assertProblem(setAlias("no-such-model", "production", 1, "x", null), 404, "does not exist");
    assertProblem(setAlias(name, "bad alias!", 1, "x", null), 400, "invalid");
    assertProblem(http().put().uri("/api/v1/models/{n}/aliases/production", name).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("version", 0)).retrieve().toEntity(String.class), 400, "version");
    assertProblem(http().delete().uri("/api/v1/models/{n}/aliases/production", name).retrieve().toEntity(String.class),
        404, "has no alias");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void actorDefaultsToAnonymous() {
    String name = uniqueName("anon");
    registerIris(name, 0.9);

    http().put().uri("/api/v1/models/{n}/aliases/staging", name).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("version", 1)).retrieve().toBodilessEntity();

    assertThat(registry.aliasHistory(name, "staging")).extracting(AliasChange::actor).containsExactly("anonymous");
  }

  private ResponseEntity<String> setAlias(String model, String alias, int version, String actor, String reason) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("version", version);
    body.put("reason", reason);
    return http().put().uri("/api/v1/models/{n}/aliases/{a}", model, alias).header("X-Actor", actor)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
  }

  /** Reads the deployed topic from the start until {@code expected} events of this model arrived, then a bit more. */
  private List<ModelDeployed> consumeDeployed(String model, int expected) {
    List<ModelDeployed> events = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "alias-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
      consumer.subscribe(List.of(Topics.MODELS_DEPLOYED));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (model.equals(r.key())) {
            events.add((ModelDeployed) EventJson.read(r.value()).payload());
          }
        });
        return events.size() >= expected;
      });
      // a duplicate would have been sent right after the originals: drain once more to catch it
      consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
        if (model.equals(r.key())) {
          events.add((ModelDeployed) EventJson.read(r.value()).payload());
        }
      });
    }
    return events;
  }
}
