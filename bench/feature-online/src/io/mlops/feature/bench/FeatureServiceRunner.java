package io.mlops.feature.bench;

import io.mlops.feature.FeatureServiceApplication;
import io.mlops.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feature-service started in this JVM on a free port, against the machine's Redis (127.0.0.1:6379)
 * and Postgres (127.0.0.1:5432, database from -Dbench.pgDatabase, default "test") in a fresh schema,
 * with an embedded Kafka from test-support (only the outbox relay and the DataIngested listener use it).
 */
final class FeatureServiceRunner implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final ConfigurableApplicationContext context;
    final String baseUrl;
    /** The online listener's base URL (mlops.feature.online.port=0), null with a build that has none. */
    final String onlineUrl;
    final String schema = "fbench_" + System.currentTimeMillis();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Job(String state, long rowsDone, long rowsTotal, Instant startedAt, Instant finishedAt, String error) {
        double seconds() {
            return Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        }
    }

    FeatureServiceRunner(String dataServiceUrl) {
        System.setProperty("mlops.test.infrastructure", "embedded");
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("bench.pgDatabase", "test"));
        props.put("spring.datasource.username", System.getProperty("bench.pgUser", "postgres"));
        props.put("spring.datasource.password", "");
        props.put("mlops.schema", schema);
        props.put("spring.data.redis.host", "127.0.0.1");
        props.put("spring.data.redis.port", "6379");
        props.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        props.put("mlops.feature.data-service-url", dataServiceUrl);
        props.put("mlops.feature.materialization.resume-on-startup", "false");
        props.put("logging.level.root", "WARN");
        props.put("mlops.feature.online.port", "0");   // the lean listener next to Tomcat: "wrkn" measures it (ignored by older builds)
        // optional overrides of the service defaults: -Dbench.chunkRows (rows per COPY chunk and cursor fetch, 5000)
        // and -Dbench.readTimeout (the data-service idle read timeout, 30s)
        if (System.getProperty("bench.readTimeout") != null) {
            props.put("mlops.feature.data-service-read-timeout", System.getProperty("bench.readTimeout"));
        }
        if (System.getProperty("bench.chunkRows") != null) {
            props.put("mlops.feature.materialization.chunk-rows", System.getProperty("bench.chunkRows"));
        }
        // as arguments, not builder defaults: those rank below application.yml and the shared defaults
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(FeatureServiceApplication.class).run(args);
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        String online = context.getEnvironment().getProperty("local.mlops.feature.online.port");
        onlineUrl = online == null ? null : "http://127.0.0.1:" + online;
    }

    JsonNode send(String method, String path, String json, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json");
            b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a job to end (polling every 100 ms) and returns it; throws when it FAILED. */
    Job awaitJob(String jobPath, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(send("GET", jobPath, null, 200));
            return last.get().get("state").asString().matches("SUCCEEDED|FAILED");
        });
        JsonNode j = last.get();
        Job job = new Job(j.get("state").asString(), j.get("rowsDone").asLong(), j.get("rowsTotal").asLong(),
                instant(j.get("startedAt")), instant(j.get("finishedAt")), j.path("error").asString(null));
        if (!job.state().equals("SUCCEEDED")) {
            throw new IllegalStateException("materialization failed: " + j);
        }
        return job;
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asString());
    }

    @Override
    public void close() {
        context.close();
    }
}
