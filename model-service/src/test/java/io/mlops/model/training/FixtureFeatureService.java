package io.mlops.model.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlops.domain.feature.FeatureDefinition;
import io.mlops.domain.feature.FeatureFitter;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.feature.Transformation;
import io.mlops.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Stands in for the feature-service (not on main yet): a JDK HttpServer implementing exactly the
 * contract model-service uses (feature-service/README.md on the feature-store branch):
 * {@code GET /api/v1/feature-sets/{name}} ({@code definition.labelColumns}),
 * {@code GET .../versions/{v}} (dataset, datasetVersion, datasetSha256, features, fittedSpec) and
 * {@code GET .../versions/{v}/training-data?format=csv} (header: entity column, feature output columns,
 * label columns; rows in file order). The features are fitted and computed by common-domain's
 * {@link FeatureFitter} and transformer, the same code the feature-service runs, over copies of the
 * shared fixture CSVs; the entity column {@code id} is the row number, as in the feature-service tests.
 */
final class FixtureFeatureService implements AutoCloseable {

  /**
   * A feature set over one fixture: every column except the label gets the same transformation, then
   * the {@code extra} features (which may read any column, the label included).
   */
  record Set(String name, String file, String label, Transformation transformation, List<FeatureDefinition> extra) {
    Set(String name, String file, String label, Transformation transformation) {
      this(name, file, label, transformation, List.of());
    }
  }

  static final Set IRIS = new Set("iris-std", "iris.csv", "species", new Transformation.Standardize());
  static final Set BREAST_CANCER = new Set("breast-cancer-std", "breast_cancer.csv", "malignant",
      new Transformation.Standardize());
  static final Set DIABETES = new Set("diabetes-std", "diabetes.csv", "progression", new Transformation.Standardize());
  // digits has constant pixel columns (always 0): standardize refuses zero variance, min-max maps them to 0
  static final Set DIGITS = new Set("digits-scaled", "digits.csv", "digit", new Transformation.MinMaxScale());
  /** Iris whose features include the one-hot encoded label: a model trained on it would read its own target. */
  static final Set IRIS_LEAKY = new Set("iris-leaky", "iris.csv", "species", new Transformation.Standardize(),
      List.of(FeatureDefinition.of("species_seen", "species", new Transformation.OneHot(null))));

  /** How a version's labels relate to the fixture's. */
  enum Labels {
    /** As in the fixture file. */
    TRUE,
    /** Permuted over all rows (seeded): nothing can be learnt from them. */
    SHUFFLED,
    /** Permuted over the rows outside the every-kth k = 5 holdout, which keep their true labels. */
    SHUFFLED_OUTSIDE_HOLDOUT
  }

  /** @param dataset the version's dataset name; @param csv its raw rows, as the data-service would stream them */
  private record Served(Set set, String dataset, String sha256, FittedFeatureSpec spec, List<String> header,
      List<List<Object>> rows, byte[] csv) {
  }

  /** Set name → its versions, version n at index n - 1; every version counts as materialized. */
  private final Map<String, List<Served>> sets = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpServer server;

