package io.mlops.data.bench;

import io.mlops.data.ingest.DatasetIngestor;
import io.mlops.data.ingest.FormatDetection;
import io.mlops.data.ingest.IngestResult;
import io.mlops.data.ingest.IngestSettings;
import io.mlops.data.schema.CategoricalRule;
import io.mlops.domain.data.DataFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ingestion benchmark, run by bench/data-ingest/run.sh (not a test: surefire skips *Bench).
 * <pre>
 *   IngestBench ingest FILE [RUNS]   load + infer + profile + sample, RUNS times in one JVM
 *   IngestBench to-csv FILE TARGET   convert FILE to CSV (to make the CSV variant)
 * </pre>
 * Settings from system properties: bench.threads (2), bench.memory (1GB, DuckDB's native limit),
 * bench.exactDistinctMaxRows (100000: above it distinct counts are HyperLogLog estimates).
 * Prints rows/s and wall time per run, and the JVM's peak RSS (VmHWM) at the end.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IngestBench ingest FILE [RUNS] | to-csv FILE TARGET");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        DataFormat format = FormatDetection.detect(null, file.getFileName().toString(), null);
        IngestSettings settings = new IngestSettings(System.getProperty("bench.memory", "1GB"),
                Integer.getInteger("bench.threads", 2), null, 10_000, 42L, Long.getLong("bench.exactDistinctMaxRows", 100_000L),
                50, 20, CategoricalRule.DEFAULT);
        DatasetIngestor ingestor = new DatasetIngestor(settings);
        if (args[0].equals("to-csv")) {
            long start = System.nanoTime();
            ingestor.convertToCsv(file, format, Path.of(args[2]));
            System.out.printf("converted %s to CSV in %.2f s (%d bytes)%n", file.getFileName(),
                    (System.nanoTime() - start) / 1e9, Files.size(Path.of(args[2])));
            return;
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long rows = 0;
        Path sample = Files.createTempFile("bench-sample-", ".parquet");
        for (int i = 0; i < runs; i++) {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime(); // all threads of the process, DuckDB's native ones included
            IngestResult result = ingestor.ingest(file, format, null, sample);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
            rows = result.rowCount();
            System.out.printf("run %d: %,d rows, %d columns, wall %.3f s = %,.0f rows/s; cpu %.3f s; load avg before %s%n",
                    i + 1, rows, result.schema().columns().size(), seconds[i], rows / seconds[i], cpu[i], load);
            if (i == 0) {
                result.schema().columns().forEach(c -> System.out.println("  " + c));
            }
        }
        Files.deleteIfExists(sample);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("RESULT format=%s rows=%d runs=%d first=%.3fs best=%.3fs median=%.3fs best_rows_per_s=%.0f "
                + "median_rows_per_s=%.0f median_cpu=%.3fs heap_max=%dMB peak_rss=%s%n", format, rows, runs, seconds[0],
                sorted[0], median, rows / sorted[0], rows / median, cpuSorted[runs / 2],
                Runtime.getRuntime().maxMemory() >> 20, peakRss());
    }

    /** VmHWM: the process's peak resident set, native DuckDB memory included. */
    private static String peakRss() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).strip().replaceAll("\\s+", "")).findFirst().orElse("unknown");
    }
}
