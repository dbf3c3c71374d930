package io.mlops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.inference.BatchPredictor;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Import of an external TorchScript module: accepted only after a trial run; every refusal leaves nothing. */
class ImportIntegrationTest extends RegistryTestBase {

  @Test
  void importsIrisAndTheDownloadedArtifactReproducesPyTorchsLogits() throws Exception {
    String name = uniqueName("imported");
    registry.createModel(name, null, null);

    var response = importModel(name, new FileSystemResource(resource("iris_mlp.pt")), irisSignature());

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    ModelVersionView version = registry.version(name, 1);
    assertThat(version.source()).isEqualTo(ModelSource.IMPORTED);
    assertThat(version.sourceSha256()).isEqualTo(ModelArchive.sha256(resource("iris_mlp.pt")));
    assertThat(version.createdBy()).isEqualTo("importer");
    assertThat(outboxPayloads("ModelTrained", name)).hasSize(1);

    var download = http().get().uri("/api/v1/models/{n}/versions/1/artifact", name).retrieve().toEntity(byte[].class);
    Path archive = Files.write(tmp.resolve("downloaded.zip"), download.getBody());
    String sha = download.getHeaders().getFirst("X-Artifact-Sha256");
    assertThat(sha).isEqualTo(version.artifactSha256());

    // iris_mlp_expected.csv: 4 inputs, then the 3 logits PyTorch 2.11 computed at export, for all 150 iris rows
    List<CSVRecord> rows = csv("/models/iris_mlp_expected.csv");
    float[] inputs = new float[rows.size() * 4];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < 4; c++) {
        inputs[r * 4 + c] = Float.parseFloat(rows.get(r).get(c));
      }
    }
    try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(archive, sha, tmp.resolve("unpacked")));
        BatchPredictor predictor = model.newPredictor()) {
      float[] logits = predictor.predict(inputs, rows.size());
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < 3; c++) {
          assertThat((double) logits[r * 3 + c]).isCloseTo(Double.parseDouble(rows.get(r).get(4 + c)),
              org.assertj.core.api.Assertions.within(1e-4));
        }
      }
    }
  }

  @Test
  void refusesEverythingThatIsNotAWorkingTorchScriptModuleLeavingNothingBehind() {
    String name = uniqueName("guarded");
    registry.createModel(name, null, null);
    Snapshot before = snapshot();
    Resource iris = new FileSystemResource(resource("iris_mlp.pt"));

    // a legacy pickle (protocol 4 header): refused without ever being unpickled
    assertRefused(importModel(name, bytes("model.pkl", new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, '.'}),
        irisSignature()), 422, "not a zip", before);
    // torch.save output of a module: a zip of pickles without TorchScript code
    assertRefused(importModel(name, new FileSystemResource(zip("saved.pt",
        Map.of("m/data.pkl", "x", "m/version", "3", "m/data/0", "x"))), irisSignature()), 422, "constants.pkl", before);
    assertRefused(importModel(name, new FileSystemResource(zip("evil.pt", Map.of("m/code/__torch__.py", "x",
        "m/constants.pkl", "x", "m/data.pkl", "x", "m/version", "3", "m/../../escape", "x"))), irisSignature()),
        422, "m/../../escape", before);
    // laid out like TorchScript, but garbage inside: libtorch refuses it
    assertRefused(importModel(name, new FileSystemResource(zip("garbage.pt", Map.of("m/code/__torch__.py", "x",
        "m/constants.pkl", "x", "m/data.pkl", "x", "m/version", "3"))), irisSignature()), 422, "ModelLoadFailed", before);
    assertRefused(importModel(name, bytes("big.pt", new byte[80 * 1024]), irisSignature()), 413, "upload", before);

    Map<String, Object> fourClasses = irisSignature();
    fourClasses.put("classLabels", List.of("a", "b", "c", "d"));
    assertRefused(importModel(name, iris, fourClasses), 422, "ModelOutputMismatch", before);
    Map<String, Object> missing = irisSignature();
    missing.put("exampleInput", Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4));
    assertRefused(importModel(name, iris, missing), 422, "no value for feature 'petal_width'", before);
    Map<String, Object> threeFeatures = irisSignature();
    threeFeatures.put("features", List.of(number("sepal_length"), number("sepal_width"), number("petal_length")));
    threeFeatures.put("exampleInput", Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4));
    assertRefused(importModel(name, iris, threeFeatures), 422, "ModelLoadFailed", before);
    Map<String, Object> badTask = irisSignature();
    badTask.put("task", "ranking");
    assertRefused(importModel(name, iris, badTask), 422, "task 'ranking'", before);
    assertRefused(importModel(name, iris, "{not json"), 422, "signature", before);
    assertRefused(importModel("no-such-model", iris, irisSignature()), 404, "does not exist", before);
  }

  @Test
  void refusesANullTagValueNamingTheFieldBeforeTheModuleIsLoaded() {
    String name = uniqueName("nulltag");
    registry.createModel(name, null, null);
    Snapshot before = snapshot();
    Map<String, Object> signature = irisSignature();
    Map<String, String> tags = new HashMap<>();
    tags.put("origin", null);
    signature.put("tags", tags);

    assertRefused(importModel(name, new FileSystemResource(resource("iris_mlp.pt")), signature), 422,
        "\"field\":\"tags.origin\"", before);
    // refused before the upload is even opened: a legacy pickle gets the same answer, not "not a zip"
    assertRefused(importModel(name, bytes("model.pkl", new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, '.'}),
        signature), 422, "\"field\":\"tags.origin\"", before);
  }

  @Test
  void refusesNonFiniteMetricsNamingTheMetric() {
    String name = uniqueName("nanmetric");
    registry.createModel(name, null, null);
    Snapshot before = snapshot();
    Map<String, Object> signature = irisSignature();
    signature.put("metrics", Map.of("accuracy", "METRIC"));
    String template = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(signature);

    // NaN and the infinities as JSON allows them: Jackson reads "NaN"/"-Infinity" strings and 1e999 (overflow) as doubles
    for (String value : List.of("\"NaN\"", "1e999", "\"-Infinity\"")) {
      assertRefused(importModel(name, new FileSystemResource(resource("iris_mlp.pt")),
          template.replace("\"METRIC\"", value)), 422, "\"field\":\"metrics.accuracy\"", before);
    }
  }

  private void assertRefused(ResponseEntity<String> response, int status, String detailPart, Snapshot before) {
    assertProblem(response, status, detailPart);
    assertThat(snapshot()).as("nothing left behind after " + detailPart).isEqualTo(before);
  }

  private ResponseEntity<String> importModel(String model, Resource file, Object signature) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", file);
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String json = signature instanceof String s ? s : tools.jackson.databind.json.JsonMapper.builder().build()
        .writeValueAsString(signature);
    parts.add("signature", new org.springframework.http.HttpEntity<>(json, headers));
    return http().post().uri("/api/v1/models/{n}/versions:import", model).header("X-Actor", "importer")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
  }

  private static Map<String, Object> irisSignature() {
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("features", IRIS_FEATURES.stream().map(ImportIntegrationTest::number).toList());
    signature.put("task", "multiclass");
    signature.put("classLabels", IRIS_CLASSES);
    signature.put("exampleInput", Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2));
    signature.put("metrics", Map.of("accuracy", 0.97));
    return signature;
  }

  private static Map<String, String> number(String name) {
    return Map.of("name", name, "type", "number");
  }

  private static Resource bytes(String filename, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  private static List<CSVRecord> csv(String resource) throws Exception {
    try (var reader = new InputStreamReader(ImportIntegrationTest.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }
}
