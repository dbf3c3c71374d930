package io.mlops.monitoring;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.PredictionMade;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fixture factory on seattle-weather.csv (copied from shared/fixtures/datasets): the 2012-2013 rows as a
 * reference CSV, and PredictionMade events built from reference rows (the label predicted is the row's weather).
 */
final class WeatherTraffic {

    static final String HEADER = "date,precipitation,temp_max,temp_min,wind,weather";
    private static final List<String[]> REFERENCE_ROWS = load();

    private WeatherTraffic() {
    }

    /** The 731 rows of 2012 and 2013 with the header, as the reference upload body. */
    static String referenceCsv() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        REFERENCE_ROWS.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        return csv.toString();
    }

    /** The same rows with only the date and temp_max columns, as a reference upload body (no label). */
    static String datedReferenceCsv() {
        StringBuilder csv = new StringBuilder("date,temp_max\n");
        REFERENCE_ROWS.forEach(r -> csv.append(r[0]).append(',').append(r[2]).append('\n'));
        return csv.toString();
    }

    /** A prediction of the row's weather from its temp_max as it was and {@code date}, as a model fed the date would get. */
    static PredictionMade datedPrediction(ModelVersionRef model, String[] row, String date) {
        return new PredictionMade(PredictionId.random(), model, "production", Instant.now(),
                map("date", date, "temp_max", Double.parseDouble(row[2])), null, row[5], Map.of(), 2.0, false);
    }

    static List<String[]> referenceRows() {
        return REFERENCE_ROWS;
    }

    /** Every 7th reference row from {@code offset}: 100 rows or so spread over both years, so seasons do not drift. */
    static List<String[]> spreadSample(int offset, int count) {
        return IntStream.range(0, count).mapToObj(i -> REFERENCE_ROWS.get((offset + 7 * i) % REFERENCE_ROWS.size())).toList();
    }

    static double[] column(List<String[]> rows, int index, double shift) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[index]) + shift).toArray();
    }

    /** A prediction of the row's weather from its features, temp_max shifted by {@code shift} degrees. */
    static PredictionMade prediction(ModelVersionRef model, String[] row, double shift, double latencyMs) {
        Map<String, Object> features = new HashMap<>();
        features.put("precipitation", Double.parseDouble(row[1]));
        features.put("temp_max", Double.parseDouble(row[2]) + shift);
        features.put("temp_min", Double.parseDouble(row[3]));
        features.put("wind", Double.parseDouble(row[4]));
        return new PredictionMade(PredictionId.random(), model, "production", Instant.now(), features, null, row[5],
                Map.of(row[5], 0.9), latencyMs, false);
    }

    private static List<String[]> load() {
        try (InputStream in = WeatherTraffic.class.getResourceAsStream("/datasets/seattle-weather.csv")) {
            List<String[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].trim().split(",");
                if (cells[0].startsWith("2012") || cells[0].startsWith("2013")) {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
