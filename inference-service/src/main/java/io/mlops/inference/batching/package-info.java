/** Dynamic batching per model version: a bounded request queue, one predictor per worker, greedy batch forming. */
package io.mlops.inference.batching;
