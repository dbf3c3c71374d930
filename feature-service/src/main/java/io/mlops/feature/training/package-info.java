/** Training data from the offline store, streamed as CSV or JSON Lines, with point-in-time-correct joins in SQL. */
package io.mlops.feature.training;
