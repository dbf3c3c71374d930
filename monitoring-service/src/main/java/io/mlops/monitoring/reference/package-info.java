/** Training references of model versions: their data sample (from the data-service or uploaded) and training metrics. */
package io.mlops.monitoring.reference;
