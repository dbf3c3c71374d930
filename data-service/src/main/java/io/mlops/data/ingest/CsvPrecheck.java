package io.mlops.data.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A strict streaming pass with Commons CSV (RFC 4180, blank lines skipped as DuckDB does) before DuckDB loads the file:
 * it reports ragged rows, broken quoting and bad headers with their physical line, which DuckDB's
 * reader does not pin down as exactly, and records where each row starts for validation reports.
 */
final class CsvPrecheck {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    // DuckDB reads a blank line of a one-column file as a null value, so it must count as a row there.
    private static final CSVFormat ONE_COLUMN = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line:? ?(\\d+)");

    record Layout(List<String> header, long rows, LineMap lines) {
    }

    private CsvPrecheck() {
    }

    static Layout check(Path file) {
        Layout layout = check(file, FORMAT);
        return layout.header().size() == 1 ? check(file, ONE_COLUMN) : layout;
    }

    private static Layout check(Path file, CSVFormat format) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            return scan(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Layout scan(CSVParser parser) {
        Iterator<CSVRecord> records = parser.iterator();
        long before = 0;
        CSVRecord headerRecord = next(records, before);
        if (headerRecord == null) {
            throw new EmptyFile();
        }
        List<String> header = header(headerRecord);
        before = parser.getCurrentLineNumber();
        LineMap lines = new LineMap();
        long row = 0;
        CSVRecord record;
        while ((record = next(records, before)) != null) {
            long after = parser.getCurrentLineNumber();
            long start = before + 1;
            long consumed = after - before;
            if (consumed > 1) {
                start += Math.max(0, consumed - embeddedLineBreaks(record) - 1);
            }
            if (record.size() != header.size()) {
                String missing = record.size() < header.size() ? header.get(record.size()) : null;
                throw new RaggedCsvRow(start, header.size(), record.size(), missing);
            }
            lines.record(row++, start);
            before = after;
        }
        if (row == 0) {
            throw new NoDataRows(null);
        }
        return new Layout(header, row, lines);
    }

    private static CSVRecord next(Iterator<CSVRecord> records, long linesBefore) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            // An unclosed quote runs to the end of the file: the useful line is where its record began.
            if (message.contains("EOF reached before encapsulated token finished")) {
                throw new BrokenCsvQuoting(linesBefore + 1, "a quoted field is never closed");
            }
            Matcher line = LINE_IN_MESSAGE.matcher(message);
            throw new BrokenCsvQuoting(line.find() ? Long.parseLong(line.group(1)) : linesBefore + 1, message);
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>(record.toList());
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1)); // a byte order mark is not part of the first name
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw new BlankColumnName(i + 1, 1L);
            }
            if (!seen.add(name)) {
                throw new DuplicateColumnName(name, 1);
            }
        }
        return List.copyOf(names);
    }

    /** Line breaks inside quoted values, counted as Commons CSV counts lines: LF, CR not before LF. */
    private static long embeddedLineBreaks(CSVRecord record) {
        long count = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    count++;
                }
            }
        }
        return count;
    }
}
