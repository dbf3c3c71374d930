package io.mlops.standalone.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.standalone.StandaloneProperties;
import io.mlops.standalone.servers.ServerAddresses;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suite tells each service where the others are; docker-compose.yml and the Kubernetes config map must tell it
 * the same, or a service in a container calls its localhost default (the model-service once did for training data).
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
     * Loaded models and libtorch live outside the Java heap, so the inference-service's limit must hold the heap, the
     * model cache's byte bound and what the JVM and libtorch need besides (0.25 + 0.33 GiB measured, plus mapped code;
     * inference-service README, "Memory budget"). The image's 75 % heap with the cache's 1 GB default did not fit.
     */
    @Test
    void theInferenceServiceLimitHoldsHeapModelsAndLibtorch() throws Exception {
        String text = Files.readString(Path.of("../deploy/k8s/base/inference-service.yaml"));
        double limitMiB = Double.parseDouble(find(text, "limits: \\{memory: (\\d+)Gi\\}")) * 1024;
        double heapMiB = limitMiB * Double.parseDouble(find(text, "-XX:MaxRAMPercentage=(\\d+)")) / 100;
        double cacheMiB = Double.parseDouble(find(text, "MLOPS_INFERENCE_CACHE_MAX_BYTES, value: (\\d+)MB"));
        double outsideHeapMiB = 700; // JVM native memory, libtorch resident and mapped, with some room to spare
        assertThat(heapMiB + cacheMiB + outsideHeapMiB).as("heap %.0f + models %.0f + %.0f MiB", heapMiB, cacheMiB,
                outsideHeapMiB).isLessThanOrEqualTo(limitMiB);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in inference-service.yaml", regex).isTrue();
        return matcher.group(1);
    }
}
