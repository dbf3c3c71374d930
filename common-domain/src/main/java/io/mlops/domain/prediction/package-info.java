/** Prediction requests and results as the inference API speaks them. */
package io.mlops.domain.prediction;
