package io.mlops.inference.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlops.runtime.artifact.ModelArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server speaking exactly the model registry's contract that inference uses, while the
 * model-service registry is built: {@code GET /api/v1/models/{name}/versions/{v}} (the record's
 * {@code artifactSha256} and {@code artifactBytes}), {@code .../versions/{v}/artifact} (bytes plus
 * {@code X-Artifact-Sha256}) and {@code GET /api/v1/models/{name}/aliases/{alias}} ({@code {"version": n}}).
 * The end-to-end test replaces it with the real model-service.
 */
public final class TestRegistry {

    private static final Pattern ARTIFACT = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)/artifact");
    private static final Pattern VERSION = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)");
    private static final Pattern ALIAS = Pattern.compile("/api/v1/models/([^/]+)/aliases/([^/]+)");

    /** What is served for a version: the bytes, the SHA-256 its record declares, the one its download header says. */
    private record Artifact(Path file, String recordSha256, String headerSha256, boolean chunked) {
    }

    private final HttpServer server;
    private final Map<String, Artifact> artifacts = new ConcurrentHashMap<>();
    private final Map<String, Integer> aliases = new ConcurrentHashMap<>();
    /** Models whose every request is answered with this status, or (0) with a dropped connection: a registry down. */
    private final Map<String, Integer> outages = new ConcurrentHashMap<>();

    private TestRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestRegistry start() {
        try {
            return new TestRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void publish(String model, int version, Path archive) {
        String sha = ModelArchive.sha256(archive);
        artifacts.put(model + "/" + version, new Artifact(archive, sha, sha, false));
    }

    /** Serves the archive under a SHA-256 that is not its own, as a tampered or corrupted artifact would be. */
    public void publishWithSha(String model, int version, Path archive, String announcedSha256) {
        artifacts.put(model + "/" + version, new Artifact(archive, announcedSha256, announcedSha256, false));
    }

    /**
     * The version's record declares {@code recordSha256} while the download's header carries the archive's true
     * SHA-256: the bytes match the header but not what the registry registered (swapped in transit or in storage).
     */
    public void publishWithRecordSha(String model, int version, Path archive, String recordSha256) {
        artifacts.put(model + "/" + version, new Artifact(archive, recordSha256, ModelArchive.sha256(archive), false));
    }

    /** Serves the archive chunked, without Content-Length, so only counting the streamed bytes can bound it. */
    public void publishChunked(String model, int version, Path archive) {
        String sha = ModelArchive.sha256(archive);
        artifacts.put(model + "/" + version, new Artifact(archive, sha, sha, true));
    }

    /** The SHA-256 the version's record declares (what ModelDeployed carries as artifactSha256). */
    public String recordSha256(String model, int version) {
        return artifacts.get(model + "/" + version).recordSha256();
    }

    public void setAlias(String model, String alias, int version) {
        aliases.put(model + "/" + alias, version);
    }

    /** As the model-service's {@code DELETE /api/v1/models/{name}/aliases/{alias}}, which announces no event. */
    public void removeAlias(String model, String alias) {
        aliases.remove(model + "/" + alias);
    }

    /** Every request about the model has its connection closed without an answer, as from a registry that is down. */
    public void dropConnections(String model) {
        outages.put(model, 0);
    }

    /** Every request about the model is answered {@code status} (a 5xx from a failing registry or its gateway). */
    public void failWith(String model, int status) {
        outages.put(model, status);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Integer outage = outages.get(path.replaceFirst("^/api/v1/models/([^/]+).*", "$1"));
            if (outage != null) {
                if (outage > 0) {
                    exchange.sendResponseHeaders(outage, -1);
                }
                return;
            }
            Matcher artifact = ARTIFACT.matcher(path);
            Matcher alias = ALIAS.matcher(path);
            Matcher record = VERSION.matcher(path);
            if (artifact.matches() && artifacts.containsKey(artifact.group(1) + "/" + artifact.group(2))) {
                Artifact found = artifacts.get(artifact.group(1) + "/" + artifact.group(2));
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
                exchange.getResponseHeaders().add("X-Artifact-Sha256", found.headerSha256());
                exchange.sendResponseHeaders(200, found.chunked() ? 0 : Files.size(found.file()));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(found.file(), body);
                }
            } else if (record.matches() && artifacts.containsKey(record.group(1) + "/" + record.group(2))) {
                Artifact found = artifacts.get(record.group(1) + "/" + record.group(2));
                byte[] json = ("{\"model\":\"" + record.group(1) + "\",\"version\":" + record.group(2)
                        + ",\"artifactSha256\":\"" + found.recordSha256() + "\",\"artifactBytes\":"
                        + Files.size(found.file()) + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            } else if (alias.matches() && aliases.containsKey(alias.group(1) + "/" + alias.group(2))) {
                int version = aliases.get(alias.group(1) + "/" + alias.group(2));
                byte[] json = ("{\"model\":\"" + alias.group(1) + "\",\"alias\":\"" + alias.group(2)
                        + "\",\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            } else {
                byte[] json = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(404, json.length);
                exchange.getResponseBody().write(json);
            }
        }
    }
}
