package io.mlops.model.training;

import io.mlops.events.EventJson;
import io.mlops.model.training.fit.FitCancelled;
import io.mlops.runtime.inference.TorchThreads;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Spreads jobs over instances: a job request record (Kafka, one consumer group) or a poll for the
 * oldest QUEUED job ({@code FOR UPDATE SKIP LOCKED}) leads an instance with a free worker (bounded:
 * {@code workers}) to claim the job with an atomic conditional UPDATE, so two instances never run the
 * same job. The poll also picks up what no consumer could take (all workers busy) and re-queued jobs. A running job's heartbeat is refreshed on a timer;
 * every poll (and so every start) re-queues or fails RUNNING jobs whose heartbeat went stale.
 */
@Component
class JobDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobRows rows;
  private final JobExecution execution;
  private final TrainingProperties properties;
  private final String owner;
  private final Semaphore freeWorkers;
  private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();
  private volatile boolean claiming;
  private volatile boolean stopping;
  private ExecutorService workers;
  private ScheduledExecutorService timers;

  JobDispatcher(JobRows rows, JobExecution execution, TrainingProperties properties) {
    this.rows = rows;
    this.execution = execution;
    this.properties = properties;
    this.owner = properties.instanceId() != null ? properties.instanceId() : defaultInstanceId();
    this.freeWorkers = new Semaphore(Math.max(1, properties.workers()));
    this.claiming = properties.claimJobs();
  }

  String owner() {
    return owner;
  }

  /** Looks for work now rather than at the next poll (after a job was queued or a worker freed). */
  void wake() {
    ScheduledExecutorService t = timers;
    if (t != null && !t.isShutdown()) {
      t.execute(this::poll);
    }
  }

  /** Sets the local cancel flag of a job running here; the runner sees it at its next epoch. */
  void cancelLocal(UUID id) {
    AtomicBoolean flag = running.get(id);
    if (flag != null) {
      flag.set(true);
    }
  }

  /**
   * Tests: stop or resume claiming (recovery keeps running). Runs on the poll thread, so when it
   * returns no poll that saw the old value is still in flight.
   */
  void claiming(boolean on) {
    try {
      timers.submit(() -> claiming = on).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not switch claiming", e);
    }
    if (on) {
      wake();
    }
  }

  @Override
  public synchronized void start() {
    stopping = false;
    workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), Thread.ofPlatform().name("training-", 0).factory());
    timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("training-dispatch").factory());
    timers.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(this::heartbeat, properties.heartbeatInterval().toMillis(),
        properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timers == null) {
      return;
    }
    timers.shutdownNow();
    stopping = true; // running jobs stop at their next epoch and go back to QUEUED for another instance
    running.values().forEach(flag -> flag.set(true));
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    timers = null;
  }

  @Override
  public boolean isRunning() {
    return timers != null;
  }

  private void poll() {
    try {
      int recovered = rows.recoverStale(properties.staleAfter(), properties.maxAttempts());
      if (recovered > 0) {
        log.warn("recovered {} training job(s) whose instance stopped sending heartbeats", recovered);
      }
      while (claiming && freeWorkers.tryAcquire()) {
        var claimed = rows.claimNext(owner);
        if (claimed.isEmpty()) {
          freeWorkers.release();
          return;
        }
        start(claimed.get());
      }
    } catch (RuntimeException e) {
      log.warn("training job poll failed: {}", e.toString());
    }
  }

  /**
   * A job request arrived (Kafka): claim that job if a worker is free. A redelivered or stale request
   * finds the job no longer QUEUED and does nothing; a job not taken here waits for the next poll.
   */
  void offer(UUID id) {
    if (!claiming || !freeWorkers.tryAcquire()) {
      return;
    }
    try {
      var lease = rows.claim(id, owner);
      if (lease.isPresent()) {
        start(lease.get());
        return;
      }
    } catch (RuntimeException e) {
      freeWorkers.release();
      throw e;
    }
    freeWorkers.release();
  }

  /** Runs a job this instance has claimed, on a worker whose permit the caller holds. */
  private void start(JobLease lease) {
    AtomicBoolean cancelled = new AtomicBoolean();
    running.put(lease.job(), cancelled);
    workers.execute(() -> run(lease, cancelled));
  }

  private void heartbeat() {
    try {
      rows.heartbeat(owner, List.copyOf(running.keySet()));
    } catch (RuntimeException e) {
      log.warn("training heartbeat failed: {}", e.toString());
    }
  }

  private void run(JobLease lease, AtomicBoolean cancelled) {
    UUID id = lease.job();
    try {
      // intra-op threads are per thread that runs torch code: set them on this worker
      TorchThreads.configure(Math.max(1, properties.torchThreads()), TorchThreads.current().interOp());
      JobRow row = rows.find(id).orElseThrow();
      TrainingPlan plan = TrainingPlan.of(EventJson.mapper().readValue(row.request(), TrainingJobRequest.class));
      var progress = new ProgressReporter(lease, rows, properties.progressInterval(), cancelled);
      execution.run(lease, plan, progress); // registering the model also marks the job SUCCEEDED
    } catch (JobNoLongerOwned e) {
      // another instance took the job over (or it ended): its row is not ours to write
      log.warn("{}", e.getMessage());
    } catch (RuntimeException | Error e) {
      if (stopping) {
        rows.requeue(lease);
        return;
      }
      if (e instanceof FitCancelled) {
        rows.finish(lease, JobState.CANCELLED, null, null, "cancelled");
        return;
      }
      log.warn("training job {} failed", id, e);
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      rows.finish(lease, cancelled.get() ? JobState.CANCELLED : JobState.FAILED, null, null, message);
    } finally {
      running.remove(id, cancelled); // a later claim of the same job by this instance keeps its entry
      freeWorkers.release();
      wake();
    }
  }

  private static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
