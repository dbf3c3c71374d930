/**
 * Content-addressed blob storage (dataset files, model artifacts): a port with a filesystem implementation.
 * Uploads are staged (streamed to a temp file while hashing) and only committed once the caller accepted
 * them, so rejected input never leaves a blob behind.
 */
package io.mlops.support.blob;
