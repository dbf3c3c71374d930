package io.mlops.feature.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DatasetSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP endpoint (JDK HttpServer on a free port) that implements exactly the part of the
 * data-service contract the feature-service calls: version metadata (by number or "latest") and
 * the CSV content, streamed in small writes. It stands in for the data-service until the
 * end-to-end test runs against the real one.
 */
final class FixtureDataService {

    static final DatasetSchema SEATTLE = schema("date", ColumnType.DATE, "precipitation", ColumnType.FLOAT,
            "temp_max", ColumnType.FLOAT, "temp_min", ColumnType.FLOAT, "wind", ColumnType.FLOAT,
            "weather", ColumnType.CATEGORICAL);
    static final DatasetSchema IRIS = schema("id", ColumnType.INTEGER, "sepal_length", ColumnType.FLOAT,
            "sepal_width", ColumnType.FLOAT, "petal_length", ColumnType.FLOAT, "petal_width", ColumnType.FLOAT,
            "species", ColumnType.CATEGORICAL);

    private static final Pattern PATH = Pattern.compile("/api/v1/datasets/([^/]+)/versions/([^/]+)(/content)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FixtureDataService running;

    private record Version(int number, DatasetSchema schema, byte[] csv, long rows) {
    }

    /** How a dataset's CSV is sent: {@code chunkBytes} per write, {@code pauseMillis} before each write but the first. */
    record Pacing(int chunkBytes, long pauseMillis) {
        static final Pacing FAST = new Pacing(4096, 0);
    }

    private final Map<String, List<Version>> datasets = new ConcurrentHashMap<>();
    private final Map<String, Pacing> pacing = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> contentRequests = new ConcurrentHashMap<>();
    private final HttpServer server;

    private FixtureDataService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // a thread per exchange: a slow or stalled stream must not hold up the other requests
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        add("seattle-weather", SEATTLE, resource("seattle-weather.csv"));
        add("iris", IRIS, resource("iris.csv"));
        add("constant", schema("id", ColumnType.INTEGER, "x", ColumnType.FLOAT, "flag", ColumnType.CATEGORICAL),
                resource("constant.csv"));
        add("empty", schema("id", ColumnType.INTEGER, "x", ColumnType.FLOAT), resource("empty.csv"));
    }

    /** One server per test JVM, like the other real servers. */
    static synchronized FixtureDataService get() {
        if (running == null) {
            try {
                running = new FixtureDataService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds the next version of {@code dataset}; returns its number. */
    int add(String dataset, DatasetSchema schema, byte[] csv) {
        long rows = new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
        List<Version> versions = datasets.computeIfAbsent(dataset, k -> new CopyOnWriteArrayList<>());
        synchronized (versions) {
            versions.add(new Version(versions.size() + 1, schema, csv, rows));
            return versions.size();
        }
    }

    /** From now on, streams {@code dataset}'s content as {@code pacing} says (a slow or stalling data-service). */
    void pace(String dataset, Pacing pacing) {
        this.pacing.put(dataset, pacing);
    }

    /** While {@code on}, answers every request about {@code dataset} with 503 (a data-service restarting). */
    void fail(String dataset, boolean on) {
        if (on) {
            failing.add(dataset);
        } else {
            failing.remove(dataset);
        }
    }

    /** How many times {@code dataset}'s content has been asked for: a fit or a job has started reading it. */
    int contentRequests(String dataset) {
        AtomicInteger count = contentRequests.get(dataset);
        return count == null ? 0 : count.get();
    }

    static byte[] resource(String name) {
        try (InputStream in = FixtureDataService.class.getResourceAsStream("/datasets/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DatasetSchema schema(Object... namesAndTypes) {
        ColumnSchema[] columns = new ColumnSchema[namesAndTypes.length / 2];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnSchema((String) namesAndTypes[2 * i], (ColumnType) namesAndTypes[2 * i + 1], true);
        }
        return new DatasetSchema(List.of(columns));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (m.matches() && failing.contains(m.group(1))) {
                byte[] body = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            List<Version> versions = m.matches() ? datasets.get(m.group(1)) : null;
            Version version = versions == null || versions.isEmpty() ? null
                    : "latest".equals(m.group(2)) ? versions.getLast()
                    : m.group(2).matches("\\d+") && Integer.parseInt(m.group(2)) <= versions.size()
                    && Integer.parseInt(m.group(2)) > 0 ? versions.get(Integer.parseInt(m.group(2)) - 1) : null;
            if (version == null) {
                byte[] body = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (m.group(3) != null) {
                contentRequests.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, 0);   // chunked: streamed as the real service does
                OutputStream out = exchange.getResponseBody();
                Pacing pace = pacing.getOrDefault(m.group(1), Pacing.FAST);
                for (int at = 0; at < version.csv().length; at += pace.chunkBytes()) {
                    if (at > 0 && pace.pauseMillis() > 0) {
                        pause(pace.pauseMillis());
                    }
                    out.write(version.csv(), at, Math.min(pace.chunkBytes(), version.csv().length - at));
                    out.flush();
                }
                return;
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("version", version.number(), "rowCount", version.rows(),
                    "sha256", sha256(version.csv()), "schema", version.schema(), "format", "CSV"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The server side of a slow network: the client under test only sees bytes arrive late. */
    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
