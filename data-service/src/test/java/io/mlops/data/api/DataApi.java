package io.mlops.data.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A client of the data-service's REST API for tests, plus fixture files and what a rejected input may leave behind. */
final class DataApi {

    static final Path BLOB_ROOT = Path.of("target/test-blobs");
    static final Path IMPORT_ROOT = Path.of("target/test-import-root");
    static final Path WORK_DIR = Path.of("target/test-work");

    private final RestClient http;
    private final JdbcClient jdbc;

    DataApi(int port, JdbcClient jdbc) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        this.jdbc = jdbc;
    }

    RestClient http() {
        return http;
    }

    /** A dataset name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ResponseEntity<JsonNode> createDataset(Map<String, Object> body) {
        return http.post().uri("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    String createDataset(String prefix) {
        String name = uniqueName(prefix);
        ResponseEntity<JsonNode> created = createDataset(Map.of("name", name, "description", "test", "tags", java.util.List.of("t")));
        if (created.getStatusCode().value() != 201) {
            throw new IllegalStateException("could not create " + name + ": " + created.getBody());
        }
        return name;
    }

    ResponseEntity<JsonNode> upload(String dataset, String fileName, byte[] bytes, String contentType, String format) {
        // a plain multipart map: MultipartBodyBuilder needs Reactive Streams, which this servlet app does not have
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        partHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes), partHeaders));
        return http.post().uri(u -> u.path("/api/v1/datasets/{name}/versions").queryParamIfPresent("format",
                        java.util.Optional.ofNullable(format)).build(dataset))
                .header("X-Actor", "tester")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> upload(String dataset, String fileName, byte[] bytes) {
        return upload(dataset, fileName, bytes, MediaType.APPLICATION_OCTET_STREAM_VALUE, null);
    }

    ResponseEntity<JsonNode> importFile(String dataset, String path) {
        return http.post().uri("/api/v1/datasets/{name}/versions:import", dataset).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("path", path)).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String uri, Object... vars) {
        return http.get().uri(uri, vars).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<byte[]> download(String uri, Object... vars) {
        return http.get().uri(uri, vars).retrieve().toEntity(byte[].class);
    }

    static byte[] fixture(String fileName) {
        try {
            return Files.readAllBytes(Path.of(DataApi.class.getResource("/datasets/" + fileName).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a stored version leaves: blob files (staging included), version rows, outbox rows. */
    record Footprint(long blobFiles, long versionRows, long outboxRows, long workFiles) {
    }

    Footprint footprint() {
        return new Footprint(countFiles(BLOB_ROOT), jdbc.sql("SELECT count(*) FROM dataset_version").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single(), countFiles(WORK_DIR));
    }

    long dataIngestedEvents(String dataset) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'DataIngested' AND record_key = ?")
                .param(dataset).query(Long.class).single();
    }

    static long countFiles(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
