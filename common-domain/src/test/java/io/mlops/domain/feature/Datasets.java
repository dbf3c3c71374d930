package io.mlops.domain.feature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of the fixture datasets copied from shared/fixtures/datasets, typed as the feature-service
 * would get them from its reader: numbers as Double, the date as LocalDate, text as String.
 * A split on commas is enough for these two files (no quoting); production code reads CSV with a real parser.
 */
final class Datasets {

  private Datasets() {}

  static List<Map<String, Object>> iris() {
    return read("/datasets/iris.csv", Set.of("species"), Set.of());
  }

  static List<Map<String, Object>> seattleWeather() {
    return read("/datasets/seattle-weather.csv", Set.of("weather"), Set.of("date"));
  }

  private static List<Map<String, Object>> read(String resource, Set<String> text, Set<String> dates) {
    try (var in = Datasets.class.getResourceAsStream(resource);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = reader.readLine().split(",");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          String name = header[i];
          row.put(name, text.contains(name) ? cells[i]
              : dates.contains(name) ? LocalDate.parse(cells[i]) : Double.valueOf(cells[i]));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the rows with {@code column} set to null in every {@code every}-th row (rows 0, every, 2*every...). */
  static List<Map<String, Object>> withMissing(List<Map<String, Object>> rows, String column, int every) {
    List<Map<String, Object>> copy = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = new HashMap<>(rows.get(i));
      if (i % every == 0) {
        row.put(column, null);
      }
      copy.add(row);
    }
    return copy;
  }
}
