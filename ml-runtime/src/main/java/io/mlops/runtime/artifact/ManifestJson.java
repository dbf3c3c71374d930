package io.mlops.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.domain.feature.FeatureDefinitionInvalid;
import io.mlops.runtime.architecture.InvalidArchitecture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code model.json}. Unknown fields are ignored (a newer writer may add some
 * within the same format version); the format version is checked before anything else is bound,
 * so a future layout fails with {@link UnsupportedFormatVersion} rather than a binding error.
 */
public final class ManifestJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .addModule(TaskJson.module())
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private ManifestJson() {}

  public static byte[] write(ModelManifest manifest) {
    return MAPPER.writeValueAsBytes(manifest);
  }

  public static String toJson(ModelManifest manifest) {
    return MAPPER.writeValueAsString(manifest);
  }

  /**
   * @throws UnsupportedFormatVersion if formatVersion is not {@link ModelManifest#FORMAT_VERSION}
   * @throws ManifestInvalid if the JSON is malformed or does not describe a usable model
   * @throws InvalidArchitecture if the architecture spec is invalid
   */
  public static ModelManifest read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new ManifestInvalid("model.json is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode version = tree.path("formatVersion");
    if (!version.isIntegralNumber()) {
      throw new ManifestInvalid("model.json has no integer formatVersion");
    }
    if (version.intValue() != ModelManifest.FORMAT_VERSION) {
      throw new UnsupportedFormatVersion(version.intValue());
    }
    try {
      return MAPPER.treeToValue(tree, ModelManifest.class);
    } catch (JacksonException e) {
      throw rootCauseOrWrap(e);
    }
  }

  public static ModelManifest fromJson(String json) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Our own validation errors surface as they are; Jackson wraps them when thrown in constructors. */
  private static RuntimeException rootCauseOrWrap(JacksonException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ManifestInvalid || t instanceof InvalidArchitecture || t instanceof UnsupportedFormatVersion) {
        return (RuntimeException) t;
      }
      if (t instanceof FeatureDefinitionInvalid invalid) {
        return new ManifestInvalid("input transformations are invalid: " + invalid.getMessage(), invalid);
      }
    }
    return new ManifestInvalid("model.json does not match the format: " + e.getOriginalMessage(), e);
  }
}
