package io.mlops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.domain.feature.FeatureTransformer;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import io.mlops.standalone.suite.Service;
import io.mlops.standalone.testing.Platform;
import io.mlops.standalone.testing.RunningSuite;
import io.mlops.standalone.testing.StandaloneSuiteExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's quality targets through the real services: each shared dataset is uploaded to the data-service,
 * turned into a feature set by the feature-service (fitted there, materialized to its offline table), trained
 * through the model-service's job API with an every-kth (k = 5) holdout, and the metrics are read from the
 * registered version. The datasets are the shared fixtures with a synthetic {@code id} column (the row number)
 * as the entity, since none has a natural key. The hyperparameters are those that met the targets against the
 * model-service's former stand-in for the feature-service (R² 0.5198; 0.9737 / ROC AUC 0.9963; 0.9667; 0.9694).
 * Where a metric is re-checked, the expected value is computed here independently: the registered artifact is
 * downloaded, loaded with ml-runtime, the raw holdout rows go through the artifact's own fitted spec, and accuracy /
 * ROC AUC (by counting concordant positive-negative pairs) are computed from those predictions.
 */
@ExtendWith(StandaloneSuiteExtension.class)
class TrainingQualityIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TrainingQualityIntegrationTest.class);
    private static final Duration TRAINING = Duration.ofMinutes(5);

    static Platform platform;

    @BeforeAll
    static void attach(RunningSuite suite) {
        platform = new Platform(suite);
    }

    @Test
    void diabetesLinearRegressionExplainsHalfTheVariance() {
        String featureSet = featureSet("diabetes", "progression", "standardize");
        Map<String, Double> metrics = train("quality-diabetes", featureSet, "progression", "regression",
                Map.of("type", "linear-regression"), Map.of("type", "adam", "learningRate", 1.0, "batchSize", 512, "epochs", 500)).metrics();

        assertThat(metrics.get("r2")).isGreaterThanOrEqualTo(0.50);
        assertThat(metrics.get("rmse")).isGreaterThanOrEqualTo(metrics.get("mae"));
    }

    @Test
    void breastCancerLogisticRegressionIsAccurateAndRanksWell(@TempDir Path tmp) throws Exception {
        String featureSet = featureSet("breast_cancer", "malignant", "standardize");
        Trained trained = train("quality-breast-cancer", featureSet, "malignant", "binary",
                Map.of("type", "logistic-regression"), Map.of("type", "adam", "learningRate", 0.01, "batchSize", 32, "epochs", 40));
        Map<String, Double> metrics = trained.metrics();

        assertThat(metrics.get("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(metrics.get("roc_auc")).isGreaterThanOrEqualTo(0.99);

        // recomputed here from the downloaded artifact: binary models give one logit per row, for class "1"
        Holdout holdout = predictHoldout(trained, "breast_cancer", "malignant", tmp);
        List<Boolean> positive = holdout.labels().stream().map("1"::equals).toList();
        assertThat(metrics.get("roc_auc")).isCloseTo(pairwiseAuc(holdout.outputs(), positive), within(1e-6));
        long correct = 0;
        for (int i = 0; i < positive.size(); i++) {
            correct += (holdout.outputs()[i] > 0) == positive.get(i) ? 1 : 0;
        }
        assertThat(metrics.get("accuracy")).isCloseTo((double) correct / positive.size(), within(1e-9));
    }

    @Test
    void irisLogisticRegressionIsAccurateAndTheSameSeedGivesTheSameMetrics(@TempDir Path tmp) throws Exception {
        String featureSet = featureSet("iris", "species", "standardize");
        Map<String, Object> algorithm = Map.of("type", "logistic-regression");
        Map<String, Object> optimizer = Map.of("type", "adam", "learningRate", 0.05, "batchSize", 16, "epochs", 60);
        Trained first = train("quality-iris", featureSet, "species", "multiclass", algorithm, optimizer);
        Trained second = train("quality-iris", featureSet, "species", "multiclass", algorithm, optimizer);

        assertThat(first.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.93);
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(second.metrics()).isEqualTo(first.metrics());

        // recomputed here from the downloaded artifact: the arg max of the three logits against the true species
        Holdout holdout = predictHoldout(first, "iris", "species", tmp);
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        long correct = 0;
        for (int i = 0; i < holdout.labels().size(); i++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = holdout.outputs()[i * 3 + c] > holdout.outputs()[i * 3 + best] ? c : best;
            }
            correct += classes.get(best).equals(holdout.labels().get(i)) ? 1 : 0;
        }
        assertThat(first.metrics().get("accuracy")).isCloseTo((double) correct / holdout.labels().size(), within(1e-9));
    }

    @Test
    void digitsMlpIsAccurate() {
        // digits has pixel columns that are always 0: standardize refuses zero variance, min-max maps them to 0
        String featureSet = featureSet("digits", "digit", "min_max_scale");
        Map<String, Double> metrics = train("quality-digits", featureSet, "digit", "multiclass",
                Map.of("type", "mlp", "hiddenSizes", List.of(64), "activation", "relu"),
                Map.of("type", "adam", "learningRate", 0.005, "batchSize", 32, "epochs", 25)).metrics();

        assertThat(metrics.get("accuracy")).isGreaterThanOrEqualTo(0.96);
    }

    /**
     * Uploads {@code datasets/<file>.csv} as dataset {@code quality-<file>} and creates a feature set over it with
     * every column but {@code id} and the label as a feature with one transformation; waits for its materialization.
     */
    private static String featureSet(String file, String label, String transformation) {
        String name = "quality-" + file.replace('_', '-');
        byte[] csv = resource("datasets/" + file + ".csv");
        platform.createDataset(name);
        Platform.DatasetVersion version = platform.upload(name, file + ".csv", csv);
        String header = new String(csv, 0, indexOf(csv, (byte) '\n'), StandardCharsets.UTF_8).strip();
        List<Map<String, Object>> features = new ArrayList<>();
        for (String column : header.split(",")) {
            if (!column.equals("id") && !column.equals(label)) {
                features.add(Map.of("name", column, "column", column, "transformations", List.of(Map.of("type", transformation))));
            }
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", name);
        definition.put("dataset", name);
        definition.put("datasetVersion", version.version());
        definition.put("entityColumns", List.of("id"));
        definition.put("labelColumns", List.of(label));
        definition.put("features", features);
        int featureSetVersion = platform.createFeatureSet(definition);
        assertThat(featureSetVersion).isEqualTo(1);
        platform.awaitMaterialized(name, featureSetVersion, Duration.ofMinutes(2));
        return name;
    }

    /** A registered version and its holdout metrics. */
    record Trained(String model, int version, Map<String, Double> metrics) {
    }

    /** Trains on version 1 of the feature set with seed 7 and an every-5th holdout; returns the registered version. */
    @SuppressWarnings("unchecked")
    private static Trained train(String model, String featureSet, String label, String task,
            Map<String, Object> algorithm, Map<String, Object> optimizer) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelName", model);
        request.put("featureSet", featureSet);
        request.put("featureSetVersion", 1);
        request.put("labelColumn", label);
        request.put("task", task);
        request.put("algorithm", algorithm);
        request.put("optimizer", optimizer);
        request.put("seed", 7);
        request.put("split", Map.of("type", "every-kth", "k", 5));
        Map<String, Object> job = platform.train(request, TRAINING);
        int version = ((Number) job.get("modelVersion")).intValue();
        Map<String, Object> registered = platform.modelVersion(model, version);
        Map<String, Object> lineage = (Map<String, Object>) registered.get("lineage");
        assertThat(lineage).as("lineage of %s v%d", model, version).isNotNull();
        assertThat(String.valueOf(lineage)).contains(featureSet);
        Map<String, Double> metrics = new LinkedHashMap<>();
        ((Map<String, Object>) registered.get("metrics")).forEach((k, v) -> {
            if (v instanceof Number n) {
                metrics.put(k, n.doubleValue());
            }
        });
        assertThat(metrics).as("%s v%d metrics", model, version).isNotEmpty();
        log.info("{} v{} holdout metrics: {}", model, version, metrics);
        return new Trained(model, version, metrics);
    }

    record Holdout(float[] outputs, List<String> labels) {
    }

    /**
     * Downloads the registered artifact (checked against its SHA-256 while unpacking), loads it with ml-runtime and
     * predicts the raw rows of the holdout (0-based index % 5 == 0 of the uploaded file, which the feature-service
     * serves as training data in file order) through the artifact's own fitted spec.
     */
    private static Holdout predictHoldout(Trained trained, String file, String label, Path tmp) throws Exception {
        var download = platform.http(Service.MODEL).get().uri("/api/v1/models/{name}/versions/{v}/artifact", trained.model(), trained.version())
                .retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        Path archive = tmp.resolve("artifact.zip");
        Files.write(archive, download.getBody());
        var unpacked = ModelArchive.unpack(archive, download.getHeaders().getFirst("X-Artifact-Sha256"), tmp.resolve("unpacked"));
        List<String> lines = new String(resource("datasets/" + file + ".csv"), StandardCharsets.UTF_8).lines().toList();
        String[] columns = lines.getFirst().split(",");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 5) {
            String[] cells = lines.get(i + 1).split(",");
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].equals(label)) {
                    labels.add(cells[c]);
                } else if (!columns[c].equals("id")) {
                    row.put(columns[c], Double.valueOf(cells[c]));
                }
            }
            rows.add(row);
        }
        try (LoadedModel model = ModelLoader.load(unpacked)) {
            FeatureTransformer transformer = model.signature().transformations().transformer();
            float[] x = new float[rows.size() * transformer.width()];
            transformer.transformBatch(rows, x);
            return new Holdout(model.newPredictor().predict(x, rows.size()), labels);
        }
    }

    /** P(score of a random positive > score of a random negative), ties counting 1/2: ROC AUC by its definition. */
    private static double pairwiseAuc(float[] scores, List<Boolean> positive) {
        double concordant = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (positive.get(i) && !positive.get(j)) {
                    pairs++;
                    concordant += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return concordant / pairs;
    }

    private static byte[] resource(String path) {
        try (InputStream in = TrainingQualityIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
