package io.mlops.inference.online;

import io.mlops.domain.id.FeatureSetVersionRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The feature-service's online API as inference uses it:
 * {@code POST {url}/api/v1/feature-sets/{name}/online} {@code {"entities":[...],"version":n}} →
 * {@code {"results":[{"entity":..., "features":{name: value}} | {"entity":..., "missing":true}]}}.
 * The values are the feature set's output columns (already transformed), i.e. the model inputs by name.
 * Connect and read are each bounded by {@code timeout}, so an outage answers 503 quickly.
 */
public final class OnlineFeatureClient {

    record OnlineRequest(List<String> entities, Integer version) {
    }

    record EntityFeatures(Object entity, Map<String, Double> features, Boolean missing) {
    }

    record OnlineResponse(String featureSet, Integer version, List<String> features, List<EntityFeatures> results) {
    }

    private final RestClient http;

    public OnlineFeatureClient(URI baseUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /**
     * The features of each entity by name, in request order.
     *
     * @throws EntityNotFound naming the first entity the store has nothing for
     * @throws FeatureStoreUnavailable when the service is slow, down, or answers an error
     */
    public List<Map<String, Object>> fetch(FeatureSetVersionRef set, List<String> entities) {
        OnlineResponse response;
        try {
            response = http.post().uri("/api/v1/feature-sets/{name}/online", set.featureSet())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new OnlineRequest(entities, set.version()))
                    .retrieve().body(OnlineResponse.class);
        } catch (RestClientException e) {
            throw new FeatureStoreUnavailable(set.featureSet(), rootMessage(e), e);
        }
        if (response == null || response.results() == null || response.results().size() != entities.size()) {
            throw new FeatureStoreUnavailable(set.featureSet(), "the answer does not have one result per entity", null);
        }
        List<Map<String, Object>> rows = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            EntityFeatures result = response.results().get(i);
            if (result == null || Boolean.TRUE.equals(result.missing()) || result.features() == null) {
                throw new EntityNotFound(i, entities.get(i), set.featureSet());
            }
            rows.add(new LinkedHashMap<>(result.features()));
        }
        return rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
