/** Materialization jobs: stream a dataset version through the fitted spec into the offline table (COPY) and Redis. */
package io.mlops.feature.materialization;
