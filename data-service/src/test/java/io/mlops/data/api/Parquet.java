package io.mlops.data.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Parquet fixtures made from the CSV fixtures by DuckDB (an independent writer; the service only reads them). */
final class Parquet {

    private Parquet() {
    }

    static byte[] fromCsvFixture(String fileName, Path dir) {
        try {
            Path csv = dir.resolve(fileName);
            Files.write(csv, DataApi.fixture(fileName));
            Path parquet = dir.resolve(fileName.replace(".csv", ".parquet"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
            }
            return Files.readAllBytes(parquet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
