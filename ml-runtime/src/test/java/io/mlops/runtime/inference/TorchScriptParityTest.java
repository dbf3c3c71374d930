package io.mlops.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.testing.Csv;
import io.mlops.runtime.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared TorchScript fixtures, packed, unpacked and loaded through the artifact path, reproduce
 * the logits PyTorch 2.11 computed when they were exported ({@code *_expected.csv}) on libtorch
 * 2.7.1: within 1e-4 absolute (logits reach ~60) and with the same argmax on every row.
 */
class TorchScriptParityTest {

  private static final double TOLERANCE = 1e-4;

  @TempDir
  Path tmp;

  @Test
  void irisLogitsMatchPyTorch() {
    // iris_mlp_expected.csv: 4 input columns, then 3 expected logits, one row per iris.csv row.
    List<CSVRecord> rows = Csv.read("/models/iris_mlp_expected.csv");
    float[] inputs = columns(rows, 0, 4);
    float[] expected = columns(rows, 4, 3);

    assertParity(Fixtures.irisTorchScript(), "iris_mlp.pt", inputs, expected, rows.size(), 4, 3);
  }

  @Test
  void digitsLogitsMatchPyTorch() {
    // digits_mlp_expected.csv: the row index into digits.csv, then 10 logits; its inputs are the
    // 64 pixels of those rows, kept in digits_first200_inputs.csv (the first 200 rows of digits.csv).
    List<CSVRecord> expectedRows = Csv.read("/models/digits_mlp_expected.csv");
    List<CSVRecord> pixels = Csv.read("/models/digits_first200_inputs.csv");
    float[] inputs = new float[expectedRows.size() * 64];
    for (int r = 0; r < expectedRows.size(); r++) {
      CSVRecord source = pixels.get(Integer.parseInt(expectedRows.get(r).get("row")));
      for (int j = 0; j < 64; j++) {
        inputs[r * 64 + j] = Float.parseFloat(source.get("p" + j));
      }
    }
    float[] expected = columns(expectedRows, 1, 10);

    assertParity(Fixtures.digitsTorchScript(), "digits_mlp.pt", inputs, expected, expectedRows.size(), 64, 10);
  }

  private void assertParity(ModelManifest manifest, String module, float[] inputs, float[] expected,
      int rows, int width, int classes) {
    Path pt = Fixtures.copyModelResource(module, tmp.resolve("src"));
    String sha = ModelArchive.write(manifest, pt, tmp.resolve("model.zip"));
    try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(tmp.resolve("model.zip"), sha, tmp.resolve("model")));
        BatchPredictor predictor = model.newPredictor()) {
      float[] batch = predictor.predict(inputs, rows);
      assertClose(batch, expected, rows, classes);

      // Row by row gives the same answer as the whole batch.
      float[] single = new float[rows * classes];
      for (int r = 0; r < rows; r++) {
        float[] row = new float[width];
        System.arraycopy(inputs, r * width, row, 0, width);
        System.arraycopy(predictor.predict(row, 1), 0, single, r * classes, classes);
      }
      assertClose(single, expected, rows, classes);
    }
  }

  private static void assertClose(float[] actual, float[] expected, int rows, int classes) {
    assertThat(actual).hasSize(expected.length);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < classes; c++) {
        int i = r * classes + c;
        assertThat(Math.abs((double) actual[i] - expected[i]))
            .as("row %d logit %d: %s vs %s", r, c, actual[i], expected[i]).isLessThanOrEqualTo(TOLERANCE);
      }
      assertThat(argmax(actual, r, classes)).as("argmax of row %d", r).isEqualTo(argmax(expected, r, classes));
    }
  }

  private static int argmax(float[] values, int row, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (values[row * classes + c] > values[row * classes + best]) {
        best = c;
      }
    }
    return best;
  }

  private static float[] columns(List<CSVRecord> rows, int from, int count) {
    float[] out = new float[rows.size() * count];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < count; c++) {
        out[r * count + c] = Float.parseFloat(rows.get(r).get(from + c));
      }
    }
    return out;
  }
}
