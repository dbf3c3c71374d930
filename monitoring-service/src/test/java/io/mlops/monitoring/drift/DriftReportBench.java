package io.mlops.monitoring.drift;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A plain-main timing harness (not a surefire test: the name ends in Bench) for a full drift report:
 * 10 numeric + 2 categorical columns, a 10,000-row reference, windows of 100k to 1M rows. The JMH
 * version lives in bench/drift; this one needs nothing but the test classpath. Run:
 * <pre>
 * ./mvnw -B -ntp -q -pl monitoring-service -am test-compile
 * java -Xmx4g -cp monitoring-service/target/classes:monitoring-service/target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *   io.mlops.monitoring.drift.DriftReportBench [iterations]
 * </pre>
 */
public final class DriftReportBench {

    private DriftReportBench() {
    }

    /** CPU time of the whole process (all threads): what the report costs whatever else shares the box. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        DriftReference reference = DriftBenchData.reference(10_000, 1);
        DriftDetector detector = new DriftDetector();
        System.out.printf("cores=%d java=%s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
        for (int rows : new int[] {100_000, 250_000, 500_000, 1_000_000}) {
            CurrentWindow window = DriftBenchData.window(rows, 2);
            for (int i = 0; i < 30; i++) {
                detector.detect(reference, window);
            }
            double[] millis = new double[iterations];
            double[] cpuMillis = new double[iterations];
            DatasetDriftResult last = null;
            for (int i = 0; i < iterations; i++) {
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                last = detector.detect(reference, window);
                millis[i] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i] = (processCpuNanos() - cpuStart) / 1e6;
            }
            Arrays.sort(millis);
            Arrays.sort(cpuMillis);
            System.out.printf("rows=%,9d median=%7.1f ms min=%7.1f ms max=%7.1f ms cpu median=%7.1f ms drifted=%d/%d%n",
                    rows, millis[iterations / 2], millis[0], millis[iterations - 1], cpuMillis[iterations / 2],
                    last.driftedColumns(), last.columns().size());
        }
    }
}
