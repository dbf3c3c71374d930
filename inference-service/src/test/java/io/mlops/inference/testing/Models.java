package io.mlops.inference.testing;

import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.domain.feature.FeatureSpecJson;
import io.mlops.domain.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The shared TorchScript fixtures (iris_mlp.pt, digits_mlp.pt, exported by PyTorch) packed as model archives
 * with ml-runtime's {@link ModelArchive}, and their expected logits (computed by PyTorch, *_expected.csv).
 */
public final class Models {

    public static final List<String> IRIS_FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    public static final List<String> IRIS_CLASSES = List.of("setosa", "versicolor", "virginica");
    public static final List<String> PIXELS = IntStream.range(0, 64).mapToObj(i -> "p" + i).toList();

    private Models() {
    }

    public static Path irisArchive(Path folder) {
        return archive(folder, "iris.zip", "iris_mlp.pt", ModelManifest.torchScript(InputSignature.ofNumbers(IRIS_FEATURES),
                new OutputSpec(Task.MULTICLASS, IRIS_CLASSES, "logits"), Map.of(), null));
    }

    /**
     * Iris behind a fitted transformation spec: each feature standardized with mean 0 and std 1, the
     * identity, so its answers must equal the plain model's while going through common-domain's transformer.
     */
    public static Path irisStandardizedArchive(Path folder) {
        StringBuilder spec = new StringBuilder("{\"formatVersion\":1,\"features\":[");
        for (int i = 0; i < IRIS_FEATURES.size(); i++) {
            String f = IRIS_FEATURES.get(i);
            spec.append(i == 0 ? "" : ",").append("{\"name\":\"").append(f).append("\",\"column\":\"").append(f)
                    .append("\",\"transformations\":[{\"type\":\"standardize\",\"mean\":0.0,\"std\":1.0}]}");
        }
        spec.append("]}");
        var signature = new InputSignature(IRIS_FEATURES.stream().map(n -> new Feature(n, FeatureType.NUMBER)).toList(),
                FeatureSpecJson.readFitted(spec.toString()), IRIS_FEATURES);
        return archive(folder, "iris-std.zip", "iris_mlp.pt", ModelManifest.torchScript(signature,
                new OutputSpec(Task.MULTICLASS, IRIS_CLASSES, "logits"), Map.of(), null));
    }

    /** Iris whose lineage names the feature set its inputs come from online (for {@code entities}). */
    public static Path irisWithFeatureSet(Path folder, String featureSet) {
        var lineage = new io.mlops.domain.model.Lineage(null, null,
                new io.mlops.domain.id.FeatureSetVersionRef(featureSet, 1), null, null);
        return archive(folder, "iris-" + featureSet + ".zip", "iris_mlp.pt", ModelManifest.torchScript(
                InputSignature.ofNumbers(IRIS_FEATURES), new OutputSpec(Task.MULTICLASS, IRIS_CLASSES, "logits"),
                Map.of(), lineage));
    }

    public static Path digitsArchive(Path folder) {
        List<String> digits = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        return archive(folder, "digits.zip", "digits_mlp.pt", ModelManifest.torchScript(InputSignature.ofNumbers(PIXELS),
                new OutputSpec(Task.MULTICLASS, digits, "logits"), Map.of(), null));
    }

    private static Path archive(Path folder, String name, String module, ModelManifest manifest) {
        try (InputStream in = Models.class.getResourceAsStream("/models/" + module)) {
            Files.createDirectories(folder);
            Path pt = folder.resolve(module);
            Files.copy(in, pt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path zip = folder.resolve(name);
            ModelArchive.write(manifest, pt, zip);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numeric CSV resource under /models without its header, optionally skipping leading columns. */
    public static List<double[]> csv(String name, int skipColumns, int columns) {
        try (InputStream in = Models.class.getResourceAsStream("/models/" + name)) {
            List<double[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes()).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].trim().split(",");
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = Double.parseDouble(cells[skipColumns + c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Softmax in double precision, shifted by the largest logit (the reference for the API's probabilities). */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
