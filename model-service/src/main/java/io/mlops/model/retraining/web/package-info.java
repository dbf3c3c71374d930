/** REST adapter of retraining: {@code /api/v1/models/{name}/retraining-policy} and {@code .../retraining-runs}. */
package io.mlops.model.retraining.web;
