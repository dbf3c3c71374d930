/** Micrometer meters of the inference path, tagged by model and version. */
package io.mlops.inference.metrics;
