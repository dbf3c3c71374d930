package io.mlops.model.retraining;

import io.mlops.domain.model.AliasChange;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelVersionView;
import io.mlops.model.retraining.RetrainingRun.Decision;
import io.mlops.model.training.JobState;
import io.mlops.model.training.TrainingJobView;
import io.mlops.model.training.TrainingJobs;
import io.mlops.support.web.ApiProblem;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The champion/challenger gate. Every {@code check-interval} it looks at the open runs; one whose job has
 * ended is decided in one transaction with the run row locked ({@code SKIP LOCKED}: replicas never decide
 * the same run): a failed or cancelled job → FAILED; otherwise both versions are compared on the task's
 * selection metric (R² for regression, accuracy for classification; higher is better) on the same holdout
 * ({@link HoldoutScorer}) and the alias moves
 * to the challenger — history entry, ModelDeployed through the outbox — only if it beats the champion by
 * more than the policy's {@code minImprovement} and the alias still points at the champion; else REJECTED,
 * recorded in the alias history with both scores.
 *
 * <p>Scoring loads both artifacts and reads the raw rows while the run row is locked: a second or so
 * per run, and it keeps two replicas from deciding the same run.
 */
@Component
class ChallengerGate implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChallengerGate.class);

  private final RunRows runs;
  private final PolicyRows policies;
  private final TrainingJobs jobs;
  private final ModelRegistry registry;
  private final HoldoutScorer scorer;
  private final RetrainingProperties properties;
  private final TransactionTemplate tx;
  private ScheduledExecutorService timer;

  ChallengerGate(RunRows runs, PolicyRows policies, TrainingJobs jobs, ModelRegistry registry,
      HoldoutScorer scorer, RetrainingProperties properties, PlatformTransactionManager transactions) {
    this.scorer = scorer;
    this.runs = runs;
    this.policies = policies;
    this.jobs = jobs;
    this.registry = registry;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactions);
  }

  /** Decides every open run whose job has ended; returns how many were decided. */
  int check() {
    int decided = 0;
    for (UUID id : runs.openIds()) {
      try {
        if (Boolean.TRUE.equals(tx.execute(status -> decide(id)))) {
          decided++;
        }
      } catch (RuntimeException e) {
        log.warn("retraining run {} could not be gated: {}", id, e.toString());
      }
    }
    return decided;
  }

  private boolean decide(UUID id) {
    RetrainingRun run = runs.lockOpen(id).orElse(null);
    if (run == null) {
      return false; // decided meanwhile, or another instance is deciding it
    }
    TrainingJobView job;
    try {
      job = jobs.get(run.trainingJobId());
    } catch (ApiProblem e) {
      fail(run, null, "training job " + run.trainingJobId() + " is gone: " + e.getMessage());
      return true;
    }
    if (!job.state().finished()) {
      return false;
    }
    if (job.state() != JobState.SUCCEEDED || job.modelVersion() == null) {
      fail(run, null, "challenger job " + job.id() + " ended " + job.state() + (job.error() == null ? ""
          : ": " + job.error()));
      return true;
    }
    int challenger = job.modelVersion();
    ModelVersionView championVersion = registry.version(run.model(), run.championVersion());
    ModelVersionView challengerVersion = registry.version(run.model(), challenger);
    HoldoutScorer.Scores scored;
    try {
      scored = scorer.score(championVersion, challengerVersion, job.id(), holdoutRows(job));
    } catch (RuntimeException e) {
      fail(run, challenger, "could not score v" + run.championVersion() + " against v" + challenger + ": "
          + e.getMessage());
      return true;
    }
    String metric = scored.metric();
    double championScore = scored.champion();
    double challengerScore = scored.challenger();
    double minImprovement = policies.find(run.model()).map(RetrainingPolicy::minImprovement).orElse(0.0);
    String scores = String.format(Locale.ROOT, "challenger v%d %s %.4f vs champion v%d %.4f, %s (min improvement %s)",
        challenger, metric, challengerScore, run.championVersion(), championScore, scored.basis(), minImprovement);
    String cause = " [run " + run.id() + ", " + run.trigger().type() + " " + run.trigger().eventId() + "]";
    if (challengerScore - championScore > minImprovement) {
      String reason = "retraining promoted: " + scores + cause;
      if (registry.moveAliasIf(run.model(), run.alias(), run.championVersion(), challenger, RetrainingStarter.ACTOR,
          reason)) {
        runs.finish(run.id(), challenger, metric, championScore, challengerScore, Decision.PROMOTED, reason);
        log.info("{} '{}' moved v{} -> v{}: {}", run.model(), run.alias(), run.championVersion(), challenger, scores);
        return true;
      }
      reject(run, challenger, metric, championScore, challengerScore, "retraining rejected: " + scores
          + ", but the alias no longer points at the champion, so it stays where it is" + cause);
      return true;
    }
    reject(run, challenger, metric, championScore, challengerScore,
        "retraining rejected: " + scores + "; the alias stays on v" + run.championVersion() + cause);
    return true;
  }

  private static Integer holdoutRows(TrainingJobView job) {
    return job.result() != null && job.result().get("holdoutRows") instanceof Number n ? n.intValue() : null;
  }

  private void reject(RetrainingRun run, int challenger, String metric, double championScore, double challengerScore,
      String reason) {
    runs.finish(run.id(), challenger, metric, championScore, challengerScore, Decision.REJECTED, reason);
    step(run, AliasChange.Action.RETRAINING_REJECTED, reason);
    log.info("{} '{}': {}", run.model(), run.alias(), reason);
  }

  private void fail(RetrainingRun run, Integer challenger, String reason) {
    String text = "retraining failed: " + reason + " [run " + run.id() + "]";
    runs.finish(run.id(), challenger, null, null, null, Decision.FAILED, text);
    step(run, AliasChange.Action.RETRAINING_FAILED, text);
    log.warn("{} '{}': {}", run.model(), run.alias(), text);
  }

  /** History entry at the version the alias holds now (the champion, unless someone moved it meanwhile). */
  private void step(RetrainingRun run, AliasChange.Action action, String reason) {
    Integer current = registry.model(run.model()).aliases().get(run.alias());
    if (current != null) {
      registry.recordAliasStep(run.model(), run.alias(), current, action, RetrainingStarter.ACTOR, reason);
    }
  }

  @Override
  public synchronized void start() {
    if (!properties.actOnTriggers()) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("retraining-gate").factory());
    long every = properties.checkInterval().toMillis();
    timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
