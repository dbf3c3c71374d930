package io.mlops.feature.online;

import io.lettuce.core.RedisFuture;
import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lookup from request body to answer bytes, the one code path whatever serves it over HTTP
 * ({@link OnlineLookupFilter}, or {@link OnlineController} when the filter is off): up to 1,000
 * entities per call, answered from one Redis MGET. An entity without a value is reported as missing,
 * not as an error. Without {@code version}, the newest version whose materialization succeeded is
 * read (as {@link OnlineCatalog} last saw it).
 *
 * <p>The answer is {@code {"featureSet", "version", "features": [names], "results": [{"entity",
 * "features": {name: value}} | {"entity", "missing": true}]}}. No number is formatted per request:
 * Redis holds each vector as the JSON object text of its values by name ({@link OnlineStore#encode}),
 * and the answer is assembled from those bytes as they are in one buffer, taken from
 * {@link AnswerBuffers} and given back once sent, while the reply is decoded ({@link AnswerOutput}; see
 * bench/feature-online for what this saves).
 */
@Component
class OnlineLookup {

    static final int MAX_ENTITIES = 1000;

    private static final byte[] FEATURE_SET = OnlineAnswer.bytes("{\"featureSet\":");
    private static final byte[] VERSION = OnlineAnswer.bytes(",\"version\":");
    private static final byte[] FEATURES = OnlineAnswer.bytes(",\"features\":");
    private static final byte[] RESULTS = OnlineAnswer.bytes(",\"results\":[");
    private static final byte[] END = OnlineAnswer.bytes("]}");

    private final OnlineStore store;
    private final OnlineCatalog catalog;
    private final JsonMapper json;
    private final AnswerBuffers buffers = new AnswerBuffers();

    OnlineLookup(OnlineStore store, OnlineCatalog catalog, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * The answer to the request {@code body} for the set {@code name}, in a buffer to give back with
     * {@link #release} once written. Bad input and an unreachable Redis are thrown as the
     * {@code ApiProblem}s and {@link HttpMessageNotReadableException} the ProblemDetail advice answers.
     */
    AnswerBuffer answer(String name, InputStream body) throws IOException {
        Prepared lookup = prepare(name, body);
        // not given back when the read fails: a late reply could still be written into it
        return finish(store.read(name, lookup.number(), lookup.keys(), start(lookup)));
    }

    /**
     * The same lookup without blocking the calling thread: the request is read and checked here (bad
     * input is thrown), the answer's head is written, the MGET is sent, and the results are written
     * into the answer as the reply is decoded (see {@link AnswerOutput}); {@link #finish} ends it on
     * whatever thread completes the returned future. A late Redis is the caller's to bound with
     * {@link OnlineStore#timeout()} (the online listener runs on event loops that must not wait).
     */
    Sent send(String name, InputStream body) throws IOException {
        Prepared lookup = prepare(name, body);
        return new Sent(lookup, store.send(name, lookup.number(), lookup.keys(), start(lookup)));
    }

    /** A lookup whose MGET is on its way. */
    record Sent(Prepared lookup, RedisFuture<AnswerOutput> reply) {
    }

    /** A checked request: the set, the version served, the entities and their keys. */
    record Prepared(String name, int number, OnlineCatalog.Served version, List<Object> entities, String[] keys) {

        int answerBytes() {
            return 256 + version.names().length + keys.length * version.entityBytes();
        }
    }

    private Prepared prepare(String name, InputStream body) {
        OnlineRequest request = readRequest(body);
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
        return new Prepared(name, number, version, entities, keys);
    }

    /** The answer's head, in a pooled buffer, and the output that appends each entity's result to it. */
    private AnswerOutput start(Prepared lookup) {
        AnswerBuffer answer = buffers.take(lookup.answerBytes());
        answer.write(FEATURE_SET);
        answer.write(OnlineAnswer.bytes(OnlineAnswer.quoted(lookup.name())));
        answer.write(VERSION);
        answer.write(OnlineAnswer.bytes(Integer.toString(lookup.number())));
        answer.write(FEATURES);
        answer.write(lookup.version().names());
        answer.write(RESULTS);
        return new AnswerOutput(answer, lookup.entities(), json);
    }

    /**
     * The whole answer once the MGET completed, to be given back with {@link #release} once written;
     * refused (and not given back) when Redis answered another number of values than keys were sent.
     */
    AnswerBuffer finish(AnswerOutput output) {
        if (output.count() != output.expected()) {
            throw new OnlineStoreUnavailable(new IllegalStateException("MGET answered " + output.count() + " values for " + output.expected() + " keys"));
        }
        if (output.failure() != null) {
            throw output.failure();
        }
        AnswerBuffer answer = output.answer();
        answer.write(END);
        return answer;
    }

    /** Gives a written answer's buffer back for a later lookup. */
    void release(AnswerBuffer answer) {
        buffers.give(answer);
    }

    record OnlineRequest(List<Object> entities, Integer version) {
    }

    /**
     * {@code {"entities": [...], "version": n}} read with Jackson's streaming parser: the message
     * converter chain cost about a quarter of a 100-entity lookup's request-thread time (JFR).
     * Malformed JSON is the same 400 as elsewhere (HttpMessageNotReadableException).
     */
    private OnlineRequest readRequest(InputStream body) {
        try {
            return OnlineRequests.read(json, body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("request body is not readable: " + e.getOriginalMessage(), e,
                    new BodyOnly(body));
        }
    }

    private static String key(FeatureSet set, Object entity, int index) {
        String key = EntityKeys.ofRequest(entity, set.entityColumns());
        if (key == null) {
            throw new EntityKeyUnreadable(index, "needs a value for each of " + set.entityColumns());
        }
        return key;
    }

    /** The input message HttpMessageNotReadableException wants to carry; nothing reads its headers. */
    private record BodyOnly(InputStream getBody) implements HttpInputMessage {

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    }
}
