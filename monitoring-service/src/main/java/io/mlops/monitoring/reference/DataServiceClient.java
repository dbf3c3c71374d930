package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.EventJson;
import io.mlops.monitoring.MonitoringProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The data-service's API as this service uses it: a dataset version's schema and its reservoir sample as CSV with a
 * header. Only HTTP, never inside a database transaction: a slow data-service must not hold a connection or locks. Bounded: a connect and a read timeout, and a cap on the bytes
 * read (checked while reading, so an oversized body is never held whole) and on the sample's rows.
 */
@Component
class DataServiceClient {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final RestClient http;
    private final URI baseUrl;
    private final MonitoringProperties.Reference limits;

    @Autowired
    DataServiceClient(MonitoringProperties props) {
        this(props.dataServiceUrl(), props.reference());
    }

    DataServiceClient(URI baseUrl, MonitoringProperties.Reference limits) {
        this.baseUrl = baseUrl;
        this.limits = limits;
        // HTTP/1.1: the JDK client's default h2c upgrade attempt buys nothing for two GETs to a plain HTTP service
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout()).build());
        requests.setReadTimeout(limits.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).baseUrl(baseUrl.toString()).build();
    }

    /**
     * What a reference needs from the data-service. The label column is not among it: a dataset version does not
     * say which column a model predicts; the model's lineage in ModelTrained does.
     */
    record Sample(List<ColumnSchema> columns, String csv) {
    }

    /** The dataset version's schema and sample; fails with {@link ReferenceFetchFailed} or {@link ReferenceSampleTooLarge}. */
    Sample fetch(DatasetVersionRef ref) {
        JsonNode root = EventJson.mapper().readTree(get("/api/v1/datasets/{name}/versions/{v}", ref, "version document"));
        List<ColumnSchema> columns = new ArrayList<>();
        for (JsonNode c : root.path("schema").path("columns")) {
            columns.add(new ColumnSchema(c.path("name").asString(), typeOf(c.path("type").asString()), c.path("nullable").asBoolean(true)));
        }
        String csv = get("/api/v1/datasets/{name}/versions/{v}/sample?format=csv", ref, "sample");
        checkRows(ref, csv);
        return new Sample(columns, csv);
    }

    private String get(String path, DatasetVersionRef ref, String what) {
        long max = limits.maxSampleSize().toBytes();
        try {
            return http.get().uri(path, ref.dataset(), ref.version()).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new ReferenceFetchFailed(ref, what, request.getURI() + " answered " + response.getStatusCode().value(), null);
                }
                long declared = response.getHeaders().getContentLength();
                if (declared > max) {
                    throw new ReferenceSampleTooLarge(ref, what, declared + " bytes declared, at most " + limits.maxSampleSize()
                            + " accepted (mlops.monitoring.reference.max-sample-size)");
                }
                return readAtMost(response.getBody(), max, ref, what);
            });
        } catch (RestClientException e) {
            throw new ReferenceFetchFailed(ref, what, baseUrl + ": " + rootMessage(e), e);
        }
    }

    /** An IOException (a read timeout, a broken connection) comes back from RestClient as a RestClientException. */
    private String readAtMost(InputStream body, long max, DatasetVersionRef ref, String what) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (bytes.length > max) {
                throw new ReferenceSampleTooLarge(ref, what, "more than " + limits.maxSampleSize()
                        + " (mlops.monitoring.reference.max-sample-size)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Counts the CSV's records (quoted line breaks included), stopping one past the cap. */
    private void checkRows(DatasetVersionRef ref, String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSV)) {
            long rows = parser.stream().limit(limits.maxSampleRows() + 1L).count();
            if (rows > limits.maxSampleRows()) {
                throw new ReferenceSampleTooLarge(ref, "sample", "more than " + limits.maxSampleRows()
                        + " rows (mlops.monitoring.reference.max-sample-rows)");
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReferenceSampleInvalid(e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return t.getClass().getSimpleName() + message;
    }

    private static ColumnType typeOf(String name) {
        try {
            return ColumnType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ColumnType.STRING;
        }
    }
}
