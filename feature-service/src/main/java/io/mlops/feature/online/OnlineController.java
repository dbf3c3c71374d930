package io.mlops.feature.online;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online lookup: up to 1,000 entities per call, answered from one Redis MGET. An entity without a
 * value is reported as missing, not as an error. Without {@code version}, the newest version whose
 * materialization succeeded is read (as {@link OnlineCatalog} last saw it).
 */
@RestController
class OnlineController {

    private final OnlineStore store;
    private final OnlineCatalog catalog;

    OnlineController(OnlineStore store, OnlineCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    record OnlineRequest(@NotEmpty @Size(max = 1000) List<Object> entities, Integer version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntityFeatures(Object entity, Map<String, Double> features, Boolean missing) {
    }

    record OnlineResponse(String featureSet, int version, List<String> features, List<EntityFeatures> results) {
    }

    @PostMapping("/api/v1/feature-sets/{name}/online")
    OnlineResponse lookup(@PathVariable String name, @Valid @RequestBody OnlineRequest request) {
        FeatureSet set = catalog.set(name);
        int number = request.version() != null ? request.version() : catalog.latestMaterialized(name);
        FeatureSetVersion version = catalog.version(name, number);
        List<String> keys = new ArrayList<>(request.entities().size());
        for (int i = 0; i < request.entities().size(); i++) {
            keys.add(key(set, request.entities().get(i), i));
        }
        List<double[]> vectors = store.read(name, number, keys);
        List<String> columns = version.outputColumns();
        List<EntityFeatures> results = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            double[] vector = vectors.get(i);
            if (vector == null || vector.length != columns.size()) {
                results.add(new EntityFeatures(request.entities().get(i), null, true));
                continue;
            }
            Map<String, Double> byName = LinkedHashMap.newLinkedHashMap(columns.size());
            for (int c = 0; c < vector.length; c++) {
                byName.put(columns.get(c), vector[c]);
            }
            results.add(new EntityFeatures(request.entities().get(i), byName, null));
        }
        return new OnlineResponse(name, number, columns, results);
    }

    private static String key(FeatureSet set, Object entity, int index) {
        String key = EntityKeys.ofRequest(entity, set.entityColumns());
        if (key == null) {
            throw new EntityKeyUnreadable(index, "needs a value for each of " + set.entityColumns());
        }
        return key;
    }
}
