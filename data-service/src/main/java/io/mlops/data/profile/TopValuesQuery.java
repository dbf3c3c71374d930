package io.mlops.data.profile;

import static io.mlops.data.schema.SqlNames.ident;

import io.mlops.domain.data.ValueCount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The most frequent non-null values of one column, exact, ties broken by value so the result is stable. */
final class TopValuesQuery {

    private final int limit;

    TopValuesQuery(int limit) {
        this.limit = limit;
    }

    List<ValueCount> run(Connection connection, String table, String column) throws SQLException {
        String c = ident(column);
        String sql = "SELECT CAST(" + c + " AS VARCHAR) AS v, count(*) AS n FROM " + table + " WHERE " + c
                + " IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT " + limit;
        List<ValueCount> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(new ValueCount(rs.getString(1), rs.getLong(2)));
            }
        }
        return values;
    }
}
