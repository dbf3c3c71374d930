package io.mlops.standalone.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.standalone.suite.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The public REST calls a user makes, in the steps the tests repeat (upload, feature set, materialization,
 * training), each checking its status code; the same calls {@code ./mlops demo} makes with curl.
 */
public final class Platform {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };
    private static final Set<String> JOB_ENDS = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final RunningSuite suite;

    public Platform(RunningSuite suite) {
        this.suite = suite;
    }

    public RestClient http(Service service) {
        return suite.http(service);
    }

    /** A version of a dataset as the data-service answered its upload. */
    public record DatasetVersion(String dataset, int version, long rowCount, String sha256) {
    }

    public void createDataset(String name) {
        var created = http(Service.DATA).post().uri("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    /** Uploads CSV bytes as a new version (multipart, as a browser or curl sends it); expects 201. */
    public DatasetVersion upload(String dataset, String fileName, byte[] csv) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        ResponseEntity<Map<String, Object>> uploaded = http(Service.DATA).post().uri("/api/v1/datasets/{name}/versions", dataset)
                .header("X-Actor", "e2e").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JSON);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        Map<String, Object> body = uploaded.getBody();
        return new DatasetVersion(dataset, ((Number) body.get("version")).intValue(), ((Number) body.get("rowCount")).longValue(),
                (String) body.get("sha256"));
    }

    /** Creates a feature set (the body as the feature-service's README shows it); returns its first version's number. */
    public int createFeatureSet(Map<String, Object> definition) {
        ResponseEntity<Map<String, Object>> created = http(Service.FEATURE).post().uri("/api/v1/feature-sets")
                .contentType(MediaType.APPLICATION_JSON).body(definition).retrieve().toEntity(JSON);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) created.getBody().get("version");
        return ((Number) version.get("version")).intValue();
    }

    /** Waits until a materialization of the version has SUCCEEDED (fails fast on FAILED). */
    public void awaitMaterialized(String featureSet, int version, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Map<String, Object>> jobs = http(Service.FEATURE).get()
                    .uri("/api/v1/feature-sets/{name}/versions/{v}/materializations", featureSet, version).retrieve().body(JSON_LIST);
            assertThat(jobs).as("materializations of %s v%d", featureSet, version)
                    .noneMatch(job -> "FAILED".equals(job.get("state")));
            return jobs.stream().anyMatch(job -> "SUCCEEDED".equals(job.get("state")));
        });
    }

    public Map<String, Object> get(Service service, String uri, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = http(service).get().uri(uri, variables).retrieve().toEntity(JSON);
        assertThat(answer.getStatusCode().value()).as("GET %s: %s", uri, answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    public List<Map<String, Object>> getList(Service service, String uri, Object... variables) {
        ResponseEntity<List<Map<String, Object>>> answer = http(service).get().uri(uri, variables).retrieve().toEntity(JSON_LIST);
        assertThat(answer.getStatusCode().value()).as("GET %s", uri).isEqualTo(200);
        return answer.getBody();
    }

    /** Sends JSON, expects the status, returns the answer's JSON object. */
    public Map<String, Object> send(Service service, String method, int expectedStatus, String uri, Object body, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = http(service).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri, variables).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).header("X-Actor", "e2e")
                .body(body).retrieve().toEntity(JSON);
        assertThat(answer.getStatusCode().value()).as("%s %s: %s", method, uri, answer.getBody()).isEqualTo(expectedStatus);
        return answer.getBody();
    }

    /** Submits a training job, expects 202, waits for it to end and returns the job as the model-service shows it. */
    public Map<String, Object> train(Map<String, Object> request, Duration timeout) {
        Object id = send(Service.MODEL, "POST", 202, "/api/v1/training-jobs", request).get("id");
        return awaitJob(id, timeout);
    }

    public Map<String, Object> awaitJob(Object id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> JOB_ENDS.contains((String) get(Service.MODEL, "/api/v1/training-jobs/{id}", id).get("state")));
        Map<String, Object> job = get(Service.MODEL, "/api/v1/training-jobs/{id}", id);
        assertThat(job.get("state")).as("job %s: %s", id, job.get("error")).isEqualTo("SUCCEEDED");
        return job;
    }

    /** A registered version as the registry shows it (metrics, lineage, artifact SHA-256, ...). */
    public Map<String, Object> modelVersion(String model, int version) {
        return get(Service.MODEL, "/api/v1/models/{name}/versions/{v}", model, version);
    }
}
