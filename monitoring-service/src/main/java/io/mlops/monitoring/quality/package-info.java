/** Delayed feedback joined to stored predictions, windowed model quality against the training metrics. */
package io.mlops.monitoring.quality;
