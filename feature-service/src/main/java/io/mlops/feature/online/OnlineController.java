package io.mlops.feature.online;

import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.FeatureSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online lookup: up to 1,000 entities per call, answered from one Redis MGET. An entity without a
 * value is reported as missing, not as an error. Without {@code version}, the newest version whose
 * materialization succeeded is read (as {@link OnlineCatalog} last saw it).
 *
 * <p>The answer is {@code {"featureSet", "version", "features": [names], "results": [{"entity",
 * "features": {name: value}} | {"entity", "missing": true}]}}. No number is formatted per request:
 * Redis holds each vector as the JSON text of its values ({@link OnlineStore#encode}), and the
 * answer is assembled from those bytes and the version's pre-encoded names in one buffer, sent with a
 * Content-Length in one write (see bench/feature-online for what this saves).
 */
@RestController
class OnlineController {

    static final int MAX_ENTITIES = 1000;

    private static final byte[] FEATURE_SET = bytes("{\"featureSet\":");
    private static final byte[] VERSION = bytes(",\"version\":");
    private static final byte[] FEATURES = bytes(",\"features\":");
    private static final byte[] RESULTS = bytes(",\"results\":[");
    private static final byte[] ENTITY = bytes("{\"entity\":");
    private static final byte[] COMMA_ENTITY = bytes(",{\"entity\":");
    private static final byte[] MISSING = bytes(",\"missing\":true");
    private static final byte[] END = bytes("]}");

    private final OnlineStore store;
    private final OnlineCatalog catalog;
    private final JsonMapper json;

    OnlineController(OnlineStore store, OnlineCatalog catalog, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/feature-sets/{name}/online", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    void lookup(@PathVariable String name, HttpServletRequest http, HttpServletResponse response) throws IOException {
        OnlineRequest request = readRequest(http);
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
        List<byte[]> values = store.read(name, number, keys);

        AnswerBuffer answer = new AnswerBuffer(256 + version.names().length + keys.length * version.entityBytes());
        answer.write(FEATURE_SET);
        answer.write(bytes(OnlineAnswer.quoted(name)));
        answer.write(VERSION);
        answer.write(bytes(Integer.toString(number)));
        answer.write(FEATURES);
        answer.write(version.names());
        answer.write(RESULTS);
        for (int i = 0; i < keys.length; i++) {
            answer.write(i == 0 ? ENTITY : COMMA_ENTITY);
            OnlineAnswer.writeEntity(entities.get(i), json, answer);
            byte[] stored = values.get(i);
            int before = answer.size();
            answer.write(FEATURES);
            if (stored == null || !OnlineAnswer.writeFeatures(stored, version.fields(), answer)) {
                answer.truncate(before);
                answer.write(MISSING);
            }
            answer.write((byte) '}');
        }
        answer.write(END);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.size());
        answer.writeTo(response.getOutputStream());
    }

    record OnlineRequest(List<Object> entities, Integer version) {
    }

    /**
     * {@code {"entities": [...], "version": n}} read with Jackson's streaming parser: the message
     * converter chain cost about a quarter of a 100-entity lookup's request-thread time (JFR).
     * Malformed JSON is the same 400 as elsewhere (HttpMessageNotReadableException).
     */
    private OnlineRequest readRequest(HttpServletRequest http) throws IOException {
        try {
            return OnlineRequests.read(json, http.getInputStream());
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("request body is not readable: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(http));
        }
    }

    private static String key(FeatureSet set, Object entity, int index) {
        String key = EntityKeys.ofRequest(entity, set.entityColumns());
        if (key == null) {
            throw new EntityKeyUnreadable(index, "needs a value for each of " + set.entityColumns());
        }
        return key;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
