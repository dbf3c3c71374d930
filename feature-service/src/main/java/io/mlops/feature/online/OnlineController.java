package io.mlops.feature.online;

import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.FeatureSet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online lookup: up to 1,000 entities per call, answered from one Redis MGET. An entity without a
 * value is reported as missing, not as an error. Without {@code version}, the newest version whose
 * materialization succeeded is read (as {@link OnlineCatalog} last saw it).
 *
 * <p>The answer is {@code {"featureSet", "version", "features": [names], "results": [{"entity",
 * "features": {name: value}} | {"entity", "missing": true}]}}. It is written with Jackson's streaming
 * generator straight from the packed Redis values, with the version's feature names encoded once,
 * instead of a map of boxed doubles per entity serialized reflectively (see bench/feature-online).
 */
@RestController
class OnlineController {

    static final int MAX_ENTITIES = 1000;

    private static final SerializedString FEATURE_SET = new SerializedString("featureSet");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString FEATURES = new SerializedString("features");
    private static final SerializedString RESULTS = new SerializedString("results");
    private static final SerializedString ENTITY = new SerializedString("entity");
    private static final SerializedString MISSING = new SerializedString("missing");

    private final OnlineStore store;
    private final OnlineCatalog catalog;
    private final JsonMapper json;

    OnlineController(OnlineStore store, OnlineCatalog catalog, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    record OnlineRequest(List<Object> entities, Integer version) {
    }

    @PostMapping(path = "/api/v1/feature-sets/{name}/online", produces = MediaType.APPLICATION_JSON_VALUE)
    void lookup(@PathVariable String name, @RequestBody OnlineRequest request, HttpServletResponse response) throws IOException {
        List<Object> entities = request.entities();
        if (entities == null || entities.isEmpty() || entities.size() > MAX_ENTITIES) {
            throw new EntityCountInvalid(entities == null ? 0 : entities.size(), MAX_ENTITIES);
        }
        FeatureSet set = catalog.set(name);
        int number = request.version() != null ? request.version() : catalog.latestMaterialized(name);
        OnlineCatalog.Served version = catalog.version(name, number);
        String[] keys = new String[entities.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(set, entities.get(i), i);
        }
        List<byte[]> values = store.readPacked(name, number, keys);
        int width = version.names().length;

        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // room for the whole answer, so that Tomcat sends it with a Content-Length in one write
        response.setBufferSize(256 + keys.length * (48 + width * 40));
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeName(FEATURE_SET);
            out.writeString(name);
            out.writeName(VERSION);
            out.writeNumber(number);
            out.writeName(FEATURES);
            out.writeStartArray();
            for (SerializedString column : version.names()) {
                out.writeString(column);
            }
            out.writeEndArray();
            out.writeName(RESULTS);
            out.writeStartArray();
            for (int i = 0; i < keys.length; i++) {
                out.writeStartObject();
                out.writeName(ENTITY);
                out.writePOJO(entities.get(i));
                byte[] packed = values.get(i);
                if (packed == null || packed.length != width * Double.BYTES) {
                    out.writeName(MISSING);
                    out.writeBoolean(true);
                } else {
                    out.writeName(FEATURES);
                    out.writeStartObject();
                    for (int c = 0; c < width; c++) {
                        out.writeName(version.names()[c]);
                        out.writeNumber(OnlineStore.valueAt(packed, c));
                    }
                    out.writeEndObject();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static String key(FeatureSet set, Object entity, int index) {
        String key = EntityKeys.ofRequest(entity, set.entityColumns());
        if (key == null) {
            throw new EntityKeyUnreadable(index, "needs a value for each of " + set.entityColumns());
        }
        return key;
    }
}
