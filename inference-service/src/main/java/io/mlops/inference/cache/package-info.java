/** Loaded model versions held in memory: loaded once, bounded by count and bytes, closed only when no one uses them. */
package io.mlops.inference.cache;
