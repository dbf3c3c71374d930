package io.mlops.model.training.fit;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * A trained network: predicts raw outputs (values or logits) and owns the DJL model, so it must be
 * closed. {@code bestEpoch} is the epoch with the lowest validation loss (the last epoch without one).
 */
public final class FittedNet implements AutoCloseable {

  private final Model model;
  private final int outputUnits;
  private final int bestEpoch;
  private final double finalLoss;
  private final double[] epochMillis;
  private final double[] epochCpuMillis;

  FittedNet(Model model, int outputUnits, int bestEpoch, double finalLoss, double[] epochMillis,
      double[] epochCpuMillis) {
    this.model = model;
    this.outputUnits = outputUnits;
    this.bestEpoch = bestEpoch;
    this.finalLoss = finalLoss;
    this.epochMillis = epochMillis;
    this.epochCpuMillis = epochCpuMillis;
  }

  /** Wall time of each epoch run, in order, including the epoch listener (progress, cancel check). */
  public double[] epochMillis() {
    return epochMillis.clone();
  }

  /** CPU time of the training thread in each epoch (as {@link #epochMillis}); other torch threads not counted. */
  public double[] epochCpuMillis() {
    return epochCpuMillis.clone();
  }

  public Model model() {
    return model;
  }

  public int bestEpoch() {
    return bestEpoch;
  }

  public double finalLoss() {
    return finalLoss;
  }

  public int outputUnits() {
    return outputUnits;
  }

  /** Outputs row-major, rows × outputUnits, with dropout off. */
  public float[] predict(Matrix data) {
    try (NDManager manager = model.getNDManager().newSubManager()) {
      var x = manager.create(FloatBuffer.wrap(data.x()), new Shape(data.rows(), data.cols()));
      NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
