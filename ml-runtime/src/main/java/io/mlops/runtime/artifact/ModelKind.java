package io.mlops.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the parameters are stored and the network is rebuilt. */
public enum ModelKind {
  /** A network built from {@code architecture} with DJL parameters in {@code model-0000.params}. */
  @JsonProperty("djl")
  DJL,
  /** A self-describing TorchScript module in {@code model.pt}; no architecture spec. */
  @JsonProperty("torchscript")
  TORCHSCRIPT;

  /** File name of the parameters inside the artifact. */
  public String parameterFile() {
    return this == DJL ? ModelArchive.DJL_PARAMETERS : ModelArchive.TORCHSCRIPT_MODULE;
  }
}
