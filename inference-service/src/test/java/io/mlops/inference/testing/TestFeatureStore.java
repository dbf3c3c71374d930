package io.mlops.inference.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server speaking the feature-service's online contract ({@code POST
 * /api/v1/feature-sets/{name}/online} {@code {"entities":[...],"version":n}} → {@code {"featureSet","version",
 * "features","results":[{"entity","features"} | {"entity","missing":true}]}}), as feature-service/README.md
 * and its OnlineController define it. The end-to-end test replaces it with the real feature-service.
 * {@link #IRIS}: entity "i" (1..150) has the features of row i of iris_mlp_expected.csv. {@link #SLOW} stalls
 * for 5 s before answering; {@link #BROKEN} closes the connection without an answer.
 */
public final class TestFeatureStore {

    public static final String IRIS = "iris-features";
    public static final String SLOW = "slow-features";
    public static final String BROKEN = "broken-features";

    private static final Pattern ONLINE = Pattern.compile("/api/v1/feature-sets/([^/]+)/online");
    private static final TestFeatureStore SHARED = new TestFeatureStore();

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<double[]> iris = Models.csv("iris_mlp_expected.csv", 0, 4);
    /** Never counted down: the slow set's answers stall on it until their timeout. */
    private final CountDownLatch never = new CountDownLatch(1);

    private TestFeatureStore() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestFeatureStore get() {
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher online = ONLINE.matcher(exchange.getRequestURI().getPath());
            String set = online.matches() ? online.group(1) : "";
            if (set.equals(BROKEN)) {
                return;
            }
            if (set.equals(SLOW) && !never.await(5, TimeUnit.SECONDS)) {
                respond(exchange, 200, Map.of("featureSet", set, "version", 1, "features", List.of(), "results", List.of()));
                return;
            }
            if (!set.equals(IRIS) || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, Map.of("status", 404, "detail", "feature set '" + set + "' does not exist"));
                return;
            }
            Map<?, ?> request = json.readValue(exchange.getRequestBody(), Map.class);
            List<Map<String, Object>> results = new ArrayList<>();
            for (Object entity : (List<?>) request.get("entities")) {
                results.add(lookup(String.valueOf(entity)));
            }
            respond(exchange, 200, Map.of("featureSet", set, "version", 1, "features", Models.IRIS_FEATURES,
                    "results", results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> lookup(String entity) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entity", entity);
        int row = entity.matches("\\d{1,3}") ? Integer.parseInt(entity) : 0;
        if (row < 1 || row > iris.size()) {
            result.put("missing", true);
            return result;
        }
        Map<String, Double> features = new LinkedHashMap<>();
        for (int c = 0; c < Models.IRIS_FEATURES.size(); c++) {
            features.put(Models.IRIS_FEATURES.get(c), iris.get(row - 1)[c]);
        }
        result.put("features", features);
        return result;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
