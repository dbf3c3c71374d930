package io.mlops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.standalone.suite.Service;
import io.mlops.standalone.testing.Platform;
import io.mlops.standalone.testing.RunningSuite;
import io.mlops.standalone.testing.StandaloneSuiteExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's quality targets through the real services: each shared dataset is uploaded to the data-service,
 * turned into a feature set by the feature-service (fitted there, materialized to its offline table), trained
 * through the model-service's job API with an every-kth (k = 5) holdout, and the metrics are read from the
 * registered version. The datasets are the shared fixtures with a synthetic {@code id} column (the row number)
 * as the entity, since none has a natural key. The hyperparameters are those that met the targets against the
 * model-service's former stand-in for the feature-service (R² 0.5198; 0.9737 / ROC AUC 0.9963; 0.9667; 0.9694).
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
                Map.of("type", "linear-regression"), Map.of("type", "adam", "learningRate", 1.0, "batchSize", 512, "epochs", 500));

        assertThat(metrics.get("r2")).isGreaterThanOrEqualTo(0.50);
        assertThat(metrics.get("rmse")).isGreaterThanOrEqualTo(metrics.get("mae"));
    }

    @Test
    void breastCancerLogisticRegressionIsAccurateAndRanksWell() {
        String featureSet = featureSet("breast_cancer", "malignant", "standardize");
        Map<String, Double> metrics = train("quality-breast-cancer", featureSet, "malignant", "binary",
                Map.of("type", "logistic-regression"), Map.of("type", "adam", "learningRate", 0.01, "batchSize", 32, "epochs", 40));

        assertThat(metrics.get("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(metrics.get("roc_auc")).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void irisLogisticRegressionIsAccurateAndTheSameSeedGivesTheSameMetrics() {
        String featureSet = featureSet("iris", "species", "standardize");
        Map<String, Object> algorithm = Map.of("type", "logistic-regression");
        Map<String, Object> optimizer = Map.of("type", "adam", "learningRate", 0.05, "batchSize", 16, "epochs", 60);
        Map<String, Double> first = train("quality-iris", featureSet, "species", "multiclass", algorithm, optimizer);
        Map<String, Double> second = train("quality-iris", featureSet, "species", "multiclass", algorithm, optimizer);

        assertThat(first.get("accuracy")).isGreaterThanOrEqualTo(0.93);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void digitsMlpIsAccurate() {
        // digits has pixel columns that are always 0: standardize refuses zero variance, min-max maps them to 0
        String featureSet = featureSet("digits", "digit", "min_max_scale");
        Map<String, Double> metrics = train("quality-digits", featureSet, "digit", "multiclass",
                Map.of("type", "mlp", "hiddenSizes", List.of(64), "activation", "relu"),
                Map.of("type", "adam", "learningRate", 0.005, "batchSize", 32, "epochs", 25));

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

    /** Trains on version 1 of the feature set with seed 7 and an every-5th holdout; returns the registered version's metrics. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> train(String model, String featureSet, String label, String task,
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
        return metrics;
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
