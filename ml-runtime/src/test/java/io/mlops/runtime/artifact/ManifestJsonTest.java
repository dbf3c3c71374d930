package io.mlops.runtime.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.feature.FittedFeature;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.feature.FittedTransformation;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.TrainingJobId;
import io.mlops.domain.model.Task;
import io.mlops.runtime.architecture.Activation;
import io.mlops.runtime.architecture.InvalidArchitecture;
import io.mlops.runtime.architecture.LinearRegressionSpec;
import io.mlops.runtime.architecture.MlpSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

  private static String example() throws IOException {
    try (var in = ManifestJsonTest.class.getResourceAsStream("/manifests/iris-mlp.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheDocumentedExample() throws IOException {
    ModelManifest manifest = ManifestJson.fromJson(example());

    assertThat(manifest.kind()).isEqualTo(ModelKind.DJL);
    assertThat(manifest.architecture()).isEqualTo(new MlpSpec(List.of(16, 8), Activation.RELU, 0.1));
    assertThat(manifest.input().width()).isEqualTo(4);
    assertThat(manifest.input().features().getFirst()).isEqualTo(new Feature("sepal_length", FeatureType.NUMBER));
    assertThat(manifest.input().transformations().features().getFirst().transformations())
        .containsExactly(new FittedTransformation.Standardize(5.84, 0.83));
    assertThat(manifest.output().units()).isEqualTo(3);
    assertThat(manifest.metrics()).containsEntry("accuracy", 0.967);
    assertThat(manifest.lineage().dataset()).isEqualTo(new DatasetVersionRef("iris", 3));
    assertThat(manifest.lineage().featureSet()).isEqualTo(new FeatureSetVersionRef("iris-standardized", 2));
    assertThat(manifest.lineage().trainingJob()).isEqualTo(TrainingJobId.of("5b0e6f1c-8f0e-4a57-9d0a-2f4c1c9e7a11"));
  }

  @Test
  void writesLowercaseNamesAndReadsBackEqual() throws IOException {
    ModelManifest manifest = ManifestJson.fromJson(example());

    String json = ManifestJson.toJson(manifest);

    assertThat(json).contains("\"kind\" : \"djl\"", "\"type\" : \"mlp\"", "\"task\" : \"multiclass\"",
        "\"activation\" : \"relu\"");
    assertThat(ManifestJson.fromJson(json)).isEqualTo(manifest);
  }

  @Test
  void leavesOutAbsentPartsAndDefaultsModelInputsToFeatureNames() {
    ModelManifest manifest = ModelManifest.torchScript(InputSignature.ofNumbers(List.of("a", "b")),
        new OutputSpec(Task.REGRESSION, null, null), null, null);

    String json = ManifestJson.toJson(manifest);

    assertThat(json).doesNotContain("architecture", "lineage", "transformations");
    ModelManifest read = ManifestJson.fromJson(json.replace("\"modelInputs\"", "\"ignoredInputs\""));
    assertThat(read.input().modelInputs()).containsExactly("a", "b");
    assertThat(read.output().name()).isEqualTo("prediction");
  }

  @Test
  void toleratesUnknownFieldsAtAnyDepth() throws IOException {
    String json = example()
        .replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"author\": \"someone\",")
        .replace("\"task\": \"multiclass\",", "\"task\": \"multiclass\", \"calibrated\": true,");

    assertThat(ManifestJson.fromJson(json)).isEqualTo(ManifestJson.fromJson(example()));
  }

  @Test
  void refusesAnotherFormatVersionBeforeBindingAnything() {
    assertThatThrownBy(() -> ManifestJson.fromJson("{\"formatVersion\": 2, \"kind\": \"onnx\"}"))
        .isInstanceOf(UnsupportedFormatVersion.class).hasMessageContaining("formatVersion 2");
    assertThatThrownBy(() -> ManifestJson.fromJson("{\"kind\": \"djl\"}"))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("formatVersion");
    assertThatThrownBy(() -> ManifestJson.fromJson("not json"))
        .isInstanceOf(ManifestInvalid.class);
  }

  @Test
  void surfacesAHiddenLayerOfSizeZeroAsInvalidArchitecture() throws IOException {
    String json = example().replace("[16, 8]", "[16, 0]");

    assertThatThrownBy(() -> ManifestJson.fromJson(json))
        .isInstanceOf(InvalidArchitecture.class).hasMessageContaining("hidden layer 1 has size 0");
  }

  @Test
  void refusesManifestsThatCannotDescribeAUsableModel() throws IOException {
    var signature = InputSignature.ofNumbers(List.of("x"));
    var classes = new OutputSpec(Task.MULTICLASS, List.of("a", "b", "c"), "logits");

    assertThatThrownBy(() -> ModelManifest.djl(null, signature, classes, Map.of(), null))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("architecture");
    assertThatThrownBy(() -> ModelManifest.djl(new LinearRegressionSpec(), signature, classes, Map.of(), null))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("MULTICLASS");
    assertThatThrownBy(() -> new OutputSpec(Task.BINARY, List.of("yes"), null))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("exactly 2");
    assertThatThrownBy(() -> InputSignature.ofNumbers(List.of("x", "x")))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> ManifestJson.fromJson(example().replace("\"djl\"", "\"onnx\"")))
        .isInstanceOf(ManifestInvalid.class);
  }

  @Test
  void binaryOutputsOneLogitMulticlassOnePerClass() {
    assertThat(new OutputSpec(Task.BINARY, List.of("benign", "malignant"), null).units()).isEqualTo(1);
    assertThat(new OutputSpec(Task.MULTICLASS, List.of("a", "b", "c", "d"), null).units()).isEqualTo(4);
    assertThat(new OutputSpec(Task.REGRESSION, List.of(), null).units()).isEqualTo(1);
  }

  @Test
  void refusesTransformationsThatDoNotMatchTheSignature() throws IOException {
    var features = List.of(new Feature("x", FeatureType.NUMBER));
    var readsUnknown = new FittedFeatureSpec(List.of(new FittedFeature("y", "y", List.of())));
    var standardized = new FittedFeatureSpec(List.of(new FittedFeature("x_std", "x",
        List.of(new FittedTransformation.Standardize(1.0, 2.0)))));

    assertThatThrownBy(() -> new InputSignature(features, readsUnknown, null))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("'y', which is not an input feature");
    assertThatThrownBy(() -> new InputSignature(features, standardized, List.of("x")))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("[x_std]");
    assertThat(new InputSignature(features, standardized, null).modelInputs()).containsExactly("x_std");
    assertThatThrownBy(() -> ManifestJson.fromJson(example().replace("\"standardize\"", "\"sharpen\"")))
        .isInstanceOf(ManifestInvalid.class);
    assertThatThrownBy(() -> ManifestJson.fromJson(example().replace("\"multiclass\"", "\"ranking\"")))
        .isInstanceOf(ManifestInvalid.class).hasMessageContaining("unknown task 'ranking'");
  }
}
