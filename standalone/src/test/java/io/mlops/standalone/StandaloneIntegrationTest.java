package io.mlops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.events.EventType;
import io.mlops.events.Topics;
import io.mlops.standalone.suite.Service;
import io.mlops.standalone.suite.Suite;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The whole suite as {@code ./mlops up} runs it (embedded PostgreSQL, Redis and Kafka, five service contexts),
 * on free ports and a temporary home, so it runs next to a suite a developer has on 8081..8085.
 */
class StandaloneIntegrationTest {

    @TempDir
    static Path home;

    static ConfigurableApplicationContext standalone;
    static Suite suite;

    @BeforeAll
    static void start() {
        standalone = StandaloneApplication.start(
                "--mlops.standalone.home=" + home,
                "--mlops.standalone.ports.data=0",
                "--mlops.standalone.ports.feature=0",
                "--mlops.standalone.ports.model=0",
                "--mlops.standalone.ports.inference=0",
                "--mlops.standalone.ports.monitoring=0");
        suite = standalone.getBean(Suite.class);
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    private static RestClient http(Service service) {
        return RestClient.builder().baseUrl(suite.urls().get(service).toString())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsReadyOnItsOwnPort() {
        assertThat(suite.urls()).containsOnlyKeys(Service.values());
        assertThat(suite.urls().values().stream().map(URI::getPort).distinct()).hasSize(5);
        for (Service service : Service.values()) {
            var readiness = http(service).get().uri("/actuator/health/readiness").retrieve().toEntity(Map.class);
            assertThat(readiness.getStatusCode().value()).as(service.serviceName()).isEqualTo(200);
            assertThat(readiness.getBody()).as(service.serviceName()).containsEntry("status", "UP");
            Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) readiness.getBody().get("components")).get("kafka");
            assertThat(kafka).as(service.serviceName() + " kafka").containsEntry("status", "UP");
            assertThat(http(service).get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity().getStatusCode().value())
                    .as(service.serviceName() + " swagger ui").isEqualTo(200);
        }
        assertThat(http(Service.MONITORING).get().uri("/dashboard").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void eachContextReadsOnlyItsOwnApplicationYml() {
        for (Service service : Service.values()) {
            assertThat(suite.context(service).getEnvironment().getProperty("spring.application.name")).isEqualTo(service.serviceName());
        }
        // set by each service's own application.yml, which all share the name and the class path
        assertThat(suite.context(Service.FEATURE).getEnvironment().getProperty("mlops.schema")).isEqualTo("feature");
        assertThat(suite.context(Service.MONITORING).getEnvironment().getProperty("mlops.schema")).isEqualTo("monitoring");
        assertThat(suite.context(Service.INFERENCE).getEnvironment().getProperty("mlops.schema")).isNull();
    }

    @Test
    void eachSchemaHoldsOnlyItsServicesMigrations() throws Exception {
        var servers = suite.servers();
        // the descriptions come from the file names V1__<description>.sql in each service's db/migration
        Map<String, List<String>> expected = Map.of(
                "feature", List.of("feature sets"),
                "model", List.of("model registry"),
                "monitoring", List.of("references windows drift predictions feedback"));
        try (var connection = DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password())) {
            for (var entry : expected.entrySet()) {
                List<String> applied = new ArrayList<>();
                try (var rs = connection.createStatement().executeQuery(
                        "SELECT description FROM " + entry.getKey() + ".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
                assertThat(applied).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void servicesPointAtEachOthersActualPorts() {
        Map<Service, URI> urls = suite.urls();
        assertThat(property(Service.FEATURE, "mlops.feature.data-service-url")).isEqualTo(urls.get(Service.DATA).toString());
        assertThat(property(Service.INFERENCE, "mlops.inference.registry-url")).isEqualTo(urls.get(Service.MODEL).toString());
        assertThat(property(Service.INFERENCE, "mlops.inference.feature-service-url")).isEqualTo(urls.get(Service.FEATURE).toString());
        assertThat(property(Service.MODEL, "mlops.model.feature-service-url")).isEqualTo(urls.get(Service.FEATURE).toString());
        assertThat(property(Service.MONITORING, "mlops.monitoring.data-service-url")).isEqualTo(urls.get(Service.DATA).toString());
        assertThat(property(Service.MODEL, "mlops.blobs.root")).isEqualTo(home.resolve("blobs/model-service").toAbsolutePath().toString());
    }

    @Test
    void platformTopicsAndTheirDeadLetterTopicsExist() throws Exception {
        Set<String> expected = new java.util.HashSet<>();
        for (EventType type : EventType.values()) {
            expected.add(type.topic());
            expected.add(Topics.deadLetter(type.topic()));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.servers().kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(expected);
        }
    }

    private static String property(Service service, String key) {
        return suite.context(service).getEnvironment().getProperty(key);
    }
}
