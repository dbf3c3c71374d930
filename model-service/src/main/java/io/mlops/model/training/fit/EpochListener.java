package io.mlops.model.training.fit;

/** Told after every epoch; answers whether to go on (false = the job was cancelled). */
@FunctionalInterface
public interface EpochListener {

  /**
   * @param validationLoss NaN without a validation split
   * @param epochMillis wall time of this epoch's work (shuffle, batches, validation loss)
   */
  boolean epochDone(int epoch, int epochs, double trainLoss, double validationLoss, double epochMillis);
}
