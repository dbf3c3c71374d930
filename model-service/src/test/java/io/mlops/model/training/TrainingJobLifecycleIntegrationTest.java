package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.events.EventJson;
import io.mlops.events.Topics;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Search with cross-validation, progress while running, cancel, crash recovery, exclusive claims and
 * the job request's way through the outbox to Kafka.
 */
class TrainingJobLifecycleIntegrationTest extends TrainingTestBase {

  static Map<String, Object> irisLogistic(String model, int epochs) {
    return request(model, FixtureFeatureService.IRIS, "multiclass", Map.of("type", "logistic-regression"),
        Map.of("type", "adam", "learningRate", 0.05, "batchSize", 16, "epochs", epochs));
  }

  @Test
  @SuppressWarnings("unchecked")
  void gridSearchScoresEachCandidateByCrossValidationAndRegistersTheBest() {
    Map<String, Object> body = irisLogistic(uniqueName("iris-grid"), 30);
    // a learning rate of 1e-5 barely moves the weights in 30 epochs: the other candidate must win
    body.put("search", Map.of("strategy", "grid", "folds", 3, "parameters", Map.of("learningRate", List.of(0.00001, 0.05))));
    var job = train(body, Duration.ofSeconds(90));

    assertThat(job.get("state")).as("%s", job.get("error")).isEqualTo("SUCCEEDED");
    var trials = (List<Map<String, Object>>) job.get("trials");
    assertThat(trials).hasSize(2);
    for (var trial : trials) {
      var folds = (List<Double>) trial.get("foldScores");
      assertThat(folds).hasSize(3);
      assertThat((Double) trial.get("meanScore"))
          .isCloseTo(folds.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), org.assertj.core.api.Assertions.within(1e-12));
      assertThat(trial.get("metric")).isEqualTo("accuracy");
      assertThat(trial.get("state")).isEqualTo("SUCCEEDED");
    }
    assertThat((Double) trials.get(1).get("meanScore")).isGreaterThan((Double) trials.get(0).get("meanScore"));
    var result = (Map<String, Object>) job.get("result");
    assertThat(result.get("bestTrial")).isEqualTo(2);
    assertThat(((Map<String, Object>) result.get("hyperparameters")).get("learningRate")).isEqualTo(0.05);
    assertThat((Double) ((Map<String, Object>) result.get("metrics")).get("accuracy")).isGreaterThanOrEqualTo(0.9);
  }

  /**
   * Linear regression on the standardized diabetes features by plain SGD: a learning rate of 5 is far
   * past 2 / (largest eigenvalue of the features' covariance, about 4), so the weights grow by a factor
   * of about 19 a step and overflow to NaN within an epoch; 0.001 is far below it (slow, but finite).
   */
  static Map<String, Object> diabetesSgd(String model, double learningRate) {
    return request(model, FixtureFeatureService.DIABETES, "regression", Map.of("type", "linear-regression"),
        Map.of("type", "sgd", "learningRate", learningRate, "batchSize", 32, "epochs", 20));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDivergedCandidateNeverWinsTheSearchAndADivergedModelIsNeverRegistered() {
    String model = uniqueName("diabetes-diverge");
    Map<String, Object> body = diabetesSgd(model, 0.001);
    body.put("search", Map.of("strategy", "grid", "folds", 2, "parameters", Map.of("learningRate", List.of(5.0, 0.001))));
    var job = train(body, Duration.ofSeconds(90));

    assertThat(job.get("state")).as("%s %s", job.get("error"), job.get("trials")).isEqualTo("SUCCEEDED");
    var trials = (List<Map<String, Object>>) job.get("trials");
    assertThat(finite(trials.get(0).get("meanScore"))).as("trial 1 diverges: %s", trials.get(0)).isFalse();
    assertThat(finite(trials.get(1).get("meanScore"))).as("%s", trials.get(1)).isTrue();
    var result = (Map<String, Object>) job.get("result");
    assertThat(result.get("bestTrial")).isEqualTo(2);
    assertThat(((Map<String, Object>) result.get("metrics")).values()).allSatisfy(v -> assertThat(finite(v)).isTrue());
    var version = http().get().uri("/api/v1/models/{m}/versions/1", model).retrieve()
        .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(((Map<String, Object>) version.get("metrics")).values()).isNotEmpty()
        .allSatisfy(v -> assertThat(finite(v)).as("registered %s", version.get("metrics")).isTrue());

    // the only candidate diverges: the job fails and nothing is registered
    String lone = uniqueName("diabetes-diverge-lone");
    var failed = train(diabetesSgd(lone, 5.0), Duration.ofSeconds(60));
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat((String) failed.get("error")).contains("diverged");
    assertThat(failed.get("modelVersion")).isNull();
    assertThat(http().get().uri("/api/v1/models/{m}", lone).retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
  }

  /** A JSON number that is finite (Jackson writes NaN and infinities as strings). */
  static boolean finite(Object value) {
    return value instanceof Number n && Double.isFinite(n.doubleValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void randomSearchRunsItsTrialBudgetOfDistinctCandidates() {
    Map<String, Object> body = request(uniqueName("iris-random"), FixtureFeatureService.IRIS, "multiclass",
        Map.of("type", "mlp", "hiddenSizes", List.of(8)), Map.of("learningRate", 0.05, "batchSize", 32, "epochs", 5));
    body.put("search", Map.of("strategy", "random", "trials", 3, "folds", 2, "parameters",
        Map.of("hiddenSizes", List.of(List.of(4), List.of(8), List.of(16)), "learningRate", List.of(0.01, 0.05))));
    var job = train(body, Duration.ofSeconds(90));

    var trials = (List<Map<String, Object>>) job.get("trials");
    assertThat(trials).hasSize(3);
    assertThat(trials.stream().map(t -> t.get("hyperparameters")).distinct()).hasSize(3);
    assertThat(trials).allSatisfy(t -> assertThat((List<?>) t.get("foldScores")).hasSize(2));
  }

  @Test
  @SuppressWarnings("unchecked")
  void progressIsVisibleWhileRunningAndCancelStopsTheJob() {
    String model = uniqueName("digits-cancel");
    var body = request(model, FixtureFeatureService.DIGITS, "multiclass", Map.of("type", "mlp", "hiddenSizes", List.of(32)),
        Map.of("learningRate", 0.001, "batchSize", 32, "epochs", 5000));
    Object id = submit(body).getBody().get("id");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      var progress = (Map<String, Object>) job(id).get("progress");
      return progress != null && ((Integer) progress.get("epoch")) >= 2;
    });
    var running = job(id);
    assertThat(running.get("state")).isEqualTo("RUNNING");
    var progress = (Map<String, Object>) running.get("progress");
    assertThat(progress).containsEntry("phase", "final").containsEntry("trial", 1).containsEntry("epochs", 5000);
    assertThat((Double) progress.get("loss")).isPositive();
    assertThat(((Number) progress.get("etaSeconds")).longValue()).isPositive();
    assertThat(((Number) progress.get("epochsPlanned")).longValue()).isEqualTo(5000);

    var cancel = http().post().uri("/api/v1/training-jobs/{id}:cancel", id).retrieve().toEntity(Map.class);
    assertThat(cancel.getStatusCode().value()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(job(id).get("state")));
    assertThat(job(id).get("modelVersion")).isNull();
    assertThat(http().get().uri("/api/v1/models/{m}", model).retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
    var again = http().post().uri("/api/v1/training-jobs/{id}:cancel", id).retrieve().toEntity(Map.class);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void aQueuedJobIsCancelledAtOnce() {
    dispatcher.claiming(false);
    try {
      Object id = submit(irisLogistic(uniqueName("iris-queued"), 5)).getBody().get("id");
      assertThat(job(id).get("state")).isEqualTo("QUEUED");
      http().post().uri("/api/v1/training-jobs/{id}:cancel", id).retrieve().toBodilessEntity();
      var job = job(id);
      assertThat(job.get("state")).isEqualTo("CANCELLED");
      assertThat(job.get("attempts")).isEqualTo(0);
    } finally {
      dispatcher.claiming(true);
    }
  }

  @Test
  void aRunningJobWhoseInstanceDiedIsRequeuedAndFinishedOrFailedAfterItsLastAttempt() {
    UUID retried = staleRunningJob(irisLogistic(uniqueName("iris-crash"), 10), 1);
    UUID exhausted = staleRunningJob(irisLogistic(uniqueName("iris-crash2"), 10), 2);

    await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(job(retried).get("state")));
    var job = job(retried);
    assertThat(job.get("attempts")).isEqualTo(2);
    assertThat(job.get("owner")).isEqualTo(dispatcher.owner());
    assertThat(job.get("modelVersion")).isEqualTo(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(job(exhausted).get("state")));
    assertThat((String) job(exhausted).get("error")).contains("dead-instance").contains("heartbeats");
  }

  /** What a crashed instance leaves behind: RUNNING, its owner gone, the heartbeat an hour old. */
  UUID staleRunningJob(Map<String, Object> request, int attempts) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO training_jobs (id, model_name, state, request, owner, attempts, created_at, started_at, heartbeat_at)
        VALUES (?, ?, 'RUNNING', ?::jsonb, 'dead-instance', ?, now(), now() - interval '1 hour', now() - interval '1 hour')""")
        .params(id, request.get("modelName"), EventJson.mapper().writeValueAsString(request), attempts).update();
    return id;
  }

  @Test
  void twoClaimersNeverGetTheSameJob() throws Exception {
    dispatcher.claiming(false);
    List<UUID> queued = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 40; i++) {
        UUID id = UUID.randomUUID();
        rows.insert(id, "claim-test", EventJson.mapper().writeValueAsString(irisLogistic("claim-test", 1)));
        queued.add(id);
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<UUID>>> claimers = new ArrayList<>();
      for (String owner : List.of("claimer-a", "claimer-b")) {
        claimers.add(pool.submit(() -> {
          go.await();
          List<UUID> mine = new ArrayList<>();
          for (var next = rows.claimNext(owner); next.isPresent(); next = rows.claimNext(owner)) {
            mine.add(next.get().job());
          }
          return mine;
        }));
      }
      go.countDown();
      List<UUID> a = claimers.get(0).get(30, TimeUnit.SECONDS);
      List<UUID> b = claimers.get(1).get(30, TimeUnit.SECONDS);
      assertThat(Collections.disjoint(a, b)).isTrue();
      Set<UUID> all = new HashSet<>(a);
      all.addAll(b);
      assertThat(all).containsAll(queued);
      assertThat(jdbc.sql("SELECT count(*) FROM training_jobs WHERE id = ANY(?) AND attempts = 1")
          .param(queued.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(40L);

      // one job, eight instances claiming it by id at once: exactly one wins
      UUID contested = UUID.randomUUID();
      rows.insert(contested, "claim-test", EventJson.mapper().writeValueAsString(irisLogistic("claim-test", 1)));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> wins = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String owner = "claimer-" + i;
        wins.add(pool.submit(() -> {
          start.await();
          return rows.claim(contested, owner).isPresent();
        }));
      }
      start.countDown();
      int winners = 0;
      for (var win : wins) {
        winners += win.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      queued.add(contested);
    } finally {
      pool.shutdownNow();
      jdbc.sql("DELETE FROM training_jobs WHERE id = ANY(?)").param(queued.toArray(UUID[]::new)).update();
      dispatcher.claiming(true);
    }
  }

  @Test
  void aJobRequestGoesThroughTheOutboxToTheReplicasTopicAndARedeliveryChangesNothing() {
    var job = train(irisLogistic(uniqueName("iris-kafka"), 5), Duration.ofSeconds(60));
    String id = (String) job.get("id");
    assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'TrainingJobRequested' AND record_key = ?")
        .param(id).query(Long.class).single()).isEqualTo(1L);

    List<String> keys = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "training-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
      consumer.subscribe(List.of(Topics.TRAINING_REQUESTS));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
        assertThat(keys).contains(id);
      });
    }

    dispatcher.offer(UUID.fromString(id)); // a redelivered request: the job is no longer QUEUED
    var after = job(id);
    assertThat(after.get("state")).isEqualTo("SUCCEEDED");
    assertThat(after.get("attempts")).isEqualTo(1);
  }
}
