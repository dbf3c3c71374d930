/**
 * Closed-loop retraining: per-model policies, DriftDetected / ModelPerformanceDegraded triggers that
 * retrain the champion's configuration on the newest feature-set version, and the champion/challenger
 * gate that moves the alias only for a better challenger, every step in the alias history.
 */
package io.mlops.model.retraining;
