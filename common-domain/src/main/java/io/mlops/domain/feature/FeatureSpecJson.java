package io.mlops.domain.feature;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes specs as JSON with a plain Jackson 3 mapper. The records carry their own
 * annotations, so a service's own mapper (Spring's) reads and writes the same JSON; this is for
 * code that has none, e.g. a model artifact carrying its fitted spec.
 */
public final class FeatureSpecJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private FeatureSpecJson() {}

  public static String write(FittedFeatureSpec spec) {
    return MAPPER.writeValueAsString(spec);
  }

  public static FittedFeatureSpec readFitted(String json) {
    return MAPPER.readValue(json, FittedFeatureSpec.class);
  }

  public static String write(FeatureDefinition definition) {
    return MAPPER.writeValueAsString(definition);
  }

  public static FeatureDefinition readDefinition(String json) {
    return MAPPER.readValue(json, FeatureDefinition.class);
  }
}
