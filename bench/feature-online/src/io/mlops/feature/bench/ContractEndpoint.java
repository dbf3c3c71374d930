package io.mlops.feature.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlops.domain.data.DatasetSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-service contract the feature-service reads (version metadata, CSV content), served from
 * CSV files on disk as one version each. Like the tests' FixtureDataService, but streaming from a
 * file so the 3M-row CSV never sits in the 512 MB heap. The sha256 is a constant: the
 * feature-service only records it.
 */
final class ContractEndpoint implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/api/v1/datasets/([^/]+)/versions/([^/]+)(/content)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Dataset(Path csv, DatasetSchema schema, long rows) {
    }

    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private final HttpServer server;

    ContractEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void add(String name, Dataset dataset) {
        datasets.put(name, dataset);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            Dataset d = m.matches() && (m.group(2).equals("1") || m.group(2).equals("latest")) ? datasets.get(m.group(1)) : null;
            if (d == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (m.group(3) != null) {
                exchange.getResponseHeaders().set("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, 0);
                try (InputStream in = Files.newInputStream(d.csv()); OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
                return;
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("version", 1, "rowCount", d.rows(),
                    "sha256", "0".repeat(64), "schema", d.schema(), "format", "CSV"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
