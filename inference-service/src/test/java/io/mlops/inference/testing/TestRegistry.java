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
 * model-service registry is built: {@code GET /api/v1/models/{name}/versions/{v}/artifact} (bytes plus
 * {@code X-Artifact-Sha256}) and {@code GET /api/v1/models/{name}/aliases/{alias}} ({@code {"version": n}}).
 * The end-to-end test replaces it with the real model-service.
 */
public final class TestRegistry {

    private static final Pattern ARTIFACT = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)/artifact");
    private static final Pattern ALIAS = Pattern.compile("/api/v1/models/([^/]+)/aliases/([^/]+)");

    private record Artifact(Path file, String announcedSha256) {
    }

    private final HttpServer server;
    private final Map<String, Artifact> artifacts = new ConcurrentHashMap<>();
    private final Map<String, Integer> aliases = new ConcurrentHashMap<>();

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
        artifacts.put(model + "/" + version, new Artifact(archive, ModelArchive.sha256(archive)));
    }

    /** Serves the archive under a SHA-256 that is not its own, as a tampered or corrupted artifact would be. */
    public void publishWithSha(String model, int version, Path archive, String announcedSha256) {
        artifacts.put(model + "/" + version, new Artifact(archive, announcedSha256));
    }

    public void setAlias(String model, String alias, int version) {
        aliases.put(model + "/" + alias, version);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher artifact = ARTIFACT.matcher(path);
            Matcher alias = ALIAS.matcher(path);
            if (artifact.matches() && artifacts.containsKey(artifact.group(1) + "/" + artifact.group(2))) {
                Artifact found = artifacts.get(artifact.group(1) + "/" + artifact.group(2));
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
                exchange.getResponseHeaders().add("X-Artifact-Sha256", found.announcedSha256());
                exchange.sendResponseHeaders(200, Files.size(found.file()));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(found.file(), body);
                }
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
