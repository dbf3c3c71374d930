package io.mlops.standalone.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.data.settings.DataProperties;
import io.mlops.standalone.StandaloneProperties;
import io.mlops.standalone.servers.ServerAddresses;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The suite tells each service where the others are; docker-compose.yml and the Kubernetes config map must tell it
 * the same, or a service in a container calls its localhost default (the model-service once did for training data).
 * And each Kubernetes pod's memory limit must hold its heap and what the service keeps outside it, or it is OOM-killed;
 * and compose's Kafka must keep its log on a volume.
 */
class DeploymentWiringTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "deploy/k8s/base/config.yaml"})
    void everyServiceAddressTheSuiteSetsIsSetThereToo(String file) throws Exception {
        String text = Files.readString(Path.of("..").resolve(file));
        Map<Service, URI> started = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            started.put(service, URI.create("http://" + service.serviceName() + ":1")); // the host names the service
        }
        var settings = new StandaloneProperties(Path.of(".mlops"), null, null, null, Duration.ofSeconds(1));
        var servers = new ServerAddresses("jdbc:postgresql://localhost/mlops", "mlops", "mlops", "localhost", 6379, "localhost:9092");
        for (Service service : Service.values()) {
            Arrays.stream(ServiceArguments.of(service, 1, settings, servers, started))
                    .filter(arg -> arg.startsWith("--mlops.") && arg.substring(0, arg.indexOf('=')).endsWith("-url"))
                    .forEach(arg -> {
                        String variable = arg.substring(2, arg.indexOf('=')).toUpperCase().replace('.', '_').replace('-', '_');
                        String target = URI.create(arg.substring(arg.indexOf('=') + 1)).getHost();
                        // the right service by name, on whichever of its ports (the inference-service uses the lookup listener)
                        assertThat(text).as("%s points %s of the %s at the %s", file, variable, service.serviceName(), target)
                                .containsPattern("(?m)^\\s*" + variable + ":\\s*http://" + target + ":\\d+\\s");
                    });
        }
    }

    /**
     * The apache/kafka image writes its log (every event not yet consumed) to {@code KAFKA_LOG_DIRS}, by default
     * {@code /tmp/kraft-combined-logs} inside the container: unless a volume holds it, recreating the container loses it.
     */
    @Test
    void composeKeepsTheKafkaLogOnAVolume() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("../docker-compose.yml"));
        Properties compose = yaml.getObject();
        String logDirs = compose.getProperty("services.kafka.environment.KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs");
        List<Path> mounted = new ArrayList<>();
        for (int i = 0; compose.containsKey("services.kafka.volumes[" + i + "]"); i++) {
            mounted.add(Path.of(compose.getProperty("services.kafka.volumes[" + i + "]").split(":")[1]));
        }
        for (String dir : logDirs.split(",")) {
            assertThat(mounted).as("volumes holding the Kafka log dir %s", dir).anyMatch(Path.of(dir.strip())::startsWith);
        }
    }

    /**
     * The {@code nvidia.com/gpu} limit already keeps the GPU pod on nodes whose device plugin advertises GPUs. A node
     * selector on a label such as {@code nvidia.com/gpu.present}, which only GPU Feature Discovery sets, would leave it
     * Pending on clusters with the device plugin alone (GKE's managed drivers, EKS GPU AMIs, AKS).
     */
    @Test
    void theGpuOverlayIsScheduledByItsGpuLimitAlone() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("../deploy/k8s/overlays/gpu/inference-gpu.yaml"));
        Properties patch = yaml.getObject();
        assertThat(patch.getProperty("spec.template.spec.containers[0].resources.limits.nvidia.com/gpu")).isEqualTo("1");
        assertThat(patch.getProperty("spec.template.spec.tolerations[0].key")).isEqualTo("nvidia.com/gpu");
        assertThat(patch.stringPropertyNames()).as("node selectors").noneMatch(key -> key.contains("nodeSelector"));
    }

    /**
     * Loaded models and libtorch live outside the Java heap, so the inference-service's limit must hold the heap, the
     * model cache's byte bound and what the JVM and libtorch need besides (0.25 + 0.33 GiB measured, plus mapped code;
     * inference-service README, "Memory budget"). The image's 75 % heap with the cache's 1 GB default did not fit.
     */
    @Test
    void theInferenceServiceLimitHoldsHeapModelsAndLibtorch() throws Exception {
        Pod pod = Pod.of("inference-service.yaml");
        double cacheMiB = Double.parseDouble(pod.find("MLOPS_INFERENCE_CACHE_MAX_BYTES, value: (\\d+)MB"));
        assertThat(pod.heapMiB() + cacheMiB + JVM_AND_LIBTORCH_MIB).as("heap %.0f + models %.0f + %d MiB", pod.heapMiB(),
                cacheMiB, JVM_AND_LIBTORCH_MIB).isLessThanOrEqualTo(pod.limitMiB());
    }

    /**
     * The model-service trains with libtorch too, and each epoch's rows are copied into one native tensor pair: its
     * limit must hold the heap, the JVM's and libtorch's own memory (as the inference-service's; 0.37 + 0.17 GiB measured
     * in the training benchmark's JVM) and that copy (model-service README, "Memory budget"). The image's 75 % heap did
     * not fit.
     */
    @Test
    void theModelServiceLimitHoldsHeapLibtorchAndAnEpochOfTrainingRows() throws Exception {
        Pod pod = Pod.of("model-service.yaml");
        double epochMiB = 1_000_000 * 65 * 4 / 1024.0 / 1024; // a million rows of 64 features and a label, as float32
        assertThat(pod.heapMiB() + JVM_AND_LIBTORCH_MIB + epochMiB).as("heap %.0f + %d + epoch tensors %.0f MiB",
                pod.heapMiB(), JVM_AND_LIBTORCH_MIB, epochMiB).isLessThanOrEqualTo(pod.limitMiB());
    }

    /**
     * Without libtorch the limit must still hold the heap and the JVM's own memory (metaspace, code, GC structures,
     * thread stacks): 0.30 GiB committed besides the heap and 0.06 GiB resident beyond what the JVM tracks in the
     * feature-service's benchmark JVM, 0.24 + 0.04 GiB in the monitoring-service's (both also hold a Kafka broker;
     * bench/feature-online and bench/monitoring results). The image's 75 % heap of 1 GiB left 0.25 GiB.
     */
    @ParameterizedTest
    @ValueSource(strings = {"feature-service.yaml", "monitoring-service.yaml"})
    void theLimitHoldsTheHeapAndTheJvmsOwnMemory(String file) throws Exception {
        Pod pod = Pod.of(file);
        assertThat(pod.heapMiB() + JVM_MIB).as("heap %.0f + %d MiB", pod.heapMiB(), JVM_MIB)
                .isLessThanOrEqualTo(pod.limitMiB());
    }

    /**
     * The data-service reads and profiles files with DuckDB, in native memory outside the heap, up to its
     * {@code memory-limit} per ingestion and {@code max-concurrent-ingestions} at once; the settings are bound from the
     * manifest's environment as Spring binds them, so a misspelt variable counts as the default it leaves in place. The
     * image's 75 % heap with DuckDB's 1 GB default, twice, needed about twice the 2 GiB limit.
     */
    @Test
    void theDataServiceLimitHoldsHeapJvmAndDuckDbForEveryConcurrentIngestion() throws Exception {
        Pod pod = Pod.of("data-service.yaml");
        DataProperties data = pod.bind("mlops.data", DataProperties.class);
        double duckDbMiB = data.maxConcurrentIngestions() * data.ingest().memoryLimit().toBytes() / 1024.0 / 1024;
        assertThat(pod.heapMiB() + JVM_MIB + duckDbMiB).as("heap %.0f + %d + DuckDB %.0f MiB", pod.heapMiB(), JVM_MIB,
                duckDbMiB).isLessThanOrEqualTo(pod.limitMiB());
    }

    /** The JVM's native memory and libtorch's, resident and mapped, with some room to spare. */
    private static final int JVM_AND_LIBTORCH_MIB = 700;

    /** The JVM's own memory besides the heap, resident, with some room to spare (0.36 GiB measured at most). */
    private static final int JVM_MIB = 400;

    /** A service's Kubernetes manifest: its memory limit and the heap its JVM options allow. */
    private record Pod(String file, String text) {

        static Pod of(String file) throws Exception {
            return new Pod(file, Files.readString(Path.of("../deploy/k8s/base").resolve(file)));
        }

        double limitMiB() {
            return Double.parseDouble(find("limits: \\{memory: (\\d+)Gi\\}")) * 1024;
        }

        double heapMiB() {
            return limitMiB() * Double.parseDouble(find("-XX:MaxRAMPercentage=(\\d+)")) / 100;
        }

        /** Binds {@code prefix} from the container's one-line {@code {name: MLOPS_..., value: ...}} variables. */
        <T> T bind(String prefix, Class<T> type) {
            Map<String, Object> env = new HashMap<>();
            Matcher matcher = Pattern.compile("\\{name: (MLOPS_\\w+), value: \"?([^\"}]+)\"?\\}").matcher(text);
            while (matcher.find()) {
                env.put(matcher.group(1), matcher.group(2).strip());
            }
            var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env);
            return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate(prefix, type);
        }

        String find(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(text);
            assertThat(matcher.find()).as("%s in %s", regex, file).isTrue();
            return matcher.group(1);
        }
    }
}
