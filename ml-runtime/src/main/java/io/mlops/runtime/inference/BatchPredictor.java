package io.mlops.runtime.inference;

import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs batches through one model. <b>Not thread-safe: one predictor per worker thread, never shared.</b>
 * Create as many as there are workers with {@link LoadedModel#newPredictor()}; each holds its own
 * DJL {@link Predictor}. Closing the model closes its predictors too.
 *
 * <p>The lock is not there for sharing: it is always uncontended under correct use, and only makes
 * a {@link LoadedModel#close()} from another thread (cache eviction) wait for a batch in flight,
 * instead of freeing native memory under it.
 */
public final class BatchPredictor implements AutoCloseable {

  private final LoadedModel owner;
  private final Predictor<FloatBatch, float[]> predictor;
  private final int inputWidth;
  private final int outputWidth;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  BatchPredictor(LoadedModel owner, Predictor<FloatBatch, float[]> predictor, int inputWidth, int outputWidth) {
    this.owner = owner;
    this.predictor = predictor;
    this.inputWidth = inputWidth;
    this.outputWidth = outputWidth;
  }

  /**
   * @param rowMajor {@code rows × inputWidth()} values, row after row; not modified, not kept
   * @param rows number of rows, at least 1
   * @return {@code rows × outputWidth()} outputs, row after row (logits for classification)
   * @throws InputShapeMismatch if {@code rowMajor.length != rows × inputWidth()}
   * @throws ModelAlreadyClosed if this predictor or its model was closed
   * @throws PredictionFailed if the engine fails
   */
  public float[] predict(float[] rowMajor, int rows) {
    if (rows < 1 || (long) rows * inputWidth != rowMajor.length) {
      throw new InputShapeMismatch("expected " + rows + " rows of " + inputWidth + " values, got "
          + rowMajor.length + " values");
    }
    lock.lock();
    try {
      if (closed) {
        throw new ModelAlreadyClosed("predictor of model '" + owner.name() + "' is closed");
      }
      // Per call, not per predictor: a virtual thread may run on another carrier (OS thread) each time.
      TorchThreads.applyToCurrentThread();
      float[] out = predictor.predict(new FloatBatch(rowMajor, rows, inputWidth));
      if (out.length != rows * outputWidth) {
        throw new ModelOutputMismatch("model '" + owner.name() + "' returned " + out.length + " values for "
            + rows + " rows; its output declares " + outputWidth + " per row");
      }
      return out;
    } catch (TranslateException | EngineException e) {
      throw new PredictionFailed("model '" + owner.name() + "' failed on a batch of " + rows + " rows", e);
    } finally {
      lock.unlock();
    }
  }

  public int inputWidth() {
    return inputWidth;
  }

  public int outputWidth() {
    return outputWidth;
  }

  /** Frees this predictor's native resources; the model stays usable. Idempotent. */
  @Override
  public void close() {
    release();
    owner.forget(this);
  }

  void release() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        predictor.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
