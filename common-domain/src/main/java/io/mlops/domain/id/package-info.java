/** Typed identifiers: a record per aggregate so a dataset id can never be passed where a model id is meant. */
package io.mlops.domain.id;
