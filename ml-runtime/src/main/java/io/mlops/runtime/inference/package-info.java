/** Loading model artifacts with the PyTorch engine and batched, per-thread prediction. */
package io.mlops.runtime.inference;
