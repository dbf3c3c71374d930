package io.mlops.standalone.suite;

import io.mlops.standalone.StandaloneProperties;
import io.mlops.standalone.servers.ServerAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings the suite gives one service, as command-line arguments: they rank above the service's own
 * application.yml (default properties would rank below it and lose to its {@code server.port}). Settings the
 * suite does not set still come from environment variables and system properties, shared by all five.
 */
final class ServiceArguments {

    private ServiceArguments() {
    }

    static String[] of(Service service, int port, StandaloneProperties settings, ServerAddresses servers, Map<Service, URI> started) {
        List<String> args = new ArrayList<>();
        add(args, "server.port", port);
        add(args, "spring.main.register-shutdown-hook", false); // the suite closes the contexts, in reverse order
        add(args, "spring.main.banner-mode", "off");
        add(args, "management.metrics.use-global-registry", false); // each service its own metrics
        add(args, "spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
        add(args, "mlops.blobs.root", settings.home().resolve("blobs").resolve(service.serviceName()).toAbsolutePath());
        add(args, "spring.autoconfigure.exclude", String.join(",", service.excludedAutoConfigurations()));
        if (service.usesDatabase()) {
            add(args, "spring.datasource.url", servers.jdbcUrl());
            add(args, "spring.datasource.username", servers.username());
            add(args, "spring.datasource.password", servers.password());
        }
        if (service.usesRedis()) {
            add(args, "spring.data.redis.host", servers.redisHost());
            add(args, "spring.data.redis.port", servers.redisPort());
        }
        switch (service) {
            case FEATURE -> add(args, "mlops.feature.data-service-url", started.get(Service.DATA));
            case MODEL -> {
                add(args, "mlops.model.feature-service-url", started.get(Service.FEATURE));
                add(args, "mlops.model.data-service-url", started.get(Service.DATA)); // the retraining gate's raw rows
            }
            case INFERENCE -> {
                add(args, "mlops.inference.registry-url", started.get(Service.MODEL));
                add(args, "mlops.inference.feature-service-url", started.get(Service.FEATURE));
                add(args, "mlops.inference.work-dir", settings.home().resolve("inference").toAbsolutePath());
            }
            case MONITORING -> add(args, "mlops.monitoring.data-service-url", started.get(Service.DATA));
            default -> { }
        }
        return args.toArray(String[]::new);
    }

    private static void add(List<String> args, String key, Object value) {
        args.add("--" + key + "=" + value);
    }
}
