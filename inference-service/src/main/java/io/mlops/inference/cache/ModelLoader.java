package io.mlops.inference.cache;

/** Loads one model version, e.g. download, verify the SHA-256, then load into DJL. Called once per miss. */
@FunctionalInterface
public interface ModelLoader<K, V extends AutoCloseable> {

    LoadedModel<V> load(K key) throws Exception;
}
