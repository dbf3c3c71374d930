package io.mlops.model.training.data;

import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.events.EventJson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feature-service's REST contract: {@code GET /api/v1/feature-sets/{name}} (label columns, versions),
 * {@code GET .../versions/{v}/materializations} (their states),
 * {@code GET .../versions/{v}} (dataset version, SHA-256, fitted spec, feature columns) and
 * {@code GET .../versions/{v}/training-data?format=csv} (streamed, parsed with Commons CSV as it arrives).
 *
 * <p>Training data goes through {@code HttpURLConnection} (Spring's simple factory), as the
 * feature-service reads the data-service: its read timeout is the socket's {@code SO_TIMEOUT}, which
 * bounds each wait for bytes (the response headers included) rather than the whole download. The JDK
 * client's request timeout ends once the headers are in, so a feature-service that then fell silent
 * left the job RUNNING, its heartbeat fresh, for ever.
 */
@Component
public class FeatureServiceClient {

  private static final JsonMapper JSON = EventJson.mapper();
  private final FeatureServiceProperties properties;
  private final HttpClient http;
  private final RestClient streaming;

  FeatureServiceClient(FeatureServiceProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(properties.connectTimeout());
    factory.setReadTimeout(properties.idleTimeout());
    this.streaming = RestClient.builder().requestFactory(factory).build();
  }

  /** @throws FeatureSetNotFound (422) for an unknown set or version */
  public FeatureSetInfo describe(FeatureSetVersionRef ref) {
    String base = "/api/v1/feature-sets/" + encode(ref.featureSet());
    JsonNode set = getJson(base, ref.featureSet(), null);
    JsonNode version = getJson(base + "/versions/" + ref.version(), ref.featureSet(), ref.version());
    List<String> labels = new ArrayList<>();
    set.path("definition").path("labelColumns").forEach(n -> labels.add(n.asString()));
    List<String> features = new ArrayList<>();
    version.path("features").forEach(n -> features.add(n.asString()));
    FittedFeatureSpec spec = JSON.treeToValue(version.get("fittedSpec"), FittedFeatureSpec.class);
    return new FeatureSetInfo(ref, new DatasetVersionRef(version.path("dataset").asString(),
        version.path("datasetVersion").asInt()), version.path("datasetSha256").asString(null), spec,
        features.isEmpty() ? spec.outputColumns() : features, labels);
  }

  /**
   * The newest version of the set whose offline store a materialization has filled (a version just
   * created by a DataIngested has none until its job succeeds); empty if none has.
   *
   * @throws FeatureSetNotFound (422) for an unknown set
   */
  public java.util.Optional<Integer> newestMaterializedVersion(String featureSet) {
    String base = "/api/v1/feature-sets/" + encode(featureSet);
    List<Integer> versions = new ArrayList<>();
    getJson(base, featureSet, null).path("versions").forEach(v -> versions.add(v.path("version").asInt()));
    versions.sort(java.util.Comparator.reverseOrder());
    for (int version : versions) {
      JsonNode jobs = getJson(base + "/versions/" + version + "/materializations", featureSet, version);
      for (JsonNode job : jobs) {
        if ("SUCCEEDED".equals(job.path("state").asString())) {
          return java.util.Optional.of(version);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Streams the version's training data into a matrix of the given feature columns and label. */
  public TableReader.Table trainingData(FeatureSetVersionRef ref, List<String> features, String label,
      boolean classification) {
    URI uri = uri("/api/v1/feature-sets/" + encode(ref.featureSet()) + "/versions/" + ref.version()
        + "/training-data?format=csv");
    try {
      return streaming.get().uri(uri).exchange((request, response) -> {
        int status = response.getStatusCode().value();
        if (status == 404) {
          throw new FeatureSetNotFound(ref.featureSet(), ref.version());
        }
        if (status != 200) {
          throw new FeatureServiceUnavailable("training data answered " + status, null);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
          return TableReader.read(parser, features, label, classification);
        }
      });
    } catch (ResourceAccessException | UncheckedIOException e) {
      // Commons CSV reports a read failure mid-file as UncheckedIOException
      if (timedOut(e)) {
        throw new FeatureServiceUnavailable("the feature-service sent no bytes for " + properties.idleTimeout().toMillis()
            + " ms (mlops.model.idle-timeout) while answering GET " + uri, e);
      }
      throw new FeatureServiceUnavailable(e.getMessage(), e);
    }
  }

  /** Whether a socket read timed out: the peer stayed silent past the idle timeout. */
  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private JsonNode getJson(String path, String name, Integer version) {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(properties.readTimeout())
        .header("Accept", "application/json").GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        throw new FeatureSetNotFound(name, version);
      }
      if (response.statusCode() != 200) {
        throw new FeatureServiceUnavailable(path + " answered " + response.statusCode(), null);
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new FeatureServiceUnavailable(e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeatureServiceUnavailable("interrupted", e);
    }
  }

  private URI uri(String path) {
    String base = properties.featureServiceUrl();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
