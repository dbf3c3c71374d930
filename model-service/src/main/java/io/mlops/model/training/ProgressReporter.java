package io.mlops.model.training;

import io.mlops.events.EventJson;
import io.mlops.model.training.fit.EpochListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts epochs for the ETA and writes progress (with the heartbeat) at most every {@code interval};
 * each write also reads the job's cancel flag. A local cancel (same instance) is seen at the next epoch.
 * Writes run on a virtual thread, not the training thread: a database round trip (slow on a busy
 * machine) never stalls an epoch. They stay in order, and only the newest waiting snapshot is written;
 * a cancel flag read by a write is seen by the epoch after it.
 */
final class ProgressReporter implements EpochListener {

  private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

  private final JobLease lease;
  private final JobRows rows;
  private final Duration interval;
  private final AtomicBoolean cancelled;
  private final long startNanos = System.nanoTime();
  private final AtomicReference<Progress> pending = new AtomicReference<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private long lastWrite;
  private long epochsDone;
  long epochsPlanned;
  String phase = "loading";
  int trial;
  int trials;
  int fold;
  int folds;

  ProgressReporter(JobLease lease, JobRows rows, Duration interval, AtomicBoolean cancelled) {
    this.lease = lease;
    this.rows = rows;
    this.interval = interval;
    this.cancelled = cancelled;
  }

  @Override
  public boolean epochDone(int epoch, int epochs, double trainLoss, double validationLoss, double epochMillis) {
    epochsDone++;
    if (cancelled.get()) {
      return false;
    }
    long now = System.nanoTime();
    if (now - lastWrite >= interval.toNanos() || epoch == epochs) {
      lastWrite = now;
      long elapsed = now - startNanos;
      long remaining = Math.max(0, epochsPlanned - epochsDone);
      long eta = Math.round(elapsed / 1e9 / epochsDone * remaining);
      writeLater(new Progress(phase, trial, trials, fold, folds, epoch, epochs, finite(trainLoss), finite(validationLoss),
          eta, epochsDone, epochsPlanned, epochMillis));
    }
    return !cancelled.get();
  }

  /** Writes a progress snapshot outside an epoch (phase changes). */
  void phase(String newPhase) {
    this.phase = newPhase;
    writeLater(new Progress(phase, trial, trials, fold, folds, 0, 0, null, null, null, epochsDone, epochsPlanned, null));
  }

  private void writeLater(Progress progress) {
    pending.set(progress);
    if (writing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("training-progress-" + lease.job()).start(this::drain);
    }
  }

  /** Writes waiting snapshots one at a time until none is left; at most one drain runs per job. */
  private void drain() {
    try {
      Progress next;
      while ((next = pending.getAndSet(null)) != null) {
        try {
          write(next);
        } catch (RuntimeException e) {
          log.warn("progress of training job {} not written: {}", lease.job(), e.toString());
        }
      }
    } finally {
      writing.set(false);
      if (pending.get() != null && writing.compareAndSet(false, true)) {
        Thread.ofVirtual().name("training-progress-" + lease.job()).start(this::drain);
      }
    }
  }

  private void write(Progress progress) {
    boolean stillMine = rows.progress(lease, EventJson.mapper().writeValueAsString(progress))
        .map(cancel -> {
          if (cancel) {
            cancelled.set(true);
          }
          return true;
        }).orElse(false);
    if (!stillMine) {
      cancelled.set(true); // recovered by another instance or cancelled: stop working on it
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
