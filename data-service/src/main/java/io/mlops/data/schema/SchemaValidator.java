package io.mlops.data.schema;

import static io.mlops.data.schema.SqlNames.ident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks a declared schema against a loaded DuckDB table, one query per rule: each selects the offending
 * rows in file order (by a 0-based row-position column the loader generated) with their total count as a
 * window, limited to the first few.
 */
public final class SchemaValidator {

    private final Connection connection;
    private final String table;
    private final String rowColumn;
    private final List<String> columns;
    private final RowLocation locatedBy;
    private final LongUnaryOperator locate;
    private final int maxOffences;

    /**
     * @param rowColumn   the column holding the 0-based position of a row in the file (not one of {@code columns})
     * @param columns     the table's column names
     * @param locate      maps a 0-based rowid to the location reported ({@code locatedBy})
     * @param maxOffences how many offending rows to keep per rule (20 in the service)
     */
    public SchemaValidator(Connection connection, String table, String rowColumn, List<String> columns, RowLocation locatedBy,
            LongUnaryOperator locate, int maxOffences) {
        this.connection = connection;
        this.table = table;
        this.rowColumn = ident(rowColumn);
        this.columns = List.copyOf(columns);
        this.locatedBy = locatedBy;
        this.locate = locate;
        this.maxOffences = maxOffences;
    }

    public ValidationReport validate(DeclaredSchema declared) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        try {
            for (ColumnRule rule : declared.columns()) {
                boolean present = columns.contains(rule.name());
                if (rule.required()) {
                    outcomes.add(new RuleOutcome(RuleKind.REQUIRED, rule.name(), "column exists", present ? 0 : 1, List.of()));
                }
                if (present) {
                    checkColumn(rule, outcomes);
                }
            }
            if (!declared.uniqueKey().isEmpty()) {
                outcomes.add(uniqueKey(declared.uniqueKey()));
            }
        } catch (SQLException e) {
            throw new InvalidDeclaredSchema("the declared schema cannot be checked: " + e.getMessage(), e);
        }
        return new ValidationReport(locatedBy, outcomes);
    }

    private void checkColumn(ColumnRule rule, List<RuleOutcome> outcomes) throws SQLException {
        String c = ident(rule.name());
        String text = "CAST(" + c + " AS VARCHAR)";
        String number = "TRY_CAST(" + c + " AS DOUBLE)";
        if (rule.notNull()) {
            outcomes.add(offences(RuleKind.NOT_NULL, rule.name(), "not null", text, c + " IS NULL", List.of()));
        }
        if (rule.min() != null) {
            outcomes.add(offences(RuleKind.MIN, rule.name(), ">= " + rule.min(), text,
                    c + " IS NOT NULL AND (" + number + " IS NULL OR " + number + " < ?)", List.of(rule.min())));
        }
        if (rule.max() != null) {
            outcomes.add(offences(RuleKind.MAX, rule.name(), "<= " + rule.max(), text,
                    c + " IS NOT NULL AND (" + number + " IS NULL OR " + number + " > ?)", List.of(rule.max())));
        }
        if (rule.allowedValues() != null) {
            String marks = rule.allowedValues().isEmpty() ? "NULL"
                    : String.join(", ", Collections.nCopies(rule.allowedValues().size(), "?"));
            outcomes.add(offences(RuleKind.ALLOWED_VALUES, rule.name(), "one of " + rule.allowedValues(), text,
                    c + " IS NOT NULL AND " + text + " NOT IN (" + marks + ")", new ArrayList<>(rule.allowedValues())));
        }
        if (rule.pattern() != null) {
            outcomes.add(offences(RuleKind.PATTERN, rule.name(), "matches " + rule.pattern(), text,
                    c + " IS NOT NULL AND NOT regexp_full_match(" + text + ", ?)", List.of(rule.pattern())));
        }
    }

    private RuleOutcome uniqueKey(List<String> key) throws SQLException {
        String name = String.join(", ", key);
        List<String> missing = key.stream().filter(k -> !columns.contains(k)).toList();
        if (!missing.isEmpty()) {
            return new RuleOutcome(RuleKind.UNIQUE_KEY, name, "key columns " + missing + " exist", 1, List.of());
        }
        String idents = key.stream().map(SqlNames::ident).collect(Collectors.joining(", "));
        String value = "concat_ws(', ', " + key.stream().map(k -> "CAST(" + ident(k) + " AS VARCHAR)")
                .collect(Collectors.joining(", ")) + ")";
        String sql = "SELECT r, v, count(*) OVER () FROM (SELECT " + rowColumn + " AS r, " + value + " AS v, row_number() OVER "
                + "(PARTITION BY " + idents + " ORDER BY " + rowColumn + ") AS rn FROM " + table + ") WHERE rn > 1 ORDER BY r LIMIT "
                + maxOffences;
        return run(RuleKind.UNIQUE_KEY, name, "unique", sql, List.of());
    }

    private RuleOutcome offences(RuleKind kind, String column, String expectation, String value, String condition,
            List<Object> parameters) throws SQLException {
        String sql = "SELECT " + rowColumn + ", " + value + ", count(*) OVER () FROM " + table + " WHERE " + condition
                + " ORDER BY " + rowColumn + " LIMIT " + maxOffences;
        return run(kind, column, expectation, sql, parameters);
    }

    private RuleOutcome run(RuleKind kind, String column, String expectation, String sql, List<Object> parameters)
            throws SQLException {
        List<Offence> found = new ArrayList<>();
        long total = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Offence(locate.applyAsLong(rs.getLong(1)), rs.getString(2)));
                    total = rs.getLong(3);
                }
            }
        }
        return new RuleOutcome(kind, column, expectation, total, found);
    }
}
