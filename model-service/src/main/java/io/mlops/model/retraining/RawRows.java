package io.mlops.model.retraining;

import io.mlops.domain.id.DatasetVersionRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * A dataset version's raw rows, in file order, from the data-service
 * ({@code GET /api/v1/datasets/{name}/versions/{v}/content?format=csv}); values as text, empty = missing.
 */
@Component
class RawRows {

  private final DataServiceProperties properties;
  private final HttpClient http;

  RawRows(DataServiceProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
  }

  List<Map<String, String>> of(DatasetVersionRef dataset) {
    String base = properties.dataServiceUrl().replaceAll("/+$", "");
    URI uri = URI.create(base + "/api/v1/datasets/" + URLEncoder.encode(dataset.dataset(), StandardCharsets.UTF_8)
        .replace("+", "%20") + "/versions/" + dataset.version() + "/content?format=csv");
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("data-service answered " + response.statusCode() + " for " + uri);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          List<String> header = parser.getHeaderNames();
          List<Map<String, String>> rows = new ArrayList<>();
          for (CSVRecord record : parser) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : header) {
              row.put(column, record.isSet(column) ? record.get(column) : "");
            }
            rows.add(row);
          }
          return rows;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + uri, e);
    }
  }
}
