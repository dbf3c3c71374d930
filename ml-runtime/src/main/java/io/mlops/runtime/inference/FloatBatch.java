package io.mlops.runtime.inference;

/** A row-major matrix on its way into the engine; wraps the caller's array without copying it. */
record FloatBatch(float[] data, int rows, int columns) {}
