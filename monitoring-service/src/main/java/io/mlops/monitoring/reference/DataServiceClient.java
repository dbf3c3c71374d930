package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.EventJson;
import io.mlops.monitoring.MonitoringProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The data-service's API as this service uses it: a dataset version's schema (and target column, when the
 * version declares one) and its reservoir sample as CSV with a header.
 */
@Component
class DataServiceClient {

    private final RestClient http;

    DataServiceClient(MonitoringProperties props) {
        var requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(props.dataServiceUrl().toString()).build();
    }

    record VersionInfo(List<ColumnSchema> columns, String target) {
    }

    VersionInfo version(DatasetVersionRef ref) {
        String body = http.get().uri("/api/v1/datasets/{name}/versions/{v}", ref.dataset(), ref.version())
                .retrieve().body(String.class);
        JsonNode root = EventJson.mapper().readTree(body);
        List<ColumnSchema> columns = new ArrayList<>();
        for (JsonNode c : root.path("schema").path("columns")) {
            columns.add(new ColumnSchema(c.path("name").asString(), typeOf(c.path("type").asString()), c.path("nullable").asBoolean(true)));
        }
        String target = root.path("target").isString() ? root.path("target").asString()
                : root.path("labelColumn").isString() ? root.path("labelColumn").asString() : null;
        return new VersionInfo(columns, target);
    }

    String sampleCsv(DatasetVersionRef ref) {
        return http.get().uri("/api/v1/datasets/{name}/versions/{v}/sample?format=csv", ref.dataset(), ref.version())
                .retrieve().body(String.class);
    }

    private static ColumnType typeOf(String name) {
        try {
            return ColumnType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ColumnType.STRING;
        }
    }
}
