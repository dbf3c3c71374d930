/** Immutable, content-addressed dataset versions: the ingestion pipeline, reads, downloads and the guarded delete. */
package io.mlops.data.version;
