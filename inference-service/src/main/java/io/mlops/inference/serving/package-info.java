/** Model versions served with DJL: registry download, SHA-256 check, loading, batching executor per version, input encoding. */
package io.mlops.inference.serving;
