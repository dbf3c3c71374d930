/** Reads feature-set versions and their training data from the feature-service. */
package io.mlops.model.training.data;
