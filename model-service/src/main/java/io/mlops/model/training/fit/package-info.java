/** Fitting with DJL: the training loop, splits, cross-validation, search candidates and evaluation metrics (no Spring). */
package io.mlops.model.training.fit;
