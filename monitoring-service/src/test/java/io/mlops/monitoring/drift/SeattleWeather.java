package io.mlops.monitoring.drift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The seattle-weather.csv fixture (copied from shared/fixtures/datasets): reference 2012-2013, current 2015. */
final class SeattleWeather {

    static final List<String> NUMERIC = List.of("temp_max", "precipitation", "wind");
    static final String CATEGORICAL = "weather";
    private static final List<String> HEADER = List.of("date", "precipitation", "temp_max", "temp_min", "wind", "weather");

    private final List<String[]> rows;

    private SeattleWeather(List<String[]> rows) {
        this.rows = rows;
    }

    static SeattleWeather reference() {
        return load(date -> date.startsWith("2012") || date.startsWith("2013"));
    }

    static SeattleWeather current() {
        return load(date -> date.startsWith("2015"));
    }

    int size() {
        return rows.size();
    }

    double[] numeric(String column) {
        int index = HEADER.indexOf(column);
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[index])).toArray();
    }

    String[] categorical(String column) {
        int index = HEADER.indexOf(column);
        return rows.stream().map(r -> r[index]).toArray(String[]::new);
    }

    DriftReference asReference() {
        DriftReference.Builder b = DriftReference.builder();
        NUMERIC.forEach(c -> b.numeric(c, numeric(c)));
        return b.categorical(CATEGORICAL, categorical(CATEGORICAL)).build();
    }

    CurrentWindow asWindow() {
        CurrentWindow.Builder b = CurrentWindow.builder();
        NUMERIC.forEach(c -> b.numeric(c, numeric(c)));
        return b.categorical(CATEGORICAL, categorical(CATEGORICAL)).build();
    }

    private static SeattleWeather load(Predicate<String> date) {
        var in = Objects.requireNonNull(SeattleWeather.class.getResourceAsStream("/datasets/seattle-weather.csv"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!List.of(header.split(",")).equals(HEADER)) {
                throw new IllegalStateException("unexpected header " + header);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                if (date.test(cells[0])) {
                    rows.add(cells);
                }
            }
            return new SeattleWeather(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
