package io.mlops.model.registry;

import io.mlops.domain.model.Lineage;
import io.mlops.events.EventJson;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The registry's JSONB columns, written and read with the events' plain mapper (records only, no Spring config). */
final class JsonColumns {

  private static final JsonMapper MAPPER = EventJson.mapper();

  private JsonColumns() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static Map<String, String> strings(String json) {
    return MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
  }

  static Map<String, Double> doubles(String json) {
    return MAPPER.readValue(json, new TypeReference<Map<String, Double>>() {});
  }

  static Map<String, Object> objects(String json) {
    return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
  }

  static Lineage lineage(String json) {
    return MAPPER.readValue(json, Lineage.class);
  }

  static SignatureSummary signature(String json) {
    return MAPPER.readValue(json, SignatureSummary.class);
  }
}
