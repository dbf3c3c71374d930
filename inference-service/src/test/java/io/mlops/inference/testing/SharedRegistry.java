package io.mlops.inference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One test registry per JVM with every fixture model published. */
public final class SharedRegistry {

    /** A SHA-256 that is not the artifact's: the registry announces it, inference must refuse to load. */
    public static final String WRONG_SHA256 = "0".repeat(64);

    private static final TestRegistry REGISTRY = create();

    private SharedRegistry() {
    }

    public static TestRegistry get() {
        return REGISTRY;
    }

    private static TestRegistry create() {
        try {
            Path folder = Files.createTempDirectory("inference-test-artifacts");
            Path iris = Models.irisArchive(folder);
            Path digits = Models.digitsArchive(folder);
            TestRegistry registry = TestRegistry.start();
            registry.publish("iris", 1, iris);
            registry.publish("iris", 2, iris);
            registry.setAlias("iris", "production", 1);
            registry.setAlias("iris", "staging", 2);
            registry.publish("iris-std", 1, Models.irisStandardizedArchive(folder));
            registry.publish("digits", 1, digits);
            registry.setAlias("digits", "production", 1);
            registry.publish("digits-tiny", 1, digits);
            registry.publish("digits-unbatched", 1, digits);
            registry.publish("digits-late", 1, digits);
            registry.publishWithSha("tampered", 1, iris, WRONG_SHA256);
            registry.publishWithRecordSha("swapped", 1, iris, WRONG_SHA256);
            registry.publish("switching", 1, iris);
            registry.publish("switching", 2, iris);
            registry.setAlias("switching", "production", 1);
            for (String model : new String[] {"split-weights", "split-sticky", "split-shadow", "split-broken"}) {
                registry.publish(model, 1, iris);
                registry.publish(model, 2, iris);
                registry.setAlias(model, "production", 1);
            }
            registry.publishWithSha("split-broken", 3, iris, WRONG_SHA256);
            registry.publish("split-deploy", 1, iris);
            registry.publish("split-deploy", 2, iris);
            registry.setAlias("split-deploy", "production", 1);
            // AliasRefreshIntegrationTest moves or removes these aliases in the registry alone, without an event
            registry.publish("refresh-broken", 1, iris);
            registry.publishWithRecordSha("refresh-broken", 2, iris, WRONG_SHA256);
            registry.setAlias("refresh-broken", "production", 1);
            registry.publish("refresh-good", 1, iris);
            registry.publish("refresh-good", 2, iris);
            registry.setAlias("refresh-good", "production", 1);
            registry.publish("refresh-removed", 1, iris);
            registry.setAlias("refresh-removed", "x", 1);
            registry.dropConnections("registry-down");
            registry.failWith("registry-failing", 500);
            registry.publish("iris-online", 1, Models.irisWithFeatureSet(folder, TestFeatureStore.IRIS));
            registry.publish("iris-slow-features", 1, Models.irisWithFeatureSet(folder, TestFeatureStore.SLOW));
            registry.publish("iris-broken-features", 1, Models.irisWithFeatureSet(folder, TestFeatureStore.BROKEN));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
