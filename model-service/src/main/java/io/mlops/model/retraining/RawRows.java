package io.mlops.model.retraining;

import io.mlops.domain.id.DatasetVersionRef;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A dataset version's raw rows, in file order, from the data-service
 * ({@code GET /api/v1/datasets/{name}/versions/{v}/content?format=csv}); values as text, empty = missing.
 * Through {@code HttpURLConnection}, whose read timeout bounds each wait for bytes (as for training
 * data, see {@link io.mlops.model.training.data.FeatureServiceClient}): a data-service that falls
 * silent fails the read instead of holding the gate for ever.
 */
@Component
class RawRows {

  private final DataServiceProperties properties;
  private final RestClient http;

  RawRows(DataServiceProperties properties) {
    this.properties = properties;
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(properties.connectTimeout());
    factory.setReadTimeout(properties.idleTimeout());
    this.http = RestClient.builder().requestFactory(factory).build();
  }

  List<Map<String, String>> of(DatasetVersionRef dataset) {
    String base = properties.dataServiceUrl().replaceAll("/+$", "");
    URI uri = URI.create(base + "/api/v1/datasets/" + URLEncoder.encode(dataset.dataset(), StandardCharsets.UTF_8)
        .replace("+", "%20") + "/versions/" + dataset.version() + "/content?format=csv");
    try {
      return http.get().uri(uri).exchange((request, response) -> {
        if (response.getStatusCode().value() != 200) {
          throw new IllegalStateException("data-service answered " + response.getStatusCode().value() + " for " + uri);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
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
      });
    } catch (ResourceAccessException | UncheckedIOException e) {
      throw new IllegalStateException("could not read " + uri + ": " + e.getMessage(), e);
    }
  }
}
