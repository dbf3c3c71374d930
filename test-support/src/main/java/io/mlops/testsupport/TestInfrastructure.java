package io.mlops.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The entry point: {@code TestInfrastructure.get().postgres()} and friends, for any test, Spring or not.
 * The kind is chosen once per JVM: {@code -Dmlops.test.infrastructure=embedded|containers} forces one,
 * otherwise containers when Docker answers and embedded servers when it does not.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile Infrastructure instance;

    private TestInfrastructure() {
    }

    public static PostgresServer postgres() {
        return get().postgres();
    }

    public static RedisServerAddress redis() {
        return get().redis();
    }

    public static String kafkaBootstrapServers() {
        return get().kafkaBootstrapServers();
    }

    private static Infrastructure get() {
        Infrastructure local = instance;
        if (local == null) {
            synchronized (TestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    local = create();
                    log.info("Test infrastructure: {}", local.describe());
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Infrastructure create() {
        String choice = System.getProperty("mlops.test.infrastructure", System.getenv().getOrDefault("MLOPS_TEST_INFRASTRUCTURE", "auto"));
        boolean containers = switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        if (containers) {
            ContainerInfrastructure infra = new ContainerInfrastructure();
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "test-infrastructure-stop"));
            return infra;
        }
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "test-infrastructure-stop"));
        return infra;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
