/** Datasets, their immutable versions, schemas and column profiles. */
package io.mlops.domain.data;
