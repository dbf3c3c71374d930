package io.mlops.feature.store;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The fixture CSVs read directly, for expected values computed without the service: the listed
 * columns as doubles, the rest as text.
 */
final class RawCsv {

    private RawCsv() {
    }

    static List<Map<String, Object>> read(String resource, Set<String> numeric) {
        try (Reader reader = new InputStreamReader(RawCsv.class.getResourceAsStream("/datasets/" + resource), StandardCharsets.UTF_8)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Map<String, Object> row = new HashMap<>();
                record.toMap().forEach((k, v) -> row.put(k, v.isEmpty() ? null : numeric.contains(k) ? Double.parseDouble(v) : v));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> seattle() {
        return read("seattle-weather.csv", Set.of("precipitation", "temp_max", "temp_min", "wind"));
    }

    static LocalDate date(Map<String, Object> row) {
        return LocalDate.parse((String) row.get("date"));
    }
}
