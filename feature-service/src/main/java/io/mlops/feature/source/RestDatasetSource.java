package io.mlops.feature.source;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link DatasetSource} over the data-service's REST API. The CSV content is parsed while it
 * arrives (Commons CSV over the response stream), so memory does not grow with the dataset.
 *
 * <p>{@code HttpURLConnection} (Spring's simple factory) rather than the JDK {@code HttpClient}:
 * its read timeout is the socket's {@code SO_TIMEOUT}, which bounds each read, i.e. how long the
 * data-service may stay silent, so a long download that keeps arriving is never cut off. The
 * {@code JdkClientHttpRequestFactory} read timeout instead cancels the whole exchange, body
 * included, once it elapses (a 3M-row download failed at 30 s with "closed").
 */
@Component
class RestDatasetSource implements DatasetSource {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final RestClient http;

    RestDatasetSource(DataServiceProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.dataServiceConnectTimeout());
        factory.setReadTimeout(properties.dataServiceReadTimeout());
        this.http = RestClient.builder().baseUrl(properties.dataServiceUrl().toString()).requestFactory(factory).build();
    }

    @Override
    public DatasetVersionInfo version(String dataset, int version) {
        return fetch(dataset, Integer.toString(version));
    }

    @Override
    public DatasetVersionInfo latest(String dataset) {
        return fetch(dataset, "latest");
    }

    private DatasetVersionInfo fetch(String dataset, String version) {
        try {
            DatasetVersionInfo info = http.get().uri("/api/v1/datasets/{name}/versions/{v}", dataset, version)
                    .retrieve().body(DatasetVersionInfo.class);
            if (info == null || info.schema() == null) {
                throw new DataServiceUnavailable("no schema for " + dataset + "@" + version, null);
            }
            return info.withDataset(dataset);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw new DatasetVersionNotFound(dataset, version);
            }
            throw new DataServiceUnavailable(e.getStatusCode() + " for " + dataset + "@" + version, e);
        } catch (RestClientException e) {
            throw new DataServiceUnavailable(e.getMessage(), e);
        }
    }

    @Override
    public long readRows(DatasetVersionInfo version, Consumer<Map<String, Object>> rows) {
        try {
            Long count = http.get()
                    .uri("/api/v1/datasets/{name}/versions/{v}/content?format=csv", version.dataset(), version.version())
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                            throw new DatasetVersionNotFound(version.dataset(), Integer.toString(version.version()));
                        }
                        if (response.getStatusCode().isError()) {
                            throw new DataServiceUnavailable(response.getStatusCode() + " for the content of "
                                    + version.dataset() + "@" + version.version(), null);
                        }
                        try (Reader reader = new InputStreamReader(response.getBody(), StandardCharsets.UTF_8);
                             CSVParser parser = CSV.parse(reader)) {
                            TypedRow typed = new TypedRow(version.schema(), parser.getHeaderNames());
                            long n = 0;
                            for (CSVRecord record : parser) {
                                rows.accept(typed.of(record));
                                n++;
                            }
                            return n;
                        }
                    });
            return count == null ? 0 : count;
        } catch (ResourceAccessException e) {
            throw new DataServiceUnavailable(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new DataServiceUnavailable(e.getMessage(), e);
        }
    }
}
