package io.mlops.standalone.suite;

import io.mlops.data.DataServiceApplication;
import io.mlops.feature.FeatureServiceApplication;
import io.mlops.inference.InferenceServiceApplication;
import io.mlops.model.ModelServiceApplication;
import io.mlops.monitoring.MonitoringServiceApplication;
import io.mlops.standalone.StandaloneProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The five services in start order: each one's URL settings point only at services started before it.
 * All libraries share one class path here, so auto-configurations a service does not have on its own class
 * path (JPA for monitoring, a DataSource for inference, Redis for all but features) are excluded.
 */
public enum Service {
    DATA("data-service", DataServiceApplication.class, true, true, false),
    FEATURE("feature-service", FeatureServiceApplication.class, true, true, true),
    MODEL("model-service", ModelServiceApplication.class, true, true, false),
    INFERENCE("inference-service", InferenceServiceApplication.class, false, false, false),
    MONITORING("monitoring-service", MonitoringServiceApplication.class, true, false, false);

    private static final List<String> DATABASE = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    private static final List<String> JPA = List.of(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.metrics.HibernateMetricsAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");
    private static final List<String> REDIS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    private final String serviceName;
    private final Class<?> application;
    private final boolean database;
    private final boolean jpa;
    private final boolean redis;

    Service(String serviceName, Class<?> application, boolean database, boolean jpa, boolean redis) {
        this.serviceName = serviceName;
        this.application = application;
        this.database = database;
        this.jpa = jpa;
        this.redis = redis;
    }

    /** The spring.application.name, e.g. {@code data-service}. */
    public String serviceName() {
        return serviceName;
    }

    Class<?> application() {
        return application;
    }

    boolean usesDatabase() {
        return database;
    }

    boolean usesRedis() {
        return redis;
    }

    int port(StandaloneProperties.Ports ports) {
        return switch (this) {
            case DATA -> ports.data();
            case FEATURE -> ports.feature();
            case MODEL -> ports.model();
            case INFERENCE -> ports.inference();
            case MONITORING -> ports.monitoring();
        };
    }

    List<String> excludedAutoConfigurations() {
        List<String> excluded = new ArrayList<>();
        if (!database) {
            excluded.addAll(DATABASE);
        }
        if (!jpa) {
            excluded.addAll(JPA);
        }
        if (!redis) {
            excluded.addAll(REDIS);
        }
        return excluded;
    }
}
