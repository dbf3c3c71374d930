package io.mlops.model.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a version's artifact came from. */
public enum ModelSource {
  /** Trained by this service's training jobs. */
  @JsonProperty("trained")
  TRAINED,
  /** An external TorchScript module, checked on its example row before acceptance. */
  @JsonProperty("imported")
  IMPORTED;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ModelSource ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
