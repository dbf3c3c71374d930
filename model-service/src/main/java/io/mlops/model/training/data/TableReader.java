package io.mlops.model.training.data;

import io.mlops.model.training.fit.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Turns the training-data CSV into primitive arrays, growing them by doubling (no object per row). */
public final class TableReader {

  /** The matrix and, for classification, the raw label of each class index. */
  public record Table(Matrix matrix) {
  }

  private TableReader() {}

  static Table read(CSVParser parser, List<String> features, String label, boolean classification) {
    Map<String, Integer> header = parser.getHeaderMap();
    int[] featureIndex = new int[features.size()];
    for (int i = 0; i < featureIndex.length; i++) {
      Integer index = header.get(features.get(i));
      if (index == null) {
        throw new TrainingDataUnusable("training data has no column '" + features.get(i) + "'");
      }
      featureIndex[i] = index;
    }
    Integer labelIndex = header.get(label);
    if (labelIndex == null) {
      throw new TrainingDataUnusable("training data has no label column '" + label + "'");
    }
    int cols = features.size();
    float[] x = new float[1024 * cols];
    float[] target = new float[1024];
    List<String> rawLabels = classification ? new ArrayList<>() : null;
    int rows = 0;
    for (CSVRecord record : parser) {
      if (rows == target.length) {
        x = Arrays.copyOf(x, x.length * 2);
        target = Arrays.copyOf(target, target.length * 2);
      }
      for (int c = 0; c < cols; c++) {
        x[rows * cols + c] = number(record.get(featureIndex[c]), features.get(c), record.getRecordNumber());
      }
      String value = record.get(labelIndex);
      if (value == null || value.isEmpty()) {
        throw new TrainingDataUnusable("label '" + label + "' is missing in data row " + record.getRecordNumber());
      }
      if (classification) {
        rawLabels.add(value);
      } else {
        target[rows] = number(value, label, record.getRecordNumber());
      }
      rows++;
    }
    if (rows == 0) {
      throw new TrainingDataUnusable("the training data has no rows");
    }
    x = Arrays.copyOf(x, rows * cols);
    if (!classification) {
      return new Table(new Matrix(x, rows, cols, Arrays.copyOf(target, rows), null, List.of()));
    }
    List<String> classLabels = sortedLabels(rawLabels);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classLabels.size(); i++) {
      index.put(classLabels.get(i), i);
    }
    int[] classes = rawLabels.stream().mapToInt(index::get).toArray();
    return new Table(new Matrix(x, rows, cols, null, classes, classLabels));
  }

  /** Labels in numeric order when all are numbers ("2" before "10"), else in string order. */
  static List<String> sortedLabels(List<String> raw) {
    TreeSet<String> distinct = new TreeSet<>(raw);
    boolean numeric = distinct.stream().allMatch(TableReader::isNumber);
    Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    return distinct.stream().sorted(order).toList();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static float number(String value, String column, long row) {
    try {
      return Float.parseFloat(value);
    } catch (NumberFormatException e) {
      throw new TrainingDataUnusable("column '" + column + "' row " + row + ": '" + value + "' is not a number");
    }
  }
}
