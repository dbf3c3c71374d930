package io.mlops.runtime.inference;

import ai.djl.Model;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model in native memory, ready to predict. Thread-safe: any thread may call
 * {@link #newPredictor()} and {@link #close()}; each {@link BatchPredictor} belongs to one thread.
 * {@link #close()} frees everything: the predictors created from it, the model and its NDManager.
 */
public final class LoadedModel implements AutoCloseable {

  private final String name;
  private final Model model;
  private final ModelManifest manifest;
  private final Set<BatchPredictor> predictors = ConcurrentHashMap.newKeySet();
  private boolean closed;

  LoadedModel(String name, Model model, ModelManifest manifest) {
    this.name = name;
    this.model = model;
    this.manifest = manifest;
  }

  public String name() {
    return name;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public InputSignature signature() {
    return manifest.input();
  }

  public OutputSpec output() {
    return manifest.output();
  }

  /** Where the parameters live and predictions run (the device given to {@link ModelLoader}). */
  public ai.djl.Device device() {
    return model.getNDManager().getDevice();
  }

  /** Columns of the input matrix: {@code signature().width()}. */
  public int inputWidth() {
    return manifest.input().width();
  }

  /** Outputs per row: {@code output().units()}. */
  public int outputWidth() {
    return manifest.output().units();
  }

  /**
   * A new predictor for the calling thread. Never share it across threads; close it when the
   * worker ends (or let {@link #close()} do it).
   *
   * @throws ModelAlreadyClosed after {@link #close()}
   */
  public synchronized BatchPredictor newPredictor() {
    if (closed) {
      throw new ModelAlreadyClosed("model '" + name + "' is closed");
    }
    var predictor = new BatchPredictor(this, model.newPredictor(new FloatBatchTranslator()), inputWidth(), outputWidth());
    predictors.add(predictor);
    return predictor;
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Closes every predictor (waiting for a batch in flight), then the model. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (BatchPredictor predictor : new ArrayList<>(predictors)) {
      predictor.release();
    }
    predictors.clear();
    model.close();
  }

  void forget(BatchPredictor predictor) {
    predictors.remove(predictor);
  }

  Model djlModel() {
    return model;
  }

  int openPredictors() {
    return predictors.size();
  }
}
