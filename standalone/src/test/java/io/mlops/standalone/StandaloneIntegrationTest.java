package io.mlops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.events.EventType;
import io.mlops.events.Topics;
import io.mlops.standalone.suite.Service;
import io.mlops.standalone.suite.Suite;
import io.mlops.standalone.testing.RunningSuite;
import io.mlops.standalone.testing.StandaloneSuiteExtension;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.awaitility.Awaitility;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The whole suite as {@code ./mlops up} runs it (embedded PostgreSQL, Redis and Kafka, five service contexts),
 * on free ports and a temporary home: the suite this JVM's test classes share.
 */
@ExtendWith(StandaloneSuiteExtension.class)
class StandaloneIntegrationTest {

    static RunningSuite running;
    static Suite suite;
    static Path home;

    @BeforeAll
    static void attach(RunningSuite shared) {
        running = shared;
        suite = shared.suite();
        home = shared.home();
    }

    private static RestClient http(Service service) {
        return running.http(service);
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
            var health = http(service).get().uri("/actuator/health").retrieve().toEntity(Map.class);
            Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get("kafka");
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
        Map<String, List<String>> expected = migrationsInEachServiceJar();
        assertThat(expected.keySet()).contains("data", "feature", "model", "monitoring");
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

    /**
     * Schema → descriptions of the V&lt;n&gt;__&lt;description&gt;.sql files in that service's own jar, in version order,
     * read from the shared class path (not through the suite's filtering class loader).
     */
    private static Map<String, List<String>> migrationsInEachServiceJar() throws Exception {
        Map<String, Class<?>> applications = Map.of("data", io.mlops.data.DataServiceApplication.class,
                "feature", io.mlops.feature.FeatureServiceApplication.class, "model", io.mlops.model.ModelServiceApplication.class,
                "monitoring", io.mlops.monitoring.MonitoringServiceApplication.class);
        Map<String, String> schemaByJar = new java.util.HashMap<>();
        applications.forEach((schema, application) -> {
            String marker = application.getName().replace('.', '/') + ".class";
            String url = application.getClassLoader().getResource(marker).toString();
            schemaByJar.put(url.substring(0, url.length() - marker.length()), schema);
        });
        Map<String, java.util.TreeMap<Integer, String>> found = new java.util.TreeMap<>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(StandaloneIntegrationTest.class.getClassLoader());
        for (var resource : resolver.getResources("classpath*:db/migration/V*__*.sql")) {
            String url = resource.getURL().toString();
            schemaByJar.forEach((root, schema) -> {
                if (url.startsWith(root)) {
                    String file = resource.getFilename();
                    int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
                    String description = file.substring(file.indexOf("__") + 2, file.length() - ".sql".length()).replace('_', ' ');
                    found.computeIfAbsent(schema, k -> new java.util.TreeMap<>()).put(version, description);
                }
            });
        }
        Map<String, List<String>> expected = new java.util.HashMap<>();
        found.forEach((schema, byVersion) -> expected.put(schema, List.copyOf(byVersion.values())));
        return expected;
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

    /**
     * Crosses three contexts: the model is imported into the model-service, the inference-service fetches its alias
     * and artifact from it over HTTP, and its PredictionMade events reach the monitoring-service through Kafka.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPredictionServedFromTheRegistrysArtifactReachesMonitoringThroughKafka() throws Exception {
        RestClient model = http(Service.MODEL);
        assertThat(model.post().uri("/api/v1/models").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "iris")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ClassPathResource("models/iris_mlp.pt"));
        var json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("signature", new HttpEntity<>(IRIS_SIGNATURE, json));
        var imported = model.post().uri("/api/v1/models/iris/versions:import").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        assertThat(model.put().uri("/api/v1/models/iris/aliases/production").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("version", 1)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);

        // iris_mlp_expected.csv: 4 inputs, then the 3 logits PyTorch computed when the fixture was exported
        List<double[]> rows = new ArrayList<>();
        try (var in = new ClassPathResource("models/iris_mlp_expected.csv").getInputStream()) {
            List<String> lines = new String(in.readAllBytes()).lines().skip(1).limit(20).toList();
            for (String line : lines) {
                rows.add(java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        List<Map<String, Object>> instances = rows.stream().map(r -> Map.<String, Object>of(
                "sepal_length", r[0], "sepal_width", r[1], "petal_length", r[2], "petal_width", r[3])).toList();
        var answer = http(Service.INFERENCE).post().uri("/api/v1/models/iris/predict").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("instances", instances)).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("version", 1).containsEntry("alias", "production");
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) answer.getBody().get("predictions");
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            int best = r[4] >= r[5] && r[4] >= r[6] ? 0 : r[5] >= r[6] ? 1 : 2;
            assertThat(predictions.get(i).get("label")).isEqualTo(classes.get(best));
            ids.add((String) predictions.get(i).get("id"));
        }

        var servers = suite.servers();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (var connection = DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password());
                 var query = connection.prepareStatement(
                         "SELECT count(*) FROM monitoring.prediction_log WHERE model = 'iris' AND version = 1 AND prediction_id = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (var rs = query.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(ids.size());
                }
            }
        });
    }

    /** data-service's outbox relays DataIngested through Kafka; feature-service's consumer records it in its own schema. */
    @Test
    void anUploadedDatasetsDataIngestedEventIsConsumedByTheFeatureService() throws Exception {
        assertThat(http(Service.DATA).post().uri("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "seattle-weather")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ClassPathResource("demo/seattle-weather.csv"));
        var uploaded = http(Service.DATA).post().uri("/api/v1/datasets/seattle-weather/versions").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(Map.class);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        // seattle-weather.csv: a header and one row per day of 2012-01-01 .. 2015-12-31 (1461 days)
        assertThat(((Number) uploaded.getBody().get("rowCount")).longValue()).isEqualTo(1461);

        var servers = suite.servers();
        try (var connection = DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password())) {
            String eventId;
            try (var rs = connection.createStatement().executeQuery(
                    "SELECT event_id FROM data.outbox_event WHERE event_type = 'DataIngested' AND record_key = 'seattle-weather'")) {
                assertThat(rs.next()).as("DataIngested in data-service's outbox").isTrue();
                eventId = rs.getString(1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                try (var query = connection.prepareStatement(
                        "SELECT count(*) FROM feature.processed_event WHERE consumer = 'feature-service.follow-latest' AND event_id = ?::uuid")) {
                    query.setString(1, eventId);
                    try (var rs = query.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                }
            });
        }
    }

    private static final String IRIS_SIGNATURE = """
            {"features": [{"name": "sepal_length", "type": "number"}, {"name": "sepal_width", "type": "number"},
                          {"name": "petal_length", "type": "number"}, {"name": "petal_width", "type": "number"}],
             "task": "multiclass", "classLabels": ["setosa", "versicolor", "virginica"],
             "exampleInput": {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}}
            """;

    private static String property(Service service, String key) {
        return suite.context(service).getEnvironment().getProperty(key);
    }
}
