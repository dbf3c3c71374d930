package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.feature.Transformation;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.AliasChange;
import io.mlops.domain.model.AliasChange.Action;
import io.mlops.domain.monitoring.DriftResult;
import io.mlops.events.DomainEvent;
import io.mlops.events.DriftDetected;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.ModelDeployed;
import io.mlops.events.ModelPerformanceDegraded;
import io.mlops.model.retraining.RetrainingRun;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Closed-loop retraining through Kafka and the job API: policies and their refusals, a DriftDetected
 * (delivered twice) retraining the champion on the newest feature-set version and a better challenger
 * taking the alias, a worse one rejected and the cooldown skipping the next trigger, and triggers that
 * must change nothing. Lives beside the training tests to share their context, the only one that runs
 * jobs; the feature-service is {@link FixtureFeatureService}, whose label-shuffled versions give a model
 * that cannot beat chance (iris: 3 balanced classes).
 */
class ClosedLoopRetrainingIntegrationTest extends TrainingTestBase {

  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void producer() {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void storesAPolicyWithDefaultsAndRefusesBadInputNamingTheField() {
    String model = uniqueName("policy");
    http().post().uri("/api/v1/models").contentType(MediaType.APPLICATION_JSON).body(Map.of("name", model))
        .retrieve().toBodilessEntity();

    assertProblem(getPolicy(model), 404, "has no retraining policy");
    var stored = putPolicy(model, Map.of("enabled", true, "alias", "production", "triggers", List.of("drift"),
        "minImprovement", 0.02, "cooldown", "PT5M"));
    assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(200);
    assertThat(policyOf(model)).containsEntry("enabled", true).containsEntry("alias", "production")
        .containsEntry("triggers", List.of("drift")).containsEntry("minImprovement", 0.02)
        .containsEntry("cooldown", "PT5M");

    assertThat(putPolicy(model, Map.of("enabled", false, "alias", "staging")).getStatusCode().value()).isEqualTo(200);
    Map<String, Object> defaults = policyOf(model);
    assertThat(defaults).containsEntry("enabled", false).containsEntry("alias", "staging")
        .containsEntry("triggers", List.of("drift", "performance")).containsEntry("minImprovement", 0.0)
        .containsEntry("cooldown", "PT1H");

    assertProblem(putPolicy("no-such-model", Map.of("enabled", true, "alias", "production")), 404, "does not exist");
    assertFieldProblem(putPolicy(model, Map.of("alias", "production")), "enabled");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "bad alias!")), "alias");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "production", "triggers",
        List.of("drift", "weather"))), "triggers[1]");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "production", "triggers", List.of())),
        "triggers");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "production", "minImprovement", -0.1)),
        "minImprovement");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "production", "cooldown", "soon")),
        "cooldown");
    assertFieldProblem(putPolicy(model, Map.of("enabled", true, "alias", "production", "cooldown", "-PT1M")),
        "cooldown");
    assertThat(policyOf(model)).as("refusals store nothing").isEqualTo(defaults);
    assertProblem(http().get().uri("/api/v1/models/no-such-model/retraining-runs").retrieve().toEntity(String.class),
        404, "does not exist");
  }

  @Test
  void driftDeliveredTwiceRetrainsOnceOnTheNewestDataAndABetterChallengerTakesTheAlias() {
    var set = newSet("loop-better");
    FEATURES.addVersion(set, FixtureFeatureService.Labels.SHUFFLED); // v1: the champion learns nothing
    String model = uniqueName("loop-better");
    Map<String, Object> champion = trainIris(model, set);
    assertThat(champion.get("modelVersion")).isEqualTo(1);
    setAlias(model, "production", 1);
    putPolicy(model, Map.of("enabled", true, "alias", "production", "triggers", List.of("drift"), "cooldown", "PT0S"));
    int newest = FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE); // v2: the real labels

    EventEnvelope<DomainEvent> drift = drift(model, 1);
    publish(drift);
    publish(drift); // redelivered: same event id

    RetrainingRun run = awaitFinishedRuns(model, 1).getFirst();
    assertThat(run.decision()).as(run.reason()).isEqualTo(RetrainingRun.Decision.PROMOTED);
    assertThat(run.trigger().type()).isEqualTo("DriftDetected");
    assertThat(run.trigger().eventId()).isEqualTo(drift.eventId());
    assertThat(run.trigger().detail()).containsEntry("windowId", "w-1").containsEntry("driftShare", 0.75);
    assertThat(run.championVersion()).isEqualTo(1);
    assertThat(run.challengerVersion()).isEqualTo(2);
    assertThat(run.featureSet()).isEqualTo(set.name());
    assertThat(run.featureSetVersion()).isEqualTo(newest);
    assertThat(run.metric()).isEqualTo("accuracy");
    assertThat(run.challengerScore()).isGreaterThan(0.9).isGreaterThan(run.championScore());
    // the gate's rows are exactly the challenger's holdout: through its own artifact it scores what training reported
    assertThat(run.challengerScore()).isCloseTo(accuracy(model, 2), within(1e-9));
    assertThat(run.reason()).contains("both scored on the challenger's holdout (30 rows of dataset " + set.name() + "@2)");

    // one retraining job, run with the champion's request on the newest version, same seed
    List<UUID> jobs = jdbc.sql("SELECT id FROM training_jobs WHERE model_name = ? ORDER BY created_at").param(model)
        .query(UUID.class).list();
    assertThat(jobs).hasSize(2).last().isEqualTo(run.trainingJobId());
    Map<String, Object> retrained = job(run.trainingJobId());
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) retrained.get("request");
    @SuppressWarnings("unchecked")
    Map<String, Object> original = (Map<String, Object>) champion.get("request");
    Map<String, Object> expected = new HashMap<>(original);
    expected.put("featureSetVersion", newest);
    assertThat(request).isEqualTo(expected);

    assertThat(http().get().uri("/api/v1/models/{n}/aliases/production", model).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {})).containsEntry("version", 2)
        .containsEntry("updatedBy", "retraining-policy");
    List<AliasChange> history = history(model, "production");
    assertThat(history).extracting(AliasChange::action, AliasChange::fromVersion, AliasChange::toVersion,
        AliasChange::actor).containsExactly(
            tuple(Action.MOVED, null, 1, "tester"),
            tuple(Action.RETRAINING_STARTED, 1, 1, "retraining-policy"),
            tuple(Action.MOVED, 1, 2, "retraining-policy"));
    assertThat(history.get(1).reason()).contains("DriftDetected " + drift.eventId())
        .contains(run.trainingJobId().toString()).contains(set.name() + "@" + newest);
    assertThat(history.get(2).reason()).contains("promoted").contains(String.format("%.4f", run.championScore()))
        .contains(String.format("%.4f", run.challengerScore()));

    List<ModelDeployed> deployed = outbox("ModelDeployed", model).stream()
        .map(json -> (ModelDeployed) EventJson.read(json).payload()).toList();
    assertThat(deployed).extracting(e -> e.model().version(), ModelDeployed::previousVersion, ModelDeployed::actor)
        .containsExactly(tuple(1, null, "tester"), tuple(2, 1, "retraining-policy"));
    assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(drift.eventId())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void withoutTheRawRowsTheGateComparesRegisteredHoldoutMetricsAndSaysSo() {
    var set = newSet("loop-fallback");
    FEATURES.addVersion(set, FixtureFeatureService.Labels.SHUFFLED);
    String model = uniqueName("loop-fallback");
    trainIris(model, set);
    setAlias(model, "production", 1);
    putPolicy(model, Map.of("enabled", true, "alias", "production", "minImprovement", 0.05));
    FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE);
    FEATURES.withholdRawRows(set);

    publish(drift(model, 1));

    RetrainingRun run = awaitFinishedRuns(model, 1).getFirst();
    assertThat(run.decision()).as(run.reason()).isEqualTo(RetrainingRun.Decision.PROMOTED);
    assertThat(run.championScore()).isEqualTo(accuracy(model, 1));
    assertThat(run.challengerScore()).isEqualTo(accuracy(model, 2));
    assertThat(run.reason()).contains("registered holdout accuracy, as scoring both on the challenger's holdout failed")
        .contains("503").contains("min improvement 0.05");
    assertThat(registryAlias(model)).isEqualTo(2);
  }

  @Test
  void aWorseChallengerIsRejectedAndTheCooldownSkipsTheNextTrigger() {
    var set = newSet("loop-worse");
    FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE); // v1: a good champion
    String model = uniqueName("loop-worse");
    trainIris(model, set);
    setAlias(model, "production", 1);
    putPolicy(model, Map.of("enabled", true, "alias", "production", "cooldown", "PT1H"));
    // v2: the rows it trains on have shuffled labels, its holdout (the gate's rows) the true ones
    FEATURES.addVersion(set, FixtureFeatureService.Labels.SHUFFLED_OUTSIDE_HOLDOUT);

    var degraded = envelope(new ModelPerformanceDegraded(new ModelVersionRef(model, 1), "w-9", "accuracy", 0.96, 0.7,
        0.05, 200));
    publish(degraded);

    RetrainingRun run = awaitFinishedRuns(model, 1).getFirst();
    assertThat(run.decision()).as(run.reason()).isEqualTo(RetrainingRun.Decision.REJECTED);
    assertThat(run.trigger().type()).isEqualTo("ModelPerformanceDegraded");
    assertThat(run.challengerVersion()).isEqualTo(2);
    assertThat(run.challengerScore()).isLessThan(run.championScore());
    // v2's holdout rows are v1's, true labels: the champion scores there what it scored when trained
    assertThat(run.championScore()).isCloseTo(accuracy(model, 1), within(1e-9));
    assertThat(run.reason()).contains("both scored on the challenger's holdout");
    assertThat(registryAlias(model)).isEqualTo(1);
    List<AliasChange> history = history(model, "production");
    assertThat(history).extracting(AliasChange::action, AliasChange::fromVersion, AliasChange::toVersion)
        .containsExactly(tuple(Action.MOVED, null, 1), tuple(Action.RETRAINING_STARTED, 1, 1),
            tuple(Action.RETRAINING_REJECTED, 1, 1));
    assertThat(history.get(1).reason()).contains("ModelPerformanceDegraded " + degraded.eventId());
    assertThat(history.get(2).reason()).contains("rejected").contains(String.format("%.4f", run.championScore()))
        .contains(String.format("%.4f", run.challengerScore())).contains("stays on v1");
    assertThat(outbox("ModelDeployed", model)).hasSize(1);

    // a new trigger within the hour after that run: recorded as SKIPPED, no job, no history entry
    publish(drift(model, 1));
    List<RetrainingRun> runs = awaitFinishedRuns(model, 2);
    assertThat(runs.getFirst().decision()).isEqualTo(RetrainingRun.Decision.SKIPPED);
    assertThat(runs.getFirst().reason()).contains("cooldown PT1H");
    assertThat(runs.getFirst().trainingJobId()).isNull();
    assertThat(jdbc.sql("SELECT count(*) FROM training_jobs WHERE model_name = ?").param(model).query(Long.class)
        .single()).isEqualTo(2);
    assertThat(history(model, "production")).hasSize(3);
  }

  @Test
  void triggersForAVersionNotBehindTheAliasOrForAModelWithoutAnEnabledPolicyChangeNothing() {
    var set = newSet("loop-noop");
    FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE);
    String model = uniqueName("loop-noop");
    trainIris(model, set);
    trainIris(model, set);
    setAlias(model, "production", 2);
    putPolicy(model, Map.of("enabled", true, "alias", "production", "cooldown", "PT0S"));
    String withoutPolicy = uniqueName("loop-nopolicy");
    trainIris(withoutPolicy, set);
    setAlias(withoutPolicy, "production", 1);
    String disabled = uniqueName("loop-disabled");
    trainIris(disabled, set);
    setAlias(disabled, "production", 1);
    putPolicy(disabled, Map.of("enabled", false, "alias", "production"));
    String driftOnly = uniqueName("loop-driftonly");
    trainIris(driftOnly, set);
    setAlias(driftOnly, "production", 1);
    putPolicy(driftOnly, Map.of("enabled", true, "alias", "production", "triggers", List.of("drift")));
    FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE); // newer data exists: any of these would retrain if it acted
    long jobsBefore = count("training_jobs");

    List<EventEnvelope<DomainEvent>> events = List.of(drift(model, 1), drift(withoutPolicy, 1), drift(disabled, 1),
        envelope(new ModelPerformanceDegraded(new ModelVersionRef(driftOnly, 1), "w-2", "accuracy", 0.9, 0.5, 0.1,
            100)));
    events.forEach(this::publish);

    // processed (the event id is recorded), and nothing else happened
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
        "SELECT count(*) FROM processed_event WHERE event_id = ANY(?)")
        .param(events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new)).query(Long.class).single())
        .isEqualTo(events.size()));
    for (String m : List.of(model, withoutPolicy, disabled, driftOnly)) {
      assertThat(runs(m)).as(m).isEmpty();
      assertThat(history(m, "production")).as(m).extracting(AliasChange::action).containsOnly(Action.MOVED);
    }
    assertThat(count("training_jobs")).isEqualTo(jobsBefore);
  }

  private static FixtureFeatureService.Set newSet(String prefix) {
    return new FixtureFeatureService.Set(uniqueName(prefix), "iris.csv", "species", new Transformation.Standardize());
  }

  private Map<String, Object> trainIris(String model, FixtureFeatureService.Set set) {
    Map<String, Object> body = request(model, set, "multiclass", Map.of("type", "logistic-regression"),
        Map.of("type", "adam", "learningRate", 0.05, "batchSize", 16, "epochs", 40));
    Map<String, Object> job = train(body, Duration.ofSeconds(90));
    assertThat(job.get("state")).as(String.valueOf(job.get("error"))).isEqualTo("SUCCEEDED");
    return job;
  }

  private double accuracy(String model, int version) {
    @SuppressWarnings("unchecked")
    var metrics = (Map<String, Object>) http().get().uri("/api/v1/models/{n}/versions/{v}", model, version).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {}).get("metrics");
    return ((Number) metrics.get("accuracy")).doubleValue();
  }

  private void setAlias(String model, String alias, int version) {
    var response = http().put().uri("/api/v1/models/{n}/aliases/{a}", model, alias).header("X-Actor", "tester")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", version, "reason", "release"))
        .retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
  }

  private int registryAlias(String model) {
    return (Integer) http().get().uri("/api/v1/models/{n}/aliases/production", model).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {}).get("version");
  }

  private ResponseEntity<String> putPolicy(String model, Map<String, Object> body) {
    return http().put().uri("/api/v1/models/{n}/retraining-policy", model).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> getPolicy(String model) {
    return http().get().uri("/api/v1/models/{n}/retraining-policy", model).retrieve().toEntity(String.class);
  }

  private Map<String, Object> policyOf(String model) {
    return http().get().uri("/api/v1/models/{n}/retraining-policy", model).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  private List<RetrainingRun> runs(String model) {
    return http().get().uri("/api/v1/models/{n}/retraining-runs", model).retrieve()
        .body(new ParameterizedTypeReference<List<RetrainingRun>>() {});
  }

  /** Waits until the model has {@code n} runs, all finished; newest first. */
  private List<RetrainingRun> awaitFinishedRuns(String model, int n) {
    return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> runs(model),
        runs -> runs.size() == n && runs.stream().allMatch(r -> r.state() == RetrainingRun.State.FINISHED));
  }

  private List<AliasChange> history(String model, String alias) {
    return http().get().uri("/api/v1/models/{n}/aliases/{a}/history", model, alias).retrieve()
        .body(new ParameterizedTypeReference<List<AliasChange>>() {});
  }

  private List<String> outbox(String type, String key) {
    return jdbc.sql("SELECT payload::text FROM outbox_event WHERE event_type = ? AND record_key = ? ORDER BY id")
        .params(type, key).query(String.class).list();
  }

  private static EventEnvelope<DomainEvent> drift(String model, int version) {
    return envelope(new DriftDetected(new DriftResult(new ModelVersionRef(model, version), "w-1",
        Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:05:00Z"), 500, List.of(), 0.75, true),
        false));
  }

  private static EventEnvelope<DomainEvent> envelope(DomainEvent event) {
    return EventEnvelope.wrap("monitoring-service", event, Clock.systemUTC());
  }

  /** As monitoring's outbox relay would: the envelope's JSON, keyed by its aggregate, on its type's topic. */
  private void publish(EventEnvelope<DomainEvent> envelope) {
    try {
      producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.write(envelope))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).contains("\"status\":" + status).contains(detailPart);
  }

  private static void assertFieldProblem(ResponseEntity<String> response, String field) {
    assertProblem(response, 422, field);
    assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
  }
}
