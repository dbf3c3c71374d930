package io.mlops.data.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelTrained;
import io.mlops.events.Topics;
import io.mlops.testsupport.RealInfrastructure;
import io.mlops.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The service over HTTP against real Postgres and Kafka. Expected figures are independent of DuckDB: iris
 * from R ({@code mean(iris$Sepal.Length)} 5.8433, {@code sd()} 0.8281, 3 species x 50); the others from awk
 * over the CSV text (row counts with {@code wc -l}, sums and sums of squares for mean and sample sd), as in
 * {@code RealDatasetsTest}; SHA-256 by the JDK's MessageDigest over the fixture bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class DatasetVersionsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @TempDir
    Path dir;

    DataApi api;

    @BeforeEach
    void setUp() {
        api = new DataApi(port, jdbc);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode column(JsonNode version, String name) {
        for (JsonNode c : version.path("profile").path("columns")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static String type(JsonNode version, String name) {
        for (JsonNode c : version.path("schema").path("columns")) {
            if (c.path("name").asString().equals(name)) {
                return c.path("type").asString();
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void createListAndGetDatasetsAndRefuseADuplicateName() {
        String name = DataApi.uniqueName("catalog");
        ResponseEntity<JsonNode> created = api.createDataset(Map.of("name", name, "description", "flowers",
                "tags", List.of("demo", "tabular"), "validationPolicy", "WARN"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/datasets/" + name);
        JsonNode got = api.get("/api/v1/datasets/{name}", name).getBody();
        assertThat(got.path("tags").values()).extracting(JsonNode::asString).containsExactly("demo", "tabular");
        assertThat(got.path("validationPolicy").asString()).isEqualTo("WARN");
        assertThat(api.get("/api/v1/datasets").getBody().findValuesAsString("name")).contains(name);
        assertThat(api.createDataset(Map.of("name", name)).getStatusCode().value()).isEqualTo(409);
        assertThat(api.get("/api/v1/datasets/{name}", "no-such-" + name).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> blankRule = api.createDataset(Map.of("name", DataApi.uniqueName("blank-rule"),
                "declaredSchema", Map.of("columns", List.of(Map.of("max", 1)))));
        assertThat(blankRule.getStatusCode().value()).isEqualTo(400);
        assertThat(blankRule.getBody().path("field").asString()).isEqualTo("declaredSchema.columns[0].name");
    }

    @Test
    void irisIsIngestedWithInferredTypesAndProfileFigures() throws Exception {
        String name = api.createDataset("iris");
        byte[] iris = DataApi.fixture("iris.csv");
        ResponseEntity<JsonNode> response = api.upload(name, "iris.csv", iris, "text/csv", null);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/datasets/" + name + "/versions/1");
        JsonNode v = response.getBody();
        assertThat(v.path("version").asInt()).isEqualTo(1);
        assertThat(v.path("format").asString()).isEqualTo("CSV");
        assertThat(v.path("rowCount").asLong()).isEqualTo(150);
        assertThat(v.path("byteSize").asLong()).isEqualTo(iris.length);
        assertThat(v.path("sha256").asString()).isEqualTo(sha256(iris));
        assertThat(v.path("createdBy").asString()).isEqualTo("tester");
        assertThat(v.path("createdAt").asString()).isNotBlank();
        assertThat(v.path("originalFileName").asString()).isEqualTo("iris.csv");
        assertThat(type(v, "sepal_length")).isEqualTo("FLOAT");
        assertThat(type(v, "species")).isEqualTo("CATEGORICAL");
        assertThat(v.path("schema").path("columns").get(0).path("nullable").asBoolean()).isFalse();
        JsonNode sepal = column(v, "sepal_length").path("numeric");
        assertThat(sepal.path("mean").asDouble()).isCloseTo(5.8433, within(1e-4));
        assertThat(sepal.path("stddev").asDouble()).isCloseTo(0.8281, within(1e-4));
        assertThat(sepal.path("quantiles").path("p50").asDouble()).isCloseTo(5.8, within(1e-9));
        JsonNode species = column(v, "species");
        assertThat(species.path("distinct").asLong()).isEqualTo(3);
        assertThat(species.path("topValues").values()).extracting(t -> t.path("count").asLong()).containsExactly(50L, 50L, 50L);
        assertThat(v.path("profile").path("sampleRows").asInt()).isEqualTo(150);

        assertThat(api.get("/api/v1/datasets/{n}/versions/1", name).getBody()).isEqualTo(v);
        assertThat(api.get("/api/v1/datasets/{n}/versions/latest", name).getBody()).isEqualTo(v);
        assertThat(api.get("/api/v1/datasets/{n}/versions/1/profile", name).getBody()).isEqualTo(v.path("profile"));
        assertThat(api.get("/api/v1/datasets/{n}/versions", name).getBody().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/datasets/{n}/versions/2", name).getStatusCode().value()).isEqualTo(404);
        String metrics = api.http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).containsPattern("mlops_data_ingestions_total\\{[^}]*outcome=\"created\"")
                .contains("mlops_data_ingest_seconds_count").contains("mlops_data_ingested_rows_count");
    }

    @Test
    void seattleWeatherBreastCancerAndDiabetesAreIngestedWithKnownFigures() {
        JsonNode weather = api.upload(api.createDataset("weather"), "seattle-weather.csv", DataApi.fixture("seattle-weather.csv")).getBody();
        assertThat(weather.path("rowCount").asLong()).isEqualTo(1461);
        assertThat(type(weather, "date")).isEqualTo("DATE");
        assertThat(type(weather, "weather")).isEqualTo("CATEGORICAL");
        assertThat(column(weather, "precipitation").path("numeric").path("mean").asDouble()).isCloseTo(3.029432, within(1e-6));
        assertThat(column(weather, "precipitation").path("numeric").path("stddev").asDouble()).isCloseTo(6.680194, within(1e-6));
        assertThat(column(weather, "date").path("min").asString()).isEqualTo("2012-01-01");

        JsonNode cancer = api.upload(api.createDataset("cancer"), "breast_cancer.csv", DataApi.fixture("breast_cancer.csv")).getBody();
        assertThat(cancer.path("rowCount").asLong()).isEqualTo(569);
        assertThat(cancer.path("schema").path("columns").size()).isEqualTo(31);
        assertThat(type(cancer, "malignant")).isEqualTo("INTEGER");
        assertThat(column(cancer, "mean_radius").path("numeric").path("mean").asDouble()).isCloseTo(14.127292, within(1e-6));
        assertThat(column(cancer, "malignant").path("numeric").path("mean").asDouble()).isCloseTo(212.0 / 569, within(1e-12));

        JsonNode diabetes = api.upload(api.createDataset("diabetes"), "diabetes.csv", DataApi.fixture("diabetes.csv")).getBody();
        assertThat(diabetes.path("rowCount").asLong()).isEqualTo(442);
        assertThat(diabetes.path("schema").path("columns").values()).allMatch(c -> c.path("type").asString().equals("FLOAT"));
        assertThat(column(diabetes, "progression").path("numeric").path("mean").asDouble()).isCloseTo(152.133484, within(1e-6));
        assertThat(column(diabetes, "progression").path("numeric").path("stddev").asDouble()).isCloseTo(77.093005, within(1e-6));
    }

    @Test
    void aSingleRowHasNoStandardDeviationAndStillStores() {
        String name = api.createDataset("single");
        ResponseEntity<JsonNode> response = api.upload(name, "one.csv", "x,y\n1.5,a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode x = column(api.get("/api/v1/datasets/{n}/versions/1", name).getBody(), "x").path("numeric");
        assertThat(x.path("mean").asDouble()).isEqualTo(1.5);
        // the sample sd of one value is undefined: NaN, written as the string "NaN" (JSON has no NaN number)
        assertThat(x.path("stddev").asString()).isEqualTo("NaN");
    }

    @Test
    void aNulCharacterInAValueIsStoredAsAReplacementCharacter() {
        // PostgreSQL's jsonb refuses U+0000, which the profile (top values, min, max) would carry
        String name = api.createDataset("nul");
        byte[] jsonl = "{\"name\":\"a\\u0000b\"}\n{\"name\":\"c\"}\n".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<JsonNode> response = api.upload(name, "nul.jsonl", jsonl);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        JsonNode stored = api.get("/api/v1/datasets/{name}/versions/1", name).getBody();
        JsonNode column = stored.path("profile").path("columns").get(0);
        assertThat(column.path("min").asString()).isEqualTo("a\uFFFDb");
        assertThat(column.path("topValues").findValuesAsString("value")).containsExactly("a\uFFFDb", "c");
        assertThat(api.dataIngestedEvents(name)).isEqualTo(1);
    }

    @Test
    void reuploadingTheSameBytesAnswersTheExistingVersionWithoutANewEvent() {
        String name = api.createDataset("idem");
        byte[] iris = DataApi.fixture("iris.csv");
        JsonNode first = api.upload(name, "iris.csv", iris).getBody();
        DataApi.Footprint after = api.footprint();

        ResponseEntity<JsonNode> again = api.upload(name, "renamed.csv", iris);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first);
        assertThat(api.footprint()).isEqualTo(after);
        assertThat(api.dataIngestedEvents(name)).isEqualTo(1);

        byte[] fewer = new String(iris, StandardCharsets.UTF_8).lines().limit(101)
                .reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8);
        JsonNode second = api.upload(name, "iris-100.csv", fewer).getBody();
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(second.path("rowCount").asLong()).isEqualTo(100);
        assertThat(api.dataIngestedEvents(name)).isEqualTo(2);
    }

    @Test
    void dataIngestedReachesKafkaOncePerNewVersion() throws Exception {
        String name = api.createDataset("events");
        byte[] iris = DataApi.fixture("iris.csv");
        api.upload(name, "iris.csv", iris);
        api.upload(name, "iris.csv", iris);

        List<JsonNode> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DATA_INGESTED));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (name.equals(r.key())) {
                        seen.add(tools.jackson.databind.json.JsonMapper.shared().readTree(r.value()));
                    }
                });
                return !seen.isEmpty();
            });
        }
        assertThat(seen).hasSize(1);
        JsonNode payload = seen.getFirst().path("payload");
        assertThat(payload.path("version").path("version").asInt()).isEqualTo(1);
        assertThat(payload.path("sha256").asString()).isEqualTo(sha256(iris));
        assertThat(payload.path("rowCount").asLong()).isEqualTo(150);
        assertThat(payload.path("schema").path("columns").size()).isEqualTo(5);
        // every new version's event is in the outbox, relayed once: the re-upload added none
        assertThat(api.dataIngestedEvents(name)).isEqualTo(1);
    }

    @Test
    void aViolatedDeclaredSchemaWithRejectIs422AndStoresNothing() {
        String name = DataApi.uniqueName("strict");
        assertThat(api.createDataset(Map.of("name", name, "validationPolicy", "REJECT", "declaredSchema", Map.of("columns",
                List.of(Map.of("name", "species", "allowedValues", List.of("setosa", "versicolor"))))))
                .getStatusCode().value()).isEqualTo(201);
        DataApi.Footprint before = api.footprint();

        ResponseEntity<JsonNode> response = api.upload(name, "iris.csv", DataApi.fixture("iris.csv"));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = response.getBody();
        assertThat(problem.path("code").asString()).isEqualTo("declared-schema-violated");
        JsonNode outcome = problem.path("validation").path("outcomes").get(0);
        assertThat(outcome.path("rule").asString()).isEqualTo("ALLOWED_VALUES");
        assertThat(outcome.path("violations").asLong()).isEqualTo(50); // the 50 virginica rows
        // row 101 is the first virginica; CSV lines count the header as line 1
        assertThat(outcome.path("firstOffences").get(0).path("location").asLong()).isEqualTo(102);
        assertThat(outcome.path("firstOffences").size()).isEqualTo(20);
        assertThat(api.footprint()).isEqualTo(before);
        assertThat(api.get("/api/v1/datasets/{n}/versions", name).getBody().size()).isZero();
    }

    @Test
    void aViolatedDeclaredSchemaWithWarnIsStoredWithTheReport() {
        String name = DataApi.uniqueName("lenient");
        assertThat(api.createDataset(Map.of("name", name, "validationPolicy", "WARN", "declaredSchema", Map.of("columns",
                List.of(Map.of("name", "sepal_length", "max", 7.0), Map.of("name", "petal_width", "required", true)))))
                .getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> response = api.upload(name, "iris.csv", DataApi.fixture("iris.csv"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode v = api.get("/api/v1/datasets/{n}/versions/1", name).getBody();
        assertThat(v.path("validationPassed").asBoolean()).isFalse();
        // awk -F, 'NR>1 && $1>7' iris.csv | wc -l  gives 12
        assertThat(v.path("validation").path("outcomes").values())
                .anySatisfy(o -> {
                    assertThat(o.path("rule").asString()).isEqualTo("MAX");
                    assertThat(o.path("violations").asLong()).isEqualTo(12);
                });
        assertThat(api.dataIngestedEvents(name)).isEqualTo(1);
    }

    @Test
    void downloadsAreByteIdenticalAndParquetConvertsToCsv() throws Exception {
        String name = api.createDataset("download");
        byte[] iris = DataApi.fixture("iris.csv");
        api.upload(name, "iris.csv", iris);
        ResponseEntity<byte[]> csv = api.download("/api/v1/datasets/{n}/versions/1/content", name);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(sha256(csv.getBody())).isEqualTo(sha256(iris));

        byte[] parquet = Parquet.fromCsvFixture("iris.csv", dir);
        JsonNode v2 = api.upload(name, "iris.parquet", parquet).getBody();
        assertThat(v2.path("format").asString()).isEqualTo("PARQUET");
        assertThat(v2.path("rowCount").asLong()).isEqualTo(150);
        ResponseEntity<byte[]> original = api.download("/api/v1/datasets/{n}/versions/2/content", name);
        assertThat(original.getHeaders().getContentType().toString()).isEqualTo("application/vnd.apache.parquet");
        assertThat(sha256(original.getBody())).isEqualTo(sha256(parquet));

        ResponseEntity<byte[]> asCsv = api.download("/api/v1/datasets/{n}/versions/2/content?format=csv", name);
        assertThat(asCsv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = new String(asCsv.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(151);
        assertThat(lines.getFirst()).isEqualTo("sepal_length,sepal_width,petal_length,petal_width,species");
        assertThat(lines.get(1)).isEqualTo(new String(iris, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow());
        // the work file is deleted when the server closes the response stream, just after the client has the last byte
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(DataApi.countFiles(DataApi.WORK_DIR)).as("conversion work files deleted").isZero());

        ResponseEntity<byte[]> sample = api.download("/api/v1/datasets/{n}/versions/1/sample?format=csv", name);
        assertThat(new String(sample.getBody(), StandardCharsets.UTF_8).lines().count()).isEqualTo(151);
        ResponseEntity<byte[]> sampleParquet = api.download("/api/v1/datasets/{n}/versions/1/sample", name);
        assertThat(new String(sampleParquet.getBody(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(api.download("/api/v1/datasets/{n}/versions/1/content?format=jsonl", name).getStatusCode().value()).isEqualTo(400);

        byte[] jsonl = "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2, \"b\": \"y\"}\n".getBytes(StandardCharsets.UTF_8);
        JsonNode v3 = api.upload(name, "rows.txt", jsonl, "application/x-ndjson", null).getBody();
        assertThat(v3.path("format").asString()).isEqualTo("JSONL");
        assertThat(type(v3, "a")).isEqualTo("INTEGER");
        ResponseEntity<byte[]> jsonlBack = api.download("/api/v1/datasets/{n}/versions/3/content", name);
        assertThat(jsonlBack.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
        assertThat(jsonlBack.getBody()).isEqualTo(jsonl);
        assertThat(new String(api.download("/api/v1/datasets/{n}/versions/3/content?format=csv", name).getBody(),
                StandardCharsets.UTF_8)).isEqualTo("a,b\n1,x\n2,y\n");
    }

    @Test
    void importUnderARootIsIngestedAndIdempotent() throws Exception {
        String name = api.createDataset("import");
        Path file = Files.createDirectories(DataApi.IMPORT_ROOT).resolve(name + ".csv").toAbsolutePath();
        Files.write(file, DataApi.fixture("iris.csv"));
        ResponseEntity<JsonNode> first = api.importFile(name, file.toString());
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody().path("rowCount").asLong()).isEqualTo(150);
        assertThat(first.getBody().path("createdBy").asString()).isEqualTo("anonymous");
        assertThat(api.importFile(name, file.toString()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void deleteIsRefusedForAVersionAModelWasTrainedOnAndOtherwiseRemovesRowAndBlobs() throws Exception {
        String name = api.createDataset("guarded");
        byte[] iris = DataApi.fixture("iris.csv");
        JsonNode v1 = api.upload(name, "iris.csv", iris).getBody();
        String header = new String(iris, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        byte[] other = (header + "\n5.0,3.0,1.0,0.2,setosa\n6.0,2.0,4.0,1.0,versicolor\n").getBytes(StandardCharsets.UTF_8);
        JsonNode v2 = api.upload(name, "two.csv", other).getBody();

        ModelTrained trained = new ModelTrained(ModelId.random(), new ModelVersionRef("iris-mlp", 3), Task.MULTICLASS,
                new Metrics(Map.of(Metrics.ACCURACY, 0.97)), new Lineage(new DatasetVersionRef(name, 1), v1.path("sha256").asString(), null, null, null),
                "a".repeat(64));
        kafka.send(Topics.MODELS_TRAINED, name, EventEnvelope.wrap("model-service", trained, Clock.systemUTC()));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM version_usage WHERE dataset_name = ?")
                .param(name).query(Long.class).single() == 1);

        ResponseEntity<JsonNode> refused = api.http().delete().uri("/api/v1/admin/datasets/{n}/versions/1", name)
                .retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().path("models").get(0).asString()).isEqualTo("iris-mlp@3");
        assertThat(api.get("/api/v1/datasets/{n}/versions/1", name).getStatusCode().value()).isEqualTo(200);

        long blobsBefore = DataApi.countFiles(DataApi.BLOB_ROOT);
        ResponseEntity<JsonNode> deleted = api.http().delete().uri("/api/v1/admin/datasets/{n}/versions/2", name)
                .retrieve().toEntity(JsonNode.class);
        assertThat(deleted.getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("/api/v1/datasets/{n}/versions/2", name).getStatusCode().value()).isEqualTo(404);
        assertThat(DataApi.countFiles(DataApi.BLOB_ROOT)).as("data and sample blobs of v2 removed").isEqualTo(blobsBefore - 2);
        assertThat(Files.exists(DataApi.BLOB_ROOT.resolve("sha256").resolve(v2.path("sha256").asString().substring(0, 2))
                .resolve(v2.path("sha256").asString()))).isFalse();
        // numbers are never reused: the same bytes again become version 3
        assertThat(api.upload(name, "two.csv", other).getBody().path("version").asInt()).isEqualTo(3);
    }
}
