package io.mlops.runtime.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Turns a whole batch into one tensor and the output tensor into one array: one native allocation
 * in, one Java array out, whatever the number of rows. Both tensors live in the per-call manager
 * that DJL's predictor closes after each call.
 */
final class FloatBatchTranslator implements NoBatchifyTranslator<FloatBatch, float[]> {

  @Override
  public NDList processInput(TranslatorContext ctx, FloatBatch batch) {
    return new NDList(ctx.getNDManager().create(batch.data(), new Shape(batch.rows(), batch.columns())));
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    NDArray out = list.get(0);
    return out.getDataType() == DataType.FLOAT32 ? out.toFloatArray() : out.toType(DataType.FLOAT32, false).toFloatArray();
  }
}
