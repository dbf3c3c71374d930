/** Reads dataset versions (metadata and streamed CSV rows) from the data-service over HTTP. */
package io.mlops.feature.source;
