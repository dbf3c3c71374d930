/** Registered models, their versions, aliases, hyperparameters, metrics and lineage. */
package io.mlops.domain.model;
