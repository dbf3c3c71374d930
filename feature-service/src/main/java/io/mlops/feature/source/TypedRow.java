package io.mlops.feature.source;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.DatasetSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a CSV record into the row map the feature code reads: INTEGER as Long, FLOAT as Double,
 * BOOLEAN as Boolean, everything else (dates included: the transformer reads ISO text) as String;
 * an empty cell is null. A number that does not parse is kept as text, so the fitter reports it
 * with its feature and row instead of this class guessing.
 */
final class TypedRow {

    private final List<ColumnSchema> columns;
    private final int[] positions;

    TypedRow(DatasetSchema schema, List<String> header) {
        this.columns = schema.columns();
        this.positions = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            positions[i] = header.indexOf(columns.get(i).name());
            if (positions[i] < 0) {
                throw new DataServiceUnavailable("the CSV content has no column '" + columns.get(i).name() + "' of its schema", null);
            }
        }
    }

    Map<String, Object> of(CSVRecord record) {
        Map<String, Object> row = HashMap.newHashMap(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema column = columns.get(i);
            String text = positions[i] < record.size() ? record.get(positions[i]) : null;
            row.put(column.name(), convert(column, text));
        }
        return row;
    }

    private static Object convert(ColumnSchema column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return switch (column.type()) {
                case INTEGER -> Long.parseLong(text.trim());
                case FLOAT -> Double.parseDouble(text.trim());
                case BOOLEAN -> switch (text.trim().toLowerCase()) {
                    case "true", "1", "yes" -> Boolean.TRUE;
                    case "false", "0", "no" -> Boolean.FALSE;
                    default -> text;
                };
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
