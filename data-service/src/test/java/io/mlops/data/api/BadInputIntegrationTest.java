package io.mlops.data.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.mlops.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input of issue 3 answers a ProblemDetail that says what and where, and leaves nothing behind:
 * no blob file (staging included), no version row, no outbox event, no work file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class BadInputIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    DataApi api;
    String dataset;

    @BeforeEach
    void setUp() {
        api = new DataApi(port, jdbc);
        dataset = api.createDataset("bad");
    }

    /** Runs the request and checks the answer is a ProblemDetail and that nothing was stored. */
    private JsonNode rejected(int status, Supplier<ResponseEntity<JsonNode>> request) {
        DataApi.Footprint before = api.footprint();
        ResponseEntity<JsonNode> response = request.get();
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("detail").asString()).isNotBlank();
        assertThat(api.footprint()).isEqualTo(before);
        return response.getBody();
    }

    private JsonNode rejectedCsv(String content) {
        return rejected(422, () -> api.upload(dataset, "bad.csv", content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void raggedCsvRowNamesTheLineAndTheMissingColumn() {
        JsonNode problem = rejectedCsv("a,b,c\n1,2,3\n4,5\n7,8,9\n");
        assertThat(problem.path("code").asString()).isEqualTo("ragged-csv-row");
        assertThat(problem.path("line").asLong()).isEqualTo(3);
        assertThat(problem.path("column").asString()).isEqualTo("c");
    }

    @Test
    void brokenQuotingNamesTheLineWhereTheRecordBegins() {
        JsonNode problem = rejectedCsv("a,b\n1,2\n3,\"open\n5,6\n7,8\n");
        assertThat(problem.path("code").asString()).isEqualTo("broken-csv-quoting");
        assertThat(problem.path("line").asLong()).isEqualTo(3);
    }

    @Test
    void latin1TextIsNotUtf8AtItsLine() {
        byte[] latin1 = "name,city\nann,Paris\nbob,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem = rejected(422, () -> api.upload(dataset, "cities.csv", latin1));
        assertThat(problem.path("code").asString()).isEqualTo("text-not-utf8");
        assertThat(problem.path("line").asLong()).isEqualTo(3);
    }

    @Test
    void emptyFile() {
        assertThat(rejectedCsv("").path("code").asString()).isEqualTo("empty-file");
    }

    @Test
    void headerOnly() {
        assertThat(rejectedCsv("a,b\n").path("code").asString()).isEqualTo("no-data-rows");
    }

    @Test
    void duplicateColumnNameIsNamed() {
        JsonNode problem = rejectedCsv("id,x,id\n1,2,3\n");
        assertThat(problem.path("code").asString()).isEqualTo("duplicate-column-name");
        assertThat(problem.path("column").asString()).isEqualTo("id");
        assertThat(problem.path("line").asLong()).isEqualTo(1);
    }

    @Test
    void blankColumnNameGivesItsPosition() {
        JsonNode problem = rejectedCsv("id, ,z\n1,2,3\n");
        assertThat(problem.path("code").asString()).isEqualTo("blank-column-name");
        assertThat(problem.path("column").asString()).isEqualTo("#2");
    }

    @Test
    void truncatedParquet() {
        byte[] full = Parquet.fromCsvFixture("iris.csv", dir);
        byte[] half = Arrays.copyOf(full, full.length / 2);
        JsonNode problem = rejected(422, () -> api.upload(dataset, "cut.parquet", half));
        assertThat(problem.path("code").asString()).isEqualTo("unreadable-parquet");
    }

    @Test
    void unknownFormatFromNameAndTypeAndAnUnknownOverride() {
        byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(422, () -> api.upload(dataset, "sheet.xlsx", bytes)).path("code").asString())
                .isEqualTo("unknown-data-format");
        assertThat(rejected(422, () -> api.upload(dataset, "a.csv", bytes, "text/csv", "xml")).path("code").asString())
                .isEqualTo("unknown-data-format");
    }

    @Test
    void uploadOverTheLimitIs413() {
        byte[] big = new byte[1024 * 1024 + 200 * 1024]; // 1.2 MB against the 1 MB test limit
        Arrays.fill(big, (byte) '1');
        rejected(413, () -> api.upload(dataset, "big.csv", big));
    }

    @Test
    void importOverTheLimitIs413WithTheLimit() throws Exception {
        Path big = Files.createDirectories(DataApi.IMPORT_ROOT).resolve("big-" + dataset + ".csv");
        byte[] bytes = new byte[1024 * 1024 + 1];
        Arrays.fill(bytes, (byte) '1');
        Files.write(big, bytes);
        JsonNode problem = rejected(413, () -> api.importFile(dataset, big.toAbsolutePath().toString()));
        assertThat(problem.path("limitBytes").asLong()).isEqualTo(1024 * 1024);
    }

    @Test
    void importPathsOutsideTheRootsAreRefusedWithThePath() throws Exception {
        Path root = Files.createDirectories(DataApi.IMPORT_ROOT).toAbsolutePath();
        for (String path : new String[] {"/etc/hostname", root + "/../../pom.xml", "relative/iris.csv"}) {
            JsonNode problem = rejected(403, () -> api.importFile(dataset, path));
            assertThat(problem.path("path").asString()).isEqualTo(path);
        }
        Path link = root.resolve("escape-" + dataset + ".csv");
        Files.createSymbolicLink(link, Path.of("pom.xml").toAbsolutePath());
        JsonNode viaLink = rejected(403, () -> api.importFile(dataset, link.toString()));
        assertThat(viaLink.path("detail").asString()).contains("symbolic link");
        JsonNode missing = rejected(422, () -> api.importFile(dataset, root.resolve("missing.csv").toString()));
        assertThat(missing.path("path").asString()).endsWith("missing.csv");
    }

    @Test
    void datasetNamesWithPathCharactersAreRefusedWithTheField() {
        for (String name : new String[] {"../etc", "a/b", "a\\b", ".hidden", ""}) {
            long datasets = jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single();
            ResponseEntity<JsonNode> response = api.createDataset(Map.of("name", name));
            assertThat(response.getStatusCode().value()).as(name).isEqualTo(400);
            assertThat(response.getBody().path("field").asString()).isEqualTo("name");
            assertThat(jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single()).isEqualTo(datasets);
        }
        JsonNode problem = rejected(400, () -> api.upload("a..b", "iris.csv", DataApi.fixture("iris.csv")));
        assertThat(problem.path("field").asString()).isEqualTo("name");
    }

    @Test
    void aFileNameTheVersionRowCannotHoldIsRefusedBeforeAnyWork() {
        // PostgreSQL text cannot hold a NUL, so original_file_name could not store this one
        JsonNode nul = rejected(400, () -> api.upload(dataset, "iris\0.csv", DataApi.fixture("iris.csv")));
        assertThat(nul.path("field").asString()).isEqualTo("file");
        // original_file_name is VARCHAR(1000), but Tomcat refuses a part header past 512 bytes first
        rejected(413, () -> api.upload(dataset, "a".repeat(997) + ".csv", DataApi.fixture("iris.csv")));
    }

    @Test
    void aNullOrNulTagOrAllowedValueIsRefusedWithItsField() {
        long datasets = jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single();
        ResponseEntity<JsonNode> tag = api.createDataset(Map.of("name", DataApi.uniqueName("null-tag"),
                "tags", Arrays.asList("a", null)));
        assertThat(tag.getStatusCode().value()).as("%s", tag.getBody()).isEqualTo(400);
        assertThat(tag.getBody().path("field").asString()).isEqualTo("tags[1]");
        ResponseEntity<JsonNode> allowed = api.createDataset(Map.of("name", DataApi.uniqueName("null-allowed"),
                "declaredSchema", Map.of("columns", List.of(Map.of("name", "c", "allowedValues", Arrays.asList("x", null))))));
        assertThat(allowed.getStatusCode().value()).as("%s", allowed.getBody()).isEqualTo(400);
        assertThat(allowed.getBody().path("field").asString()).isEqualTo("declaredSchema.columns[0].allowedValues[1]");
        ResponseEntity<JsonNode> nul = api.createDataset(Map.of("name", DataApi.uniqueName("nul-tag"), "tags", List.of("a", "b\0")));
        assertThat(nul.getStatusCode().value()).as("%s", nul.getBody()).isEqualTo(400);
        assertThat(nul.getBody().path("field").asString()).isEqualTo("tags[1]");
        assertThat(jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single()).isEqualTo(datasets);
    }

    @Test
    void aNulInADeclaredColumnNamePatternOrUniqueKeyIsRefusedWithItsField() {
        long datasets = jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single();
        Map<String, Object> name = Map.of("columns", List.of(Map.of("name", "c\0")));
        Map<String, Object> pattern = Map.of("columns", List.of(Map.of("name", "c"), Map.of("name", "d", "pattern", "[a-z]\0")));
        Map<String, Object> uniqueKey = Map.of("columns", List.of(Map.of("name", "c")), "uniqueKey", List.of("c", "d\0"));
        Map<String, String> expected = Map.of("declaredSchema.columns[0].name", "name",
                "declaredSchema.columns[1].pattern", "pattern", "declaredSchema.uniqueKey[1]", "uniqueKey");
        Map<String, Map<String, Object>> schemas = Map.of("name", name, "pattern", pattern, "uniqueKey", uniqueKey);
        expected.forEach((field, which) -> {
            ResponseEntity<JsonNode> response = api.createDataset(Map.of("name", DataApi.uniqueName("nul-" + which.toLowerCase()),
                    "declaredSchema", schemas.get(which)));
            assertThat(response.getStatusCode().value()).as("%s: %s", which, response.getBody()).isEqualTo(400);
            assertThat(response.getBody().path("field").asString()).isEqualTo(field);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM dataset").query(Long.class).single()).isEqualTo(datasets);
    }
}
