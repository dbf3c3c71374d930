package io.mlops.inference.serving;

import io.mlops.domain.prediction.PredictionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link PredictionRequest} with Jackson's streaming parser, its {@code instances} rows into
 * {@link FeatureRow}s (unboxed values, one name layout shared by rows that repeat it) instead of a
 * {@code LinkedHashMap} of boxed values per row. Anything unusual (instances not an array, a row that is not an
 * object, a repeated name) goes to Jackson's own deserializers, so errors and values stay what they were.
 */
public final class FeatureRowsDeserializer extends ValueDeserializer<PredictionRequest> {

    /**
     * The last distinct layout read, shared across requests (a layout is immutable): clients send the same names in
     * the same order request after request, and {@link InputEncoder} maps a layout to model columns once per layout,
     * so a layout made anew per request cost that mapping (and its own name index) on every one-row request.
     */
    private volatile FeatureRow.Layout recent;

    @Override
    public PredictionRequest deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.isExpectedStartObjectToken()) {
            return (PredictionRequest) ctxt.handleUnexpectedToken(PredictionRequest.class, p);
        }
        List<Map<String, Object>> instances = null;
        List<String> entities = null;
        String requestKey = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "instances" -> instances = token == JsonToken.START_ARRAY ? rows(p, ctxt)
                        : token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, listOfMaps(ctxt));
                case "entities" -> entities = token == JsonToken.VALUE_NULL ? null
                        : ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, String.class));
                case "requestKey" -> requestKey = token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
                default -> ctxt.handleUnknownProperty(p, this, PredictionRequest.class, name);
            }
        }
        return new PredictionRequest(instances, entities, requestKey);
    }

    /**
     * The next name in the row. Rows repeat the names of the one before (and requests those of the last request), so
     * the parser is first asked to match the expected name's bytes where it stands, which skips its name lookup; on
     * a mismatch it has read the name anyway.
     */
    private static String nextName(JsonParser p, FeatureRow.Layout expected, int n) {
        if (expected == null || n >= expected.names.length) {
            return p.nextName();
        }
        if (p.nextName(expected.encoded[n])) {
            return expected.names[n];
        }
        return p.currentToken() == JsonToken.PROPERTY_NAME ? p.currentName() : null;
    }

    private static JavaType listOfMaps(DeserializationContext ctxt) {
        var types = ctxt.getTypeFactory();
        return types.constructCollectionType(List.class, types.constructMapType(Map.class, String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(JsonParser p, DeserializationContext ctxt) {
        List<Map<String, Object>> rows = new ArrayList<>();
        FeatureRow.Layout layout = recent;
        String[] names = new String[16];
        double[] numbers = new double[16];
        byte[] kinds = new byte[16];
        Object[] others = new Object[16];
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                rows.add(token == JsonToken.VALUE_NULL ? null : (Map<String, Object>) ctxt.readValue(p, Map.class));
                continue;
            }
            int n = 0;
            int matched = 0;
            boolean hasOthers = false;
            FeatureRow.Layout expected = layout;
            for (String name = nextName(p, expected, 0); name != null; name = nextName(p, expected, ++n)) {
                if (expected != null && n < expected.names.length && name == expected.names[n]) {
                    matched++; // the parser matched the expected name's bytes where it stood
                }
                if (n == names.length) {
                    names = Arrays.copyOf(names, n * 2);
                    numbers = Arrays.copyOf(numbers, n * 2);
                    kinds = Arrays.copyOf(kinds, n * 2);
                    others = Arrays.copyOf(others, n * 2);
                }
                names[n] = name;
                others[n] = null;
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NUMBER_FLOAT && !ctxt.isEnabled(
                        tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) {
                    kinds[n] = FeatureRow.FLOAT;
                    numbers[n] = JsonDecimals.read(p);
                } else if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    kinds[n] = FeatureRow.INT;
                    numbers[n] = p.getIntValue();
                } else {
                    kinds[n] = FeatureRow.OTHER;
                    others[n] = value == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class);
                    hasOthers = true;
                }
            }
            // Every name matched where expected: the same layout, without comparing 64 names again (5 % of a 32-row
            // request's samples, JFR).
            boolean same = layout != null && matched == n && n == layout.names.length;
            if (!same && (layout == null || !layout.sameNames(names, n))) {
                layout = new FeatureRow.Layout(Arrays.copyOf(names, n));
                if (layout.distinct()) {
                    recent = layout;
                }
            }
            if (!layout.distinct()) {
                // A repeated name: the map Jackson would have made (last value wins), from what was read.
                Map<String, Object> map = new LinkedHashMap<>();
                FeatureRow row = new FeatureRow(layout, numbers, kinds, others);
                for (int i = 0; i < n; i++) {
                    map.put(names[i], row.valueAt(i));
                }
                rows.add(map);
                layout = null;
                continue;
            }
            rows.add(new FeatureRow(layout, Arrays.copyOf(numbers, n), Arrays.copyOf(kinds, n),
                    hasOthers ? Arrays.copyOf(others, n) : null));
        }
        return rows;
    }
}
