package io.mlops.model.training.fit;

import java.util.List;

/**
 * Training rows as primitive arrays: features row-major, and either a regression target or a class
 * index per row. One allocation per column block, never one per row.
 *
 * @param classLabels sorted class labels (index = class); empty for regression
 */
public record Matrix(float[] x, int rows, int cols, float[] target, int[] classes, List<String> classLabels) {

  public boolean classification() {
    return classes != null;
  }

  /** The rows at the given indices, in that order. */
  public Matrix rows(int[] indices) {
    float[] nx = new float[indices.length * cols];
    float[] nt = target == null ? null : new float[indices.length];
    int[] nc = classes == null ? null : new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(x, indices[i] * cols, nx, i * cols, cols);
      if (nt != null) {
        nt[i] = target[indices[i]];
      }
      if (nc != null) {
        nc[i] = classes[indices[i]];
      }
    }
    return new Matrix(nx, indices.length, cols, nt, nc, classLabels);
  }
}
