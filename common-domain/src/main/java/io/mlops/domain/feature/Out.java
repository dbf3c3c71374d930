package io.mlops.domain.feature;

/** Where evaluation writes: a double[] or a float[] buffer, so one code path serves both. */
interface Out {

  void set(int index, double value);

  static Out of(double[] buffer) {
    return (index, value) -> buffer[index] = value;
  }

  static Out of(float[] buffer) {
    return (index, value) -> buffer[index] = (float) value;
  }
}
