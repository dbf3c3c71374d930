package io.mlops.feature.bench;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DatasetSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Materialization rows per second: seattle-weather (entity weather, event time date) and a Parquet
 * file (flights: entity origin, event time date) converted to CSV with DuckDB in WORKDIR, each served
 * through the contract endpoint. The create request fits (timed on its own); then the version is
 * materialized again REPEATS times and each job's startedAt..finishedAt gives rows/s.
 * Usage: MaterializationBench WORKDIR SEATTLE_CSV PARQUET [repeats=2]   (PARQUET "-" skips it)
 */
public final class MaterializationBench {

    public static void main(String[] args) {
        // exit explicitly: test-support's embedded Kafka keeps non-daemon threads alive
        try {
            bench(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void bench(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (ContractEndpoint data = new ContractEndpoint()) {
            data.add("seattle-weather", new ContractEndpoint.Dataset(Path.of(args[1]), new DatasetSchema(List.of(
                    col("date", ColumnType.DATE), col("precipitation", ColumnType.FLOAT), col("temp_max", ColumnType.FLOAT),
                    col("temp_min", ColumnType.FLOAT), col("wind", ColumnType.FLOAT), col("weather", ColumnType.CATEGORICAL))), 1461));
            List<String> flightFeatures = new ArrayList<>();
            if (!args[2].equals("-")) {
                long t0 = System.nanoTime();
                Path csv = work.resolve("flights.csv");
                data.add("flights", toCsv(Path.of(args[2]), csv, flightFeatures));
                System.out.printf(Locale.ROOT, "converted %s to CSV in %.1f s (%d MB), features %s%n", args[2],
                        (System.nanoTime() - t0) / 1e9, Files.size(csv) >> 20, flightFeatures);
            }
            try (FeatureServiceRunner service = new FeatureServiceRunner(data.baseUrl())) {
                measure(service, "seattle-weather", "weather", List.of("precipitation", "temp_max", "temp_min", "wind"), repeats);
                if (!flightFeatures.isEmpty()) {
                    measure(service, "flights", "origin", flightFeatures, repeats);
                }
            }
        }
    }

    private static void measure(FeatureServiceRunner service, String dataset, String entity, List<String> features, int repeats) {
        String set = dataset + "-" + System.currentTimeMillis();
        StringBuilder defs = new StringBuilder();
        for (String f : features) {
            defs.append(defs.isEmpty() ? "" : ",").append("""
                    {"name":"%s","column":"%s","transformations":[{"type":"standardize"}]}""".formatted(f, f));
        }
        long t0 = System.nanoTime();
        var created = service.send("POST", "/api/v1/feature-sets", """
                {"name":"%s","dataset":"%s","datasetVersion":1,"entityColumns":["%s"],"eventTimeColumn":"date","features":[%s]}"""
                .formatted(set, dataset, entity, defs), 201);
        double fit = (System.nanoTime() - t0) / 1e9;
        List<Double> rates = new ArrayList<>();
        var job = service.awaitJob(created.get("materialization").asString(), Duration.ofMinutes(20));
        report(dataset, "first", fit, job, rates, heap());
        String path = "/api/v1/feature-sets/" + set + "/versions/1/materializations";
        for (int r = 1; r <= repeats; r++) {
            var again = service.send("POST", path, null, 202);
            String jobPath = again.has("id") ? path + "/" + again.get("id").asString() : again.get("materialization").asString();
            report(dataset, "again " + r, fit, service.awaitJob(jobPath, Duration.ofMinutes(20)), rates, heap());
        }
        System.out.printf(Locale.ROOT, "RESULT %s: median %.0f rows/s over %d runs; fit (create request) %.2f s%n",
                dataset, Report.median(rates, Double::doubleValue), rates.size(), fit);
    }

    private static void report(String dataset, String run, double fit, FeatureServiceRunner.Job job, List<Double> rates, String heap) {
        double rate = job.rowsDone() / job.seconds();
        rates.add(rate);
        System.out.printf(Locale.ROOT, "%s %s: %d/%d rows in %.2f s = %.0f rows/s (%s)%n", dataset, run,
                job.rowsDone(), job.rowsTotal(), job.seconds(), rate, heap);
    }

    private static String heap() {
        Runtime rt = Runtime.getRuntime();
        return "heap used now %d MB of max %d MB".formatted((rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static ColumnSchema col(String name, ColumnType type) {
        return new ColumnSchema(name, type, true);
    }

    /** Parquet → CSV with DuckDB (native memory, not the Java heap); schema and numeric features from DESCRIBE. */
    static ContractEndpoint.Dataset toCsv(Path parquet, Path csv, List<String> features) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=2; SET memory_limit='1GB'");
            String src = "read_parquet('" + parquet.toString().replace("'", "''") + "')";
            List<ColumnSchema> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + src)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2).toUpperCase(Locale.ROOT);
                    ColumnType t = type.matches("(U?(BIG|SMALL|TINY|HUGE)?INT(EGER)?)") ? ColumnType.INTEGER
                            : type.matches("DOUBLE|FLOAT|REAL|DECIMAL.*") ? ColumnType.FLOAT
                            : type.equals("BOOLEAN") ? ColumnType.BOOLEAN
                            : type.equals("DATE") ? ColumnType.DATE
                            : type.startsWith("TIMESTAMP") ? ColumnType.TIMESTAMP : ColumnType.CATEGORICAL;
                    columns.add(col(name, t));
                    if (t.isNumeric() && features.size() < 20) {
                        features.add(name);
                    }
                }
            }
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + src)) {
                rs.next();
                rows = rs.getLong(1);
            }
            s.execute("COPY (SELECT * FROM " + src + ") TO '" + csv.toString().replace("'", "''") + "' (HEADER, DELIMITER ',')");
            System.out.println("flights schema: " + columns);
            return new ContractEndpoint.Dataset(csv, new DatasetSchema(columns), rows);
        }
    }
}
