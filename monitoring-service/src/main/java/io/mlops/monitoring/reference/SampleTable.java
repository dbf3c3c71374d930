package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A parsed CSV sample: its columns (declared or inferred) and values by column, empty cells as null. */
record SampleTable(List<ColumnSchema> columns, Map<String, String[]> values, int rows) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Parses {@code csv}; columns missing from {@code declared} get a type inferred from their values. */
    static SampleTable parse(String csv, List<ColumnSchema> declared) {
        List<String> header;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), FORMAT)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ReferenceSampleInvalid(e.getMessage());
        }
        if (header.isEmpty()) {
            throw new ReferenceSampleInvalid("the CSV has no header row");
        }
        Map<String, String[]> values = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String[] column = new String[records.size()];
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                if (record.size() != header.size()) {
                    throw new ReferenceSampleInvalid("line " + record.getRecordNumber() + " has " + record.size()
                            + " fields, the header " + header.size());
                }
                String v = record.get(c);
                column[r] = v == null || v.isEmpty() ? null : v;
            }
            values.put(header.get(c), column);
        }
        Map<String, ColumnSchema> byName = new HashMap<>();
        declared.forEach(s -> byName.put(s.name(), s));
        List<ColumnSchema> columns = new ArrayList<>();
        for (String name : header) {
            columns.add(byName.getOrDefault(name, inferred(name, values.get(name))));
        }
        return new SampleTable(List.copyOf(columns), values, records.size());
    }

    /**
     * Of the non-empty values (when there is one): FLOAT when every one parses as a number, DATE when every one is an
     * ISO date ({@code 2012-01-01}), TIMESTAMP when every one is an ISO date or date-time ({@code 2012-01-01T10:00:00},
     * a space for the T, an offset or Z allowed), as the data-service types CSV text; STRING otherwise.
     */
    private static ColumnSchema inferred(String name, String[] values) {
        boolean any = false;
        boolean nullable = false;
        boolean numbers = true;
        boolean dates = true;
        boolean timestamps = true;
        for (String v : values) {
            if (v == null) {
                nullable = true;
                continue;
            }
            any = true;
            numbers = numbers && Values.number(v) != null;
            if (!numbers && (dates || timestamps)) {
                ColumnType temporal = temporal(v);
                dates = dates && temporal == ColumnType.DATE;
                timestamps = timestamps && temporal != null;
            }
        }
        ColumnType type = !any ? ColumnType.STRING : numbers ? ColumnType.FLOAT : dates ? ColumnType.DATE
                : timestamps ? ColumnType.TIMESTAMP : ColumnType.STRING;
        return new ColumnSchema(name, type, nullable);
    }

    /** DATE for an ISO date, TIMESTAMP for an ISO date-time, null otherwise. */
    private static ColumnType temporal(String value) {
        String v = value.trim();
        try {
            LocalDate.parse(v);
            return ColumnType.DATE;
        } catch (DateTimeParseException notADate) {
            // a date-time, perhaps
        }
        if (v.length() <= 10 || (v.charAt(10) != 'T' && v.charAt(10) != ' ')) {
            return null;
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(v.substring(0, 10) + 'T' + v.substring(11));
            return ColumnType.TIMESTAMP;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    double[] numbers(String column) {
        String[] raw = values.get(column);
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = Values.toDouble(raw[i]);
        }
        return out;
    }

    String[] strings(String column) {
        return values.get(column);
    }
}