  FixtureFeatureService(Set... sets) throws IOException {
    for (Set set : sets) {
      List<Served> versions = new java.util.concurrent.CopyOnWriteArrayList<>();
      versions.add(load(set, set.file().replace(".csv", ""), Labels.TRUE));
      this.sets.put(set.name(), versions);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/feature-sets/", this::handle);
    server.createContext("/api/v1/datasets/", this::handleDataset);
    // a stalled answer holds its own thread, never the others'
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The raw fixture rows (column → Double, or String for the label) and the served spec, for independent checks. */
  List<Map<String, Object>> rawRows(Set set) {
    return read(set).rows();
  }

  FittedFeatureSpec spec(Set set) {
    return sets.get(set.name()).getFirst().spec();
  }

  /**
   * Serves one more version of {@code set} (the set is created if new: retraining tests use sets of their
   * own, whose dataset, named like the set, gets a version per feature-set version, its raw rows at the
   * data-service's {@code GET /api/v1/datasets/{name}/versions/{v}/content}), fitted on the fixture's rows
   * with the given labels. Returns the version number.
   */
  int addVersion(Set set, Labels labels) {
    List<Served> versions = sets.computeIfAbsent(set.name(), n -> new java.util.concurrent.CopyOnWriteArrayList<>());
    synchronized (versions) {
      versions.add(load(set, set.name(), labels));
      return versions.size();
    }
  }

  private final java.util.Set<String> withheld = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** From now on the data-service part answers 503 for this set's dataset (an unreachable data-service). */
  void withholdRawRows(Set set) {
    withheld.add(set.name());
  }

  /** How a set's training-data answer stalls. */
  enum Stall {
    /** The request is taken and never answered. */
    BEFORE_HEADERS,
    /** Status, headers and the CSV header line, then silence. */
    AFTER_HEADER_LINE
  }

  private final Map<String, Stall> stalled = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile java.util.concurrent.CountDownLatch stallsReleased = new java.util.concurrent.CountDownLatch(1);

  /** From now on the set's training data stalls as given, until {@link #releaseStalls}. */
  void stallTrainingData(Set set, Stall how) {
    stalled.put(set.name(), how);
  }

  /** Stalled answers end (their connections close) and the sets answer normally again. */
  void releaseStalls() {
    stalled.clear();
    java.util.concurrent.CountDownLatch released = stallsReleased;
    stallsReleased = new java.util.concurrent.CountDownLatch(1);
    released.countDown();
  }

  private void stall(HttpExchange exchange, Served served, Stall how) throws IOException {
    java.util.concurrent.CountDownLatch released = stallsReleased;
    if (how == Stall.AFTER_HEADER_LINE) {
      exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=UTF-8");
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write((String.join(",", served.header()) + "\r\n").getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
    }
    try {
      released.await(5, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final Pattern CONTENT = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)/content");

  private void handleDataset(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = CONTENT.matcher(exchange.getRequestURI().getPath());
      Served served = null;
      if (m.matches()) {
        int number = Integer.parseInt(m.group(2));
        for (List<Served> versions : sets.values()) {
          if (versions.size() >= number && versions.get(number - 1).dataset().equals(m.group(1))) {
            served = versions.get(number - 1);
          }
        }
      }
      if (served != null && withheld.contains(served.dataset())) {
        send(exchange, 503, "application/problem+json", "{\"status\":503,\"detail\":\"unavailable\"}");
        return;
      }
      if (served == null) {
        send(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"not found\"}");
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "text/csv");
      exchange.sendResponseHeaders(200, served.csv().length);
      exchange.getResponseBody().write(served.csv());
    }
  }

  private static final Pattern PATH =
      Pattern.compile("/api/v1/feature-sets/([^/]+)(/versions/(\\d+)(/training-data|/materializations)?)?");

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
      List<Served> versions = m.matches() ? sets.get(m.group(1)) : null;
      int number = m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
      if (versions == null || number < 1 || number > versions.size()) {
        send(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"not found\"}");
        return;
      }
      Served served = versions.get(number - 1);
      if (m.group(2) == null) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int v = 1; v <= versions.size(); v++) {
          listed.add(Map.of("featureSet", served.set().name(), "version", v));
        }
        send(exchange, 200, "application/json", EventJson.mapper().writeValueAsString(Map.of("definition",
            Map.of("name", served.set().name(), "dataset", served.set().name(), "entityColumns", List.of("id"),
                "labelColumns", List.of(served.set().label())), "versions", listed)));
      } else if ("/materializations".equals(m.group(4))) {
        send(exchange, 200, "application/json", EventJson.mapper().writeValueAsString(List.of(Map.of("featureSet",
            served.set().name(), "version", number, "state", "SUCCEEDED"))));
      } else if (m.group(4) == null) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("featureSet", served.set().name());
        version.put("version", number);
        version.put("dataset", served.dataset());
        version.put("datasetVersion", number);
        version.put("datasetSha256", served.sha256());
        version.put("features", served.spec().outputColumns());
        version.put("fittedSpec", served.spec());
        version.put("offlineTable", "offline_fixture_v1");
        send(exchange, 200, "application/json", EventJson.mapper().writeValueAsString(version));
      } else if (stalled.containsKey(served.set().name())) {
        stall(exchange, served, stalled.get(served.set().name()));
      } else {
        exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        try (Writer out = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(served.header().toArray(String[]::new)).get())) {
          for (List<Object> row : served.rows()) {
            printer.printRecord(row);
          }
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private record Raw(List<String> columns, List<Map<String, Object>> rows, byte[] bytes) {
  }

  private static Raw read(Set set) {
    try (InputStream in = FixtureFeatureService.class.getResourceAsStream("/datasets/" + set.file())) {
      byte[] bytes = in.readAllBytes();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser = format.parse(new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
          StandardCharsets.UTF_8))) {
        List<String> columns = parser.getHeaderNames();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (String column : columns) {
            row.put(column, column.equals(set.label()) ? record.get(column) : Double.valueOf(record.get(column)));
          }
          rows.add(row);
        }
        return new Raw(columns, rows, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Served load(Set set, String dataset, Labels labelling) {
    Raw raw = read(set);
    if (labelling != Labels.TRUE) {
      List<Integer> shuffled = new ArrayList<>();
      for (int i = 0; i < raw.rows().size(); i++) {
        if (labelling == Labels.SHUFFLED || i % 5 != 0) {
          shuffled.add(i);
        }
      }
      List<Object> labels = new ArrayList<>(shuffled.stream().map(i -> raw.rows().get(i).get(set.label())).toList());
      java.util.Collections.shuffle(labels, new java.util.Random(1));
      for (int j = 0; j < shuffled.size(); j++) {
        raw.rows().get(shuffled.get(j)).put(set.label(), labels.get(j));
      }
    }
    List<FeatureDefinition> definitions = raw.columns().stream().filter(c -> !c.equals(set.label()))
        .map(c -> FeatureDefinition.of(c, c, set.transformation())).collect(java.util.stream.Collectors.toList());
    definitions.addAll(set.extra());
    FittedFeatureSpec spec = FeatureFitter.fit(definitions, raw.rows());
    var transformer = spec.transformer();
    List<String> header = new ArrayList<>();
    header.add("id");
    header.addAll(spec.outputColumns());
    header.add(set.label());
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < raw.rows().size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(i);
      for (double v : transformer.transform(raw.rows().get(i))) {
        row.add(v);
      }
      row.add(raw.rows().get(i).get(set.label()));
      rows.add(row);
    }
    byte[] csv = labelling == Labels.TRUE ? raw.bytes() : csv(raw);
    return new Served(set, dataset, sha256(csv), spec, header, rows, csv);
  }

  private static byte[] csv(Raw raw) {
    var out = new java.io.StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader(raw.columns().toArray(String[]::new)).get())) {
      for (Map<String, Object> row : raw.rows()) {
        printer.printRecord(raw.columns().stream().map(row::get).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    releaseStalls();
    server.stop(0);
  }
}
