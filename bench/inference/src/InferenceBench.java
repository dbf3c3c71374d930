import io.mlops.inference.InferenceServiceApplication;
import io.mlops.inference.testing.Models;
import io.mlops.inference.testing.TestRegistry;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.inference.BatchPredictor;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The inference benchmark: starts a local registry serving digits_mlp.pt and the inference service in this
 * JVM (so /proc/self/stat is the server's CPU), measures the in-process DJL predictor (the floor), then
 * drives the HTTP endpoints with wrk over loopback (echo = the parse-only HTTP floor, digits with batching
 * on, digits-unbatched with batching off). Each scenario runs REPEATS times; medians are reported.
 * Usage: java ... InferenceBench <out-dir> [seconds-per-run] [repeats] [scenario-filter]
 * The optional filter (a regex over "endpoint rows=R c=N", e.g. "c=64") runs only matching HTTP scenarios,
 * for quick before/after comparisons while profiling; the in-process floor always runs.
 */
public final class InferenceBench {

    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux x86-64
    /** Per scenario, before the measured rounds; longer on a loaded box, where the JIT takes longer to settle. */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 2);

    record Scenario(String name, String path, int rows, int connections, boolean events) {

        Scenario(String name, String path, int rows, int connections) {
            this(name, path, rows, connections, false);
        }
    }

    record Run(double requestsPerSecond, double rowsPerSecond, double p50Ms, double p95Ms, double p99Ms,
               double serverCores, double wrkCores, double machineBusyCores, long errors, double rowsPerBatch,
               double computeMicros, Map<String, Double> threadCores) {

        Run withBatches(double rows, double compute) {
            return new Run(requestsPerSecond, rowsPerSecond, p50Ms, p95Ms, p99Ms, serverCores, wrkCores, machineBusyCores,
                    errors, rows, compute, threadCores);
        }

        /** CPU µs per request of one thread group (see {@link #threadGroup}). */
        double micros(String group) {
            return threadCores.getOrDefault(group, 0.0) * 1e6 / requestsPerSecond;
        }

        /** Server CPU time per request: robust under a shared load where wall-clock figures are not. */
        double serverMicrosPerRequest() {
            return serverCores * 1e6 / requestsPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        java.util.regex.Pattern filter = java.util.regex.Pattern.compile(args.length > 3 ? args[3] : ".*");
        Files.createDirectories(out);
        List<double[]> digits = Models.csv("digits_first200_inputs.csv", 0, 64);

        Path folder = Files.createTempDirectory("bench-artifacts");
        Path archive = Models.digitsArchive(folder);
        TestRegistry registry = TestRegistry.start();
        registry.publish("digits", 1, archive);
        registry.publish("digits-unbatched", 1, archive);

        StringBuilder report = new StringBuilder();
        report.append("# Inference benchmark ").append(Instant.now()).append("\n\n")
                .append("cores: ").append(Runtime.getRuntime().availableProcessors())
                .append(", load average at start: ").append(Files.readString(Path.of("/proc/loadavg")).trim())
                .append(", ").append(seconds).append(" s per run, median of ").append(repeats).append(" runs\n\n");

        // A second server with PredictionMade on, sending to an embedded KRaft broker in this JVM (test-support).
        String kafka = io.mlops.testsupport.TestInfrastructure.kafkaBootstrapServers();
        // -Dbench.events.args="--mlops.inference.events.linger=50ms ..." tries other event settings on that instance.
        List<String> eventsArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.kafka.listener.auto-startup=false",
                "--mlops.inference.events.enabled=true",
                "--mlops.inference.registry-url=" + registry.url(),
                "--mlops.inference.batching.queue-capacity=4096",
                "--logging.level.root=WARN"));
        String extra = System.getProperty("bench.events.args", "").trim();
        if (!extra.isEmpty()) {
            eventsArgs.addAll(Arrays.asList(extra.split("\\s+")));
            report.append("events instance settings: ").append(extra).append("\n\n");
        }
        List<String> appArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.listener.auto-startup=false",
                "--mlops.inference.events.enabled=false",
                "--mlops.inference.bench-endpoints=true",
                "--mlops.inference.registry-url=" + registry.url(),
                "--mlops.inference.models.digits-unbatched.max-batch-size=1",
                "--mlops.inference.batching.queue-capacity=4096",
                "--logging.level.root=WARN"));
        // -Dbench.app.args="--mlops.inference.models.digits.workers=1 ..." tries other settings on the main instance.
        String appExtra = System.getProperty("bench.app.args", "").trim();
        if (!appExtra.isEmpty()) {
            appArgs.addAll(Arrays.asList(appExtra.split("\\s+")));
            report.append("main instance settings: ").append(appExtra).append("\n\n");
        }
        try (ConfigurableApplicationContext withEvents = new SpringApplicationBuilder(InferenceServiceApplication.class).run(
                eventsArgs.toArray(String[]::new));
             ConfigurableApplicationContext app = new SpringApplicationBuilder(InferenceServiceApplication.class).run(
                appArgs.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            String eventsBase = "http://127.0.0.1:" + ((WebServerApplicationContext) withEvents).getWebServer().getPort();

            report.append("## In-process floor (one thread, one DJL predictor, same torch threads as the server)\n\n")
                    .append("mean µs = wall time per call; CPU µs/call = the calling thread's CPU time per call (platform ")
                    .append("thread only: the JDK gives no CPU time for a virtual thread). The virtual-thread row runs the same ")
                    .append("loop on a virtual thread, as the server's caller-runs path does.\n\n")
                    .append("| batch | thread | rows/s | mean µs | CPU µs/call | p50 µs | p95 µs | p99 µs |\n|---|---|---|---|---|---|---|---|\n");
            for (int batch : new int[] {1, 32}) {
                report.append(inProcess(archive, folder, digits, batch, seconds, false).row()).append('\n');
            }
            String[] virtual = new String[1];
            Thread.ofVirtual().start(() -> virtual[0] = inProcess(archive, folder, digits, 32, seconds, true).row()).join();
            report.append(virtual[0]).append('\n');

            Path oneRow = body(out, "one-row.json", digits, 1);
            Path batch32 = body(out, "thirty-two-rows.json", digits, 32);
            Path tensor32 = tensorBody(out, "thirty-two-rows-oip.json", digits, 32);
            Path tensorScript = script(out, tensor32);
            Path binaryScript = binaryScript(out, digits, 32, false);
            Path binaryOutScript = binaryScript(out, digits, 32, true);
            Path oneRowScript = script(out, oneRow);
            Path batch32Script = script(out, batch32);
            List<Scenario> scenarios = new ArrayList<>();
            for (int c : new int[] {1, 16, 64}) {
                scenarios.add(new Scenario("echo (parse-only)", "/api/v1/echo", 1, c));
                scenarios.add(new Scenario("digits batching on", "/api/v1/models/digits/versions/1/predict", 1, c));
                scenarios.add(new Scenario("digits batching off", "/api/v1/models/digits-unbatched/versions/1/predict", 1, c));
            }
            for (int c : new int[] {1, 16}) {
                scenarios.add(new Scenario("echo (parse-only)", "/api/v1/echo", 32, c));
                scenarios.add(new Scenario("digits batching on", "/api/v1/models/digits/versions/1/predict", 32, c));
                scenarios.add(new Scenario("digits OIP infer [32,64]", "/v2/models/digits/versions/1/infer", 32, c));
                scenarios.add(new Scenario("digits OIP infer [32,64] binary", "/v2/models/digits/versions/1/infer", 32, c));
                scenarios.add(new Scenario("digits OIP infer [32,64] binary in/out", "/v2/models/digits/versions/1/infer", 32, c));
            }
            for (int c : new int[] {16, 64}) {
                scenarios.add(new Scenario("digits batching on", "/api/v1/models/digits/versions/1/predict", 1, c));
                scenarios.add(new Scenario("digits batching on, PredictionMade on", "/api/v1/models/digits/versions/1/predict",
                        1, c, true));
            }
            StringBuilder threads = new StringBuilder()
                    .append("\n## Server CPU µs/req by thread group (ThreadMXBean, medians)\n\n")
                    .append("The embedded KRaft broker runs in this JVM, so \"server CPU\" above includes it; \"without broker\" is ")
                    .append("the server process minus the broker's threads: the service's own cost.\n\n")
                    .append("| endpoint | conns | server | broker | without broker | without broker and JIT | events sender | producer I/O | request threads | GC | JIT |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            report.append("\n## Over HTTP (wrk on loopback, on the same 2 cores as the server)\n\n")
                    .append("| endpoint | rows/req | conns | req/s | rows/s | p50 ms | p95 ms | p99 ms | server CPU (cores) | server CPU µs/req | rows/batch | compute µs/batch | wrk CPU (cores) | machine busy (cores) | errors |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            // Matching scenarios are warmed up once each, then run in interleaved rounds (s1 s2 s3, s1 s2 s3, ...), so
            // that a change in the box's load hits every scenario alike and paired rows (on/off) stay comparable.
            List<Scenario> chosen = scenarios.stream()
                    .filter(s -> filter.matcher(s.name() + " rows=" + s.rows() + " c=" + s.connections()).find()).toList();
            MeterRegistry plainMeters = app.getBean(MeterRegistry.class);
            MeterRegistry eventsMeters = withEvents.getBean(MeterRegistry.class);
            for (Scenario s : chosen) {
                run(s.events() ? eventsBase : base, s, scriptFor(s, oneRowScript, batch32Script, tensorScript, binaryScript, binaryOutScript), WARMUP_SECONDS);
            }
            List<List<Run>> results = new ArrayList<>();
            chosen.forEach(s -> results.add(new ArrayList<>()));
            // The box's speed drifts over a run (the batch-32 floor measured 207k to 319k rows/s within one hour here), so
            // when 32-row scenarios run, each round measures the floor again and their ratios are taken per round.
            boolean manyRows = chosen.stream().anyMatch(s -> s.rows() > 1);
            List<Double> floors = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                if (manyRows) {
                    floors.add(inProcess(archive, folder, digits, 32, seconds, false).rowsPerSecond());
                }
                for (int k = 0; k < chosen.size(); k++) {
                    Scenario s = chosen.get(k);
                    MeterRegistry meters = s.events() ? eventsMeters : plainMeters;
                    double[] before = batches(meters, s);
                    double[][] timesBefore = serverTimes(meters, s);
                    Run r = run(s.events() ? eventsBase : base, s, scriptFor(s, oneRowScript, batch32Script, tensorScript, binaryScript, binaryOutScript), seconds);
                    double[] after = batches(meters, s);
                    printServerTimes(s, timesBefore, serverTimes(meters, s));
                    double count = after[0] - before[0];
                    results.get(k).add(r.withBatches(count > 0 ? (after[1] - before[1]) / count : Double.NaN,
                            count > 0 ? (after[2] - before[2]) / count / 1e3 : Double.NaN));
                }
            }
            for (int k = 0; k < chosen.size(); k++) {
                Scenario s = chosen.get(k);
                List<Run> runs = results.get(k);
                String row = String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.3f | %.3f | %.3f | %.2f | %.0f | %.1f | %.1f | %.2f | %.2f | %d |",
                        s.name(), s.rows(), s.connections(),
                        median(runs, Run::requestsPerSecond), median(runs, Run::rowsPerSecond),
                        median(runs, Run::p50Ms), median(runs, Run::p95Ms), median(runs, Run::p99Ms),
                        median(runs, Run::serverCores), median(runs, Run::serverMicrosPerRequest),
                        median(runs, Run::rowsPerBatch), median(runs, Run::computeMicros),
                        median(runs, Run::wrkCores), median(runs, Run::machineBusyCores),
                        runs.stream().mapToLong(Run::errors).sum());
                report.append(row).append('\n');
                System.out.println(row);
                String split = String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |",
                        s.name(), s.connections(), median(runs, Run::serverMicrosPerRequest), median(runs, r -> r.micros("broker")),
                        median(runs, r -> r.serverMicrosPerRequest() - r.micros("broker")),
                        median(runs, r -> r.serverMicrosPerRequest() - r.micros("broker") - r.micros("JIT")),
                        median(runs, r -> r.micros("events sender")), median(runs, r -> r.micros("producer I/O")),
                        median(runs, r -> r.micros("request threads")),
                        median(runs, r -> r.micros("GC")), median(runs, r -> r.micros("JIT")));
                threads.append(split).append('\n');
                System.out.println(split);
            }
            report.append(threads);
            if (manyRows) {
                report.append("\n## Rows per request > 1 against the in-process batch-32 floor measured in the same round\n\n")
                        .append("| endpoint | rows/req | conns | floor rows/s per round | rows/s per round | ratio per round | median ratio |\n")
                        .append("|---|---|---|---|---|---|---|\n");
                for (int k = 0; k < chosen.size(); k++) {
                    Scenario s = chosen.get(k);
                    if (s.rows() == 1) {
                        continue;
                    }
                    List<Double> ratios = new ArrayList<>();
                    StringJoiner rates = new StringJoiner(", ");
                    for (int i = 0; i < repeats; i++) {
                        ratios.add(results.get(k).get(i).rowsPerSecond() / floors.get(i));
                        rates.add(String.format(Locale.ROOT, "%.0f", results.get(k).get(i).rowsPerSecond()));
                    }
                    StringJoiner floorText = new StringJoiner(", ");
                    floors.forEach(f -> floorText.add(String.format(Locale.ROOT, "%.0f", f)));
                    StringJoiner ratioText = new StringJoiner(", ");
                    ratios.forEach(r -> ratioText.add(String.format(Locale.ROOT, "%.2f", r)));
                    List<Double> sorted = ratios.stream().sorted().toList();
                    String row = String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.2f |", s.name(), s.rows(),
                            s.connections(), floorText, rates, ratioText, sorted.get(sorted.size() / 2));
                    report.append(row).append('\n');
                    System.out.println(row);
                }
            }
        }
        report.append("\nload average at end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    private static final java.util.concurrent.atomic.AtomicInteger FLOOR_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    /** One in-process floor measurement: its rows/s and its report row. */
    record Floor(double rowsPerSecond, String row) {
    }

    private static Floor inProcess(Path archive, Path folder, List<double[]> digits, int batch, int seconds,
                                   boolean virtualThread) {
        Path unpacked = folder.resolve("floor-" + batch + (virtualThread ? "-virtual" : "") + "-" + FLOOR_RUNS.incrementAndGet());
        try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(archive, ModelArchive.sha256(archive), unpacked));
             BatchPredictor predictor = model.newPredictor()) {
            float[] input = new float[batch * 64];
            for (int r = 0; r < batch; r++) {
                for (int c = 0; c < 64; c++) {
                    input[r * 64 + c] = (float) digits.get(r)[c];
                }
            }
            Histogram histogram = new Histogram(3);
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                predictor.predict(input, batch);
            }
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = virtualThread ? -1 : mx.getCurrentThreadCpuTime();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            long calls = 0;
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                predictor.predict(input, batch);
                histogram.recordValue(System.nanoTime() - t);
                calls++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String cpu = virtualThread ? "–" : String.format(Locale.ROOT, "%.1f",
                    (mx.getCurrentThreadCpuTime() - cpuStart) / 1e3 / calls);
            return new Floor(calls * batch / elapsed, String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %s | %.1f | %.1f | %.1f |", batch,
                    virtualThread ? "virtual" : "platform", calls * batch / elapsed, elapsed * 1e6 / calls, cpu,
                    histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(95) / 1e3,
                    histogram.getValueAtPercentile(99) / 1e3));
        }
    }

    private static Run run(String base, Scenario s, Path lua, int seconds) throws IOException, InterruptedException {
        Map<Long, Long> threadsBefore = threadCpu();
        Map<String, Long> vmBefore = vmThreadTicks();
        long[] machineBefore = machineTicks();
        long serverBefore = processTicks(Path.of("/proc/self/stat"));
        long start = System.nanoTime();
        Process wrk = new ProcessBuilder("wrk", "-t", Integer.toString(Math.min(2, s.connections())),
                "-c", Integer.toString(s.connections()), "-d", seconds + "s", "-s", lua.toString(), base + s.path())
                .redirectErrorStream(true).start();
        Path wrkStat = Path.of("/proc/" + wrk.pid() + "/stat");
        long wrkTicks = 0;
        while (!wrk.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            try {
                wrkTicks = processTicks(wrkStat);
            } catch (IOException gone) {
                // wrk exited between the check and the read: keep the last reading
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        // For matching profiles (JFR) to scenarios: epoch millis of this run's start and end.
        System.out.printf(Locale.ROOT, "RUN %s rows=%d c=%d %d %d%n", s.name(), s.rows(), s.connections(),
                System.currentTimeMillis() - (long) (wall * 1000), System.currentTimeMillis());
        long serverTicks = processTicks(Path.of("/proc/self/stat")) - serverBefore;
        long[] machineAfter = machineTicks();
        Map<String, Double> threadCores = new java.util.HashMap<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        threadCpu().forEach((id, nanos) -> {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
            if (info != null) {
                threadCores.merge(threadGroup(info.getThreadName()), (nanos - threadsBefore.getOrDefault(id, 0L)) / 1e9 / wall,
                        Double::sum);
            }
        });
        Map<String, Long> vmAfter = vmThreadTicks();
        vmAfter.forEach((group, ticks) -> threadCores.put(group,
                (ticks - vmBefore.getOrDefault(group, 0L)) / (double) TICKS_PER_SECOND / wall));
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String json = output.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output)).substring(6);
        Map<String, Double> r = parse(json);
        double busy = (machineAfter[0] - machineBefore[0]) / (double) TICKS_PER_SECOND / wall;
        return new Run(r.get("requests") / r.get("seconds"), r.get("requests") * s.rows() / r.get("seconds"),
                r.get("p50") / 1e3, r.get("p95") / 1e3, r.get("p99") / 1e3,
                serverTicks / (double) TICKS_PER_SECOND / wall, wrkTicks / (double) TICKS_PER_SECOND / wall, busy,
                r.get("errors").longValue(), Double.NaN, Double.NaN, threadCores);
    }

    /**
     * CPU ticks of the JVM's own threads, which ThreadMXBean does not list: garbage collection (G1's workers,
     * concurrent marking and refinement) and the JIT compilers, by their Linux thread names.
     */
    static Map<String, Long> vmThreadTicks() throws IOException {
        Map<String, Long> ticks = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String group = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC"
                            : comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "JIT" : null;
                    if (group != null) {
                        ticks.merge(group, processTicks(task.resolve("stat")), Long::sum);
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return ticks;
    }

    /** CPU time so far of every live platform thread (carriers include the virtual threads they ran). */
    private static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long nanos = mx.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** The embedded broker's threads by name (KRaft: request handlers, network, raft, controller...). */
    static final java.util.regex.Pattern BROKER_THREAD = java.util.regex.Pattern.compile(
            "data-plane-kafka|kafka-\\d+-raft|raft-|quorum-controller|metadata-loader|kafka-cluster-test-kit|^broker-\\d+|"
                    + "^controller-\\d+|kafka-scheduler|kafka-log-cleaner|coordinator|ExpirationReaper|ThrottledChannelReaper|"
                    + "kafka-request-handler|LogDirFailureHandler|transaction-log-manager|socket-acceptor");

    private static String threadGroup(String name) {
        if (name.startsWith("prediction-events")) {
            return "events sender";
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer I/O";
        }
        if (name.startsWith("ForkJoinPool-") || name.startsWith("http-nio-") || name.startsWith("batch-")) {
            return "request threads"; // virtual-thread carriers (Tomcat's handlers), poller, acceptor, batch workers
        }
        return BROKER_THREAD.matcher(name).find() ? "broker" : "other";
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
    private static long processTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Busy ticks of the whole machine (all CPUs): everything but idle and iowait. */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return new long[] {busy};
    }

    private static Map<String, Double> parse(String json) {
        Map<String, Double> values = new java.util.HashMap<>();
        for (String pair : json.replaceAll("[{}\"]", "").split(",")) {
            String[] kv = pair.split(":");
            values.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
        }
        return values;
    }

    /**
     * Count and total of the batch-size summary of the scenario's model, and the total of its compute timer in ns
     * (the wall time of each batched prediction inside the server); zeros for echo. From the registry of the server
     * that ran the scenario (the events instance for PredictionMade rows).
     */
    private static double[] batches(MeterRegistry meters, Scenario s) {
        String model = s.path().contains("/models/digits-unbatched/") ? "digits-unbatched"
                : s.path().contains("/models/digits/") ? "digits" : null;
        DistributionSummary summary = model == null ? null
                : meters.find("mlops.inference.batch.size").tag("model", model).summary();
        if (summary == null) {
            return new double[] {0, 0, 0};
        }
        io.micrometer.core.instrument.Timer compute = meters.find("mlops.inference.compute").tag("model", model).timer();
        return new double[] {summary.count(), summary.totalAmount(),
                compute == null ? Double.NaN : compute.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)};
    }

    private static final String[] SERVER_TIMERS = {"mlops.inference.queue", "mlops.inference.request", "mlops.inference.compute"};

    /**
     * Per timer of the scenario's model ({@link #SERVER_TIMERS}): the bucket bounds (ns) and cumulative counts of its
     * percentile histogram, for the server's own view of a run's tail (queue wait against the whole request).
     */
    private static double[][] serverTimes(MeterRegistry meters, Scenario s) {
        String model = s.path().contains("/models/digits-unbatched/") ? "digits-unbatched"
                : s.path().contains("/models/digits/") ? "digits" : null;
        double[][] all = new double[SERVER_TIMERS.length * 2 + 1][];
        all[SERVER_TIMERS.length * 2] = new double[SERVER_TIMERS.length * 2];
        for (int t = 0; t < SERVER_TIMERS.length; t++) {
            io.micrometer.core.instrument.Timer timer = model == null ? null
                    : meters.find(SERVER_TIMERS[t]).tag("model", model).timer();
            if (timer == null) {
                return null;
            }
            var snapshot = timer.takeSnapshot();
            all[SERVER_TIMERS.length * 2][2 * t] = snapshot.count();
            all[SERVER_TIMERS.length * 2][2 * t + 1] = snapshot.total(java.util.concurrent.TimeUnit.NANOSECONDS);
            var buckets = snapshot.histogramCounts();
            all[2 * t] = new double[buckets.length];
            all[2 * t + 1] = new double[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                all[2 * t][i] = buckets[i].bucket(java.util.concurrent.TimeUnit.NANOSECONDS);
                all[2 * t + 1][i] = buckets[i].count();
            }
        }
        return all;
    }

    /**
     * One line per measured run: mean and histogram p50/p99/p99.9 (upper bucket bounds; the timers' histograms start at
     * 1 ms, so "<=1.000" means under a millisecond) of queue wait, request and batch compute inside the server, in ms.
     */
    private static void printServerTimes(Scenario s, double[][] before, double[][] after) {
        if (before == null || after == null) {
            return;
        }
        StringBuilder line = new StringBuilder("SERVER " + s.name() + " rows=" + s.rows() + " c=" + s.connections());
        for (int t = 0; t < SERVER_TIMERS.length; t++) {
            double[] bounds = after[2 * t];
            double[] counts = new double[bounds.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = after[2 * t + 1][i] - before[2 * t + 1][i];
            }
            double total = counts.length == 0 ? 0 : counts[counts.length - 1];
            double[] sums = after[2 * SERVER_TIMERS.length];
            double[] sumsBefore = before[2 * SERVER_TIMERS.length];
            double n = sums[2 * t] - sumsBefore[2 * t];
            double mean = n > 0 ? (sums[2 * t + 1] - sumsBefore[2 * t + 1]) / n / 1e6 : Double.NaN;
            line.append(String.format(Locale.ROOT, " | %s n=%.0f mean=%.3f p50<=%.3f p99<=%.3f p999<=%.3f", SERVER_TIMERS[t].substring(16),
                    total, mean, bound(bounds, counts, 0.5) / 1e6, bound(bounds, counts, 0.99) / 1e6, bound(bounds, counts, 0.999) / 1e6));
        }
        System.out.println(line);
    }

    /** The upper bound of the histogram bucket holding quantile {@code q} (cumulative counts). */
    private static double bound(double[] bounds, double[] cumulative, double q) {
        double total = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= q * total) {
                return bounds[i];
            }
        }
        return Double.NaN;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
        double[] v = runs.stream().mapToDouble(metric).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Path body(Path out, String name, List<double[]> digits, int rows) throws IOException {
        StringJoiner instances = new StringJoiner(",", "{\"instances\":[", "]}");
        for (int r = 0; r < rows; r++) {
            StringJoiner row = new StringJoiner(",", "{", "}");
            for (int c = 0; c < 64; c++) {
                row.add("\"p" + c + "\":" + digits.get(r)[c]);
            }
            instances.add(row.toString());
        }
        return Files.writeString(out.resolve(name), instances.toString());
    }

    /** The same rows as one OIP FP32 tensor of shape [rows, 64], its data flat as tritonclient sends it. */
    private static Path tensorBody(Path out, String name, List<double[]> digits, int rows) throws IOException {
        StringJoiner data = new StringJoiner(",", "{\"inputs\":[{\"name\":\"input\",\"shape\":[" + rows
                + ",64],\"datatype\":\"FP32\",\"data\":[", "]}]}");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 64; c++) {
                data.add(Double.toString(digits.get(r)[c]));
            }
        }
        return Files.writeString(out.resolve(name), data.toString());
    }

    /**
     * A wrk script posting the rows as one [rows, 64] FP32 tensor with the binary tensor data extension (as Triton's
     * HTTP clients send inputs by default): the JSON request, then the floats little-endian. With {@code binaryOutputs}
     * the request also asks for its outputs in binary ({@code "binary_data_output": true}), which is what Triton's HTTP
     * client sends when the caller names no outputs (tritonclient.http's request builder).
     */
    private static Path binaryScript(Path out, List<double[]> digits, int rows, boolean binaryOutputs) throws IOException {
        byte[] header = ("{\"inputs\":[{\"name\":\"input\",\"shape\":[" + rows + ",64],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":" + rows * 64 * 4 + "}}]"
                + (binaryOutputs ? ",\"parameters\":{\"binary_data_output\":true}" : "") + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate(header.length + rows * 64 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        body.put(header);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 64; c++) {
                body.putFloat((float) digits.get(r)[c]);
            }
        }
        Path file = Files.write(out.resolve(binaryOutputs ? "thirty-two-rows-oip-binary-out.bin" : "thirty-two-rows-oip.bin"), body.array());
        return script(out, file, "application/octet-stream", "wrk.headers[\"Inference-Header-Content-Length\"] = \"" + header.length + "\"");
    }

    private static Path scriptFor(Scenario s, Path oneRow, Path batch32, Path tensor, Path binary, Path binaryOut) {
        return s.name().endsWith(" binary in/out") ? binaryOut : s.name().endsWith(" binary") ? binary
                : s.path().endsWith("/infer") ? tensor : s.rows() == 1 ? oneRow : batch32;
    }

    private static Path script(Path out, Path body) throws IOException {
        return script(out, body, "application/json", "");
    }

    /** A wrk script posting the body and printing one machine-readable line with wrk's own latency histogram. */
    private static Path script(Path out, Path body, String contentType, String headers) throws IOException {
        String lua = """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "%s"
                %s
                local f = io.open("%s", "rb")
                wrk.body = f:read("*a")
                f:close()
                done = function(summary, latency, requests)
                  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                    + summary.errors.status + summary.errors.timeout
                  io.write(string.format('BENCH {"requests":%%d,"seconds":%%f,"p50":%%d,"p95":%%d,"p99":%%d,"errors":%%d}\\n',
                    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
                    latency:percentile(99), errors))
                end
                """.formatted(contentType, headers, body.toAbsolutePath());
        return Files.writeString(out.resolve(body.getFileName() + ".lua"), lua);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
