package io.mlops.support.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * What every service must show once started against real servers: probes UP, migrations at their
 * latest version, metrics and API docs served, errors as ProblemDetail. A service's integration test
 * extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @RealInfrastructure}.
 */
public abstract class ServiceStartupContract {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    protected RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /**
     * Exactly the health components readiness holds, all UP: the pod's own state and its own database.
     * Kafka and Redis stay out (the outbox and event buffers absorb their outages) and show only in
     * {@code /actuator/health}.
     */
    protected abstract String[] readinessComponents();

    @Test
    @SuppressWarnings("unchecked")
    void readinessAndLivenessAreUp() {
        var readiness = http().get().uri("/actuator/health/readiness").retrieve().toEntity(Map.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) readiness.getBody().get("components");
        assertThat(components).containsOnlyKeys(readinessComponents());
        for (String component : readinessComponents()) {
            assertThat((Map<String, Object>) components.get(component)).as(component).containsEntry("status", "UP");
        }
        var health = http().get().uri("/actuator/health").retrieve().toEntity(Map.class);
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get("kafka");
        assertThat(kafka).as("kafka in /actuator/health").containsEntry("status", "UP");
        var liveness = http().get().uri("/actuator/health/liveness").retrieve().toEntity(Map.class);
        assertThat(liveness.getBody()).containsEntry("status", "UP");
    }

    @Test
    void prometheusMetricsAreServed() {
        var response = http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("application=");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        var docs = http().get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("\"openapi\"");
        var ui = http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void errorsAreProblemDetails() {
        var response = http().get().uri("/api/v1/definitely-not-here").accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getBody()).contains("\"status\":404");
    }

    @Test
    void databaseMigrationsAreAtTheLatestVersion() {
        // inference has no database and no Flyway on its classpath: its contract has nothing to migrate
        if (ClassUtils.isPresent("org.flywaydb.core.Flyway", getClass().getClassLoader())) {
            MigrationAssertions.assertAllAtLatest(context);
        }
    }
}
