package io.mlops.monitoring.drift;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full drift report (10 numeric + 2 categorical columns, Evidently's default methods, PSI on
 * every column) of a window of {@code rows} against a 10,000-row reference prepared once. Sample
 * time mode, so the JMH output carries the median (p0.50) per report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class DriftReportBenchmark {

    @Param({"100000", "250000", "500000", "1000000"})
    int rows;

    private DriftReference reference;
    private CurrentWindow window;
    private final DriftDetector detector = new DriftDetector();

    @Setup(Level.Trial)
    public void prepare() {
        reference = DriftBenchData.reference(10_000, 1);
        window = DriftBenchData.window(rows, 2);
    }

    @Benchmark
    public DatasetDriftResult fullReport() {
        return detector.detect(reference, window);
    }
}
