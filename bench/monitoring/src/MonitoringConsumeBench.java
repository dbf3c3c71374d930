import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import io.mlops.monitoring.MonitoringServiceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Consume benchmark of issue 7: N small PredictionMade (10 numeric + 2 categorical features, a label and two class
 * probabilities) are produced to mlops.predictions.made (3 partitions, as the platform creates it) on test-support's
 * embedded KRaft broker; then, on the same records, (1) a bare KafkaConsumer reads them (the floor), (2) the same plus
 * EventJson.read of each value (the decode floor), (3) the monitoring-service, started in this JVM against Postgres
 * with its PredictionMade listener held back, is let go and timed until prediction_log holds N rows.
 * Usage: java ... MonitoringConsumeBench <out-dir> <events> <jdbc-url> <db-user> [profile: true|false] [extra --props...]
 */
public final class MonitoringConsumeBench {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        String user = args[3];
        boolean profile = args.length > 4 && Boolean.parseBoolean(args[4]);
        List<String> extra = args.length > 5 ? List.of(args).subList(5, args.length) : List.of();
        int repeats = Integer.getInteger("repeats", 1);
        Map<String, List<String>> variants = variants(extra);
        Files.createDirectories(out);
        String schema = "monitoring_bench";
        StringBuilder report = new StringBuilder();
        report.append("# Monitoring consume benchmark ").append(Instant.now()).append("\n\n")
                .append("cores: ").append(Runtime.getRuntime().availableProcessors()).append(", events: ").append(n)
                .append(", load average at start: ").append(loadavg()).append("\nextra properties: ").append(extra).append("\n\n");

        String kafka = io.mlops.testsupport.TestInfrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(Topics.PREDICTIONS_MADE, 3, (short) 1))).all().get();
        }
        long bytes = produce(kafka, n);
        report.append(String.format(Locale.ROOT, "produced %d events in %d records (%s), %.0f bytes per event on average%n%n", n,
                records, RECORDS, (double) bytes / n));

        report.append("| reader | seconds | records/s | reading thread CPU µs/record | load average after |\n|---|---:|---:|---:|---|\n");
        for (int round = 0; round < 2; round++) { // the first round warms the JIT; both are printed
            report.append(row("bare KafkaConsumer (byte[]), round " + (round + 1), records, bare(kafka, records, v -> { })));
            if (!RECORDS.equals("single")) {
                continue; // the decode floors below read single PredictionMade records
            }
            report.append(row("KafkaConsumer + EventJson.read, round " + (round + 1), n, bare(kafka, n, EventJson::read)));
            // the intake's decode before and after the one-pass reader, paired in this JVM: CPU of the reading thread per record
            report.append(row("KafkaConsumer + EventJson.read + features/probabilities re-encoded (old intake decode), round " + (round + 1),
                    n, bare(kafka, n, MonitoringConsumeBench::oldIntakeDecode)));
            if (INTAKE_READ != null) {
                report.append(row("KafkaConsumer + PredictionRowDeserializer.read + copyRow (one-pass intake decode), round " + (round + 1),
                        n, bare(kafka, n, MonitoringConsumeBench::newIntakeDecode)));
            }
        }

        if (INTAKE_READ != null && RECORDS.equals("single")) {
            // decode only, on 20,000 values in memory, old and new alternating (5 passes each per round): the CPU of
            // this thread per record, the figure a loaded box disturbs least
            report.append("\n| round | old intake decode (EventJson.read + re-encode) CPU µs/record | one-pass read + copyRow CPU µs/record | load average |\n|---|---:|---:|---|\n");
            for (int round = 1; round <= 6; round++) {
                double old = decodeCpu(MonitoringConsumeBench::oldIntakeDecode);
                double now = decodeCpu(MonitoringConsumeBench::newIntakeDecode);
                String line = String.format(Locale.ROOT, "| %d | %.2f | %.2f | %s |%n", round, old, now, loadavg());
                System.out.print(line);
                report.append(line);
            }
            report.append("\n");
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        List<Double> bareRates = new ArrayList<>();
        Map<String, List<Run>> cpus = new LinkedHashMap<>();
        report.append("\n| round | variant | service seconds | events/s | first rows after s | steady events/s (10 %→100 %) "
                + "| bare KafkaConsumer records/s just before | ratio "
                + "| JVM CPU µs/event | listener threads µs/event | PG backends µs/event | PG other µs/event | load average after |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "");
             Statement st = db.createStatement()) {
            for (int round = 1; round <= repeats; round++) {
                for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                    double bareRate = n / bare(kafka, records, v -> { }); // events/s, whatever the events per record
                    bareRates.add(bareRate);
                    Run run = runService(kafka, n, jdbcUrl, user, schema, variant.getValue(), st, profile, out);
                    double seconds = run.seconds();
                    rates.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(n / seconds);
                    cpus.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(run);
                    String line = String.format(Locale.ROOT, "| %d | %s | %.2f | %,.0f | %.2f | %,.0f | %,.0f | %.3f | %.1f | %.1f | %.1f | %.1f | %s |%n", round,
                            variant.getKey(), seconds, n / seconds, run.firstRowSeconds(), run.steadyRate(), bareRate, (n / seconds) / bareRate, run.jvmUs(n), run.listenerUs(n),
                            run.backendUs(n), run.pgOtherUs(n), loadavg());
                    System.out.print(line);
                    report.append(line);
                    try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'CLOSED') FROM "
                            + schema + ".monitoring_window")) {
                        rs.next();
                        System.out.println("windows: " + rs.getLong(1) + ", closed: " + rs.getLong(2));
                    }
                    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
                        admin.deleteConsumerGroups(List.of("monitoring-predictions")).all().get(); // next variant reads from the start
                    }
                }
            }
        }
        double bareMedian = median(bareRates);
        report.append("\n| variant | median events/s | median steady events/s | median ratio to the bare consumer | median JVM CPU µs/event | median PG backends µs/event |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        rates.forEach((name, r) -> report.append(String.format(Locale.ROOT, "| %s (%d runs) | %,.0f | %,.0f | %.3f | %.1f | %.1f |%n", name, r.size(),
                median(r), median(cpus.get(name).stream().map(Run::steadyRate).toList()), median(r) / bareMedian, median(cpus.get(name).stream().map(c -> c.jvmUs(n)).toList()),
                median(cpus.get(name).stream().map(c -> c.backendUs(n)).toList()))));
        report.append(String.format(Locale.ROOT, "%nbare KafkaConsumer median over all rounds: %,.0f records/s%n", bareMedian));
        report.append("\nload average at end: ").append(loadavg()).append('\n');
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    /** "@name" starts a variant, the --properties after it belong to it; without any "@", one variant "default". */
    private static Map<String, List<String>> variants(List<String> extra) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        String current = "default";
        variants.put(current, new ArrayList<>());
        for (String arg : extra) {
            if (arg.startsWith("@")) {
                if (variants.get("default") != null && variants.get("default").isEmpty() && current.equals("default")) {
                    variants.remove("default");
                }
                current = arg.substring(1);
                variants.put(current, new ArrayList<>());
            } else {
                variants.get(current).add(arg);
            }
        }
        return variants;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    /**
     * Starts the service (schema dropped first, listener held back), lets the listener go and returns the seconds until
     * prediction_log holds n rows. A property "--bench.sql=..." is not passed to the service but run in its schema once
     * Flyway is done (e.g. to try a column type).
     */
    /** Wall seconds and CPU nanoseconds of one service run: whole JVM, listener threads, our Postgres backends, other Postgres processes. */
    record Run(double seconds, long jvmNanos, long listenerNanos, long backendNanos, long pgOtherNanos, double firstRowSeconds,
               double steadyRate) {
        double jvmUs(int n) { return jvmNanos / 1e3 / n; }
        double listenerUs(int n) { return listenerNanos / 1e3 / n; }
        double backendUs(int n) { return backendNanos / 1e3 / n; }
        double pgOtherUs(int n) { return pgOtherNanos / 1e3 / n; }
    }

    private static Run runService(String kafka, int n, String jdbcUrl, String user, String schema, List<String> variant, Statement st,
                                     boolean profile, Path out) throws Exception {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        List<String> props = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.kafka.listener.auto-startup=false",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=",
                "--mlops.schema=" + schema,
                "--logging.level.root=WARN",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=monitoring-bench"));
        List<String> sql = new ArrayList<>();
        for (String p : variant) {
            if (p.startsWith("--bench.sql=")) {
                sql.add(p.substring("--bench.sql=".length()));
            } else {
                props.add(p);
            }
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MonitoringServiceApplication.class)
                .run(props.toArray(String[]::new))) {
            for (String statement : sql) {
                st.execute("SET search_path TO " + schema);
                st.execute(statement);
                st.execute("RESET search_path");
            }
            Recording recording = null;
            if (profile) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.start();
            }
            Map<Integer, Long> pgBefore = postgresCpu();
            long jvmBefore = processCpu();
            long start = System.nanoTime();
            app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("monitoring-predictions").start();
            long rows = 0;
            long firstRow = 0;   // ns after start when the first rows were stored (group join, first fetch, JIT-cold batches before)
            long tenthAt = 0;    // ns after start when at least a tenth of n was stored, and how many rows then
            long tenthRows = 0;
            while (rows < n) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                // the windows' row counts are updated in the transaction that stores the rows, and this table is small:
                // polling count(*) of prediction_log cost Postgres CPU of its own that grew with the table
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(sum(rows), 0) FROM " + schema + ".monitoring_window")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                long now = System.nanoTime() - start;
                if (firstRow == 0 && rows > 0) {
                    firstRow = now;
                }
                if (tenthAt == 0 && rows >= n / 10 && rows < n) {
                    tenthAt = now;
                    tenthRows = rows;
                }
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("only " + rows + " of " + n + " rows after 600 s");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // the sustained rate: rows stored from the poll that first saw a tenth of n to the end, over that time
            // (leaves out the consumer group's join, the first fetches and the JIT-cold first batches)
            double steadyRate = tenthAt == 0 ? Double.NaN : (n - tenthRows) / (seconds - tenthAt / 1e9);
            long jvm = processCpu() - jvmBefore;
            app.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("mlops.monitoring.intake").timers()
                    .forEach(t -> System.out.printf(Locale.ROOT, "phase %s: %d batches, total %.2f s, mean %.2f ms%n", t.getId().getTag("phase"),
                            t.count(), t.totalTime(java.util.concurrent.TimeUnit.SECONDS), t.mean(java.util.concurrent.TimeUnit.MILLISECONDS)));
            // the consumers' own view (Kafka client metrics that Micrometer binds): fetch latency and size, records per
            // fetch, time between polls and the share of it spent outside the listener (poll idle ratio)
            app.getBean(io.micrometer.core.instrument.MeterRegistry.class).getMeters().stream()
                    .filter(m -> m.getId().getName().matches("kafka\\.consumer\\.(fetch\\.manager\\.(fetch\\.latency\\.avg|records\\.per\\.request\\.avg|fetch\\.size\\.avg)"
                            + "|time\\.between\\.poll\\.avg|poll\\.idle\\.ratio\\.avg)"))
                    .filter(m -> m.getId().getTag("topic") == null && m.getId().getTag("partition") == null)
                    .forEach(m -> m.measure().forEach(v -> System.out.printf(Locale.ROOT, "kafka %s %s: %.3f%n", m.getId().getName(),
                            m.getId().getTag("client.id"), v.getValue())));
            long listener = listenerCpu();
            Map<Integer, Long> pgAfter = postgresCpu();
            List<Integer> ours = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'monitoring-bench'")) {
                while (rs.next()) {
                    ours.add(rs.getInt(1));
                }
            }
            long backend = 0;
            long other = 0;
            for (Map.Entry<Integer, Long> e : pgAfter.entrySet()) {
                long used = e.getValue() - pgBefore.getOrDefault(e.getKey(), 0L);
                if (ours.contains(e.getKey())) {
                    backend += used;
                } else {
                    other += used;
                }
            }
            if (recording != null) {
                recording.stop();
                recording.dump(out.resolve("service.jfr"));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".prediction_log")) {
                rs.next();
                if (rs.getLong(1) != n) {
                    throw new IllegalStateException("windows count " + rows + " rows but prediction_log holds " + rs.getLong(1));
                }
            }
            return new Run(seconds, jvm, listener, backend, other, firstRow / 1e9, steadyRate);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the PredictionMade consumer threads (spring-kafka names them after the listener id). */
    private static long listenerCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("monitoring-predictions")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** utime + stime (+ reaped children's, for the postmaster) of every postgres process, in nanoseconds, by pid. */
    private static Map<Integer, Long> postgresCpu() {
        Map<Integer, Long> cpu = new java.util.HashMap<>();
        long tick = 10_000_000L; // USER_HZ 100
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields after the name: f[11] utime, f[12] stime, f[13] cutime, f[14] cstime
                    cpu.put(Integer.parseInt(dir.getFileName().toString()),
                            (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) * tick);
                } catch (java.io.IOException | RuntimeException gone) {
                    // process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cpu;
    }

    /**
     * How the events are produced ({@code -Dbench.records}): {@code single}, one PredictionMade JSON envelope per record
     * (older producers); {@code json-batch} or {@code avro-batch}, PredictionMadeBatch records of {@value #BATCH}
     * events as the inference-service sends them (Avro with its content-type header, written by test-support's generic
     * writer).
     */
    private static final String RECORDS = System.getProperty("bench.records", "single");
    private static final int BATCH = 500;
    private static int records;

    private static long produce(String kafka, int n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("linger.ms", "20");
        p.put("batch.size", "262144");
        p.put("compression.type", "none");
        long bytes = 0;
        SplittableRandom random = new SplittableRandom(7);
        ModelVersionRef model = new ModelVersionRef("bench-model", 1);
        Clock clock = Clock.systemUTC();
        List<List<PredictionMade>> batches = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                Map<String, Object> features = new LinkedHashMap<>();
                for (int f = 0; f < 10; f++) {
                    features.put("x" + f, Math.round(random.nextGaussian() * 1000) / 100.0);
                }
                features.put("color", "c" + random.nextInt(6));
                features.put("city", "city" + random.nextInt(20));
                double yes = random.nextDouble();
                PredictionMade event = new PredictionMade(PredictionId.random(), model, "production", clock.instant(), features, null,
                        yes >= 0.5 ? "yes" : "no", Map.of("yes", yes, "no", 1 - yes), 1 + random.nextDouble() * 4, false);
                if (!RECORDS.equals("single")) {
                    List<PredictionMade> pending = batches.get(i % 3);
                    pending.add(event);
                    if (pending.size() == BATCH || i >= n - 3) {
                        bytes += sendBatch(producer, i % 3, pending, clock);
                        pending.clear();
                    }
                    continue;
                }
                byte[] value = EventJson.writeBytes(EventEnvelope.wrap("inference-service", event, clock));
                bytes += value.length;
                if (SAMPLE.size() < 20_000) {
                    SAMPLE.add(value);
                }
                // partition by hand: the keys "#0".."#2" hashed into only two of the three partitions, leaving one consumer idle
                producer.send(new ProducerRecord<>(Topics.PREDICTIONS_MADE, i % 3, event.aggregateKey() + "#" + (i % 3), value));
                records++;
            }
            producer.flush();
        }
        return bytes;
    }

    /** One PredictionMadeBatch record of these events (one model version, the same names) to a partition; its bytes. */
    private static long sendBatch(KafkaProducer<String, byte[]> producer, int partition, List<PredictionMade> events, Clock clock) {
        List<String> names = List.copyOf(events.getFirst().features().keySet());
        List<String> classes = List.of("yes", "no");
        List<io.mlops.events.PredictionMadeBatch.Prediction> predictions = new ArrayList<>();
        for (PredictionMade e : events) {
            predictions.add(new io.mlops.events.PredictionMadeBatch.Prediction(e.predictionId(), e.at(),
                    new ArrayList<>(e.features().values()), e.value(), e.label(),
                    List.of(e.probabilities().get("yes"), e.probabilities().get("no")), e.latencyMs()));
        }
        var batch = new io.mlops.events.PredictionMadeBatch(events.getFirst().model(), events.getFirst().alias(), false, names, classes,
                predictions);
        var envelope = EventEnvelope.wrap("inference-service", batch, clock);
        var record = new ProducerRecord<String, byte[]>(Topics.PREDICTIONS_MADE, partition, batch.aggregateKey(),
                RECORDS.equals("avro-batch") ? io.mlops.testsupport.PredictionMadeBatchRecords.writeAvro(envelope) : EventJson.writeBytes(envelope));
        if (RECORDS.equals("avro-batch")) {
            record.headers().add(io.mlops.events.EventContentTypes.HEADER,
                    io.mlops.events.EventContentTypes.PREDICTION_MADE_BATCH_AVRO.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        producer.send(record);
        records++;
        return record.value().length;
    }

    /** Reads all n records of the topic from the beginning (assigned partitions, no group) and returns the seconds. */
    private static final java.lang.reflect.Method INTAKE_READ = intakeMethod("io.mlops.monitoring.window.PredictionRowDeserializer", "read", byte[].class);
    private static final java.lang.reflect.Method INTAKE_ROW = INTAKE_READ == null ? null
            : intakeMethod("io.mlops.monitoring.window.PredictionLog", "copyRow", rowClass());
    private static long lastCpuNanos;
    static volatile Object sink;

    /** The intake's package-private one-pass reader, absent in builds before it (then its row is left out). */
    private static java.lang.reflect.Method intakeMethod(String type, String name, Class<?> arg) {
        try {
            java.lang.reflect.Method m = Class.forName(type).getDeclaredMethod(name, arg);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void oldIntakeDecode(byte[] value) {
        io.mlops.events.PredictionMade p = (io.mlops.events.PredictionMade) EventJson.read(value).payload();
        sink = EventJson.mapper().writeValueAsString(p.features());
        sink = p.probabilities() == null || p.probabilities().isEmpty() ? null : EventJson.mapper().writeValueAsString(p.probabilities());
    }

    private static void newIntakeDecode(byte[] value) {
        try {
            // the reader gives the record's rows (one for a single PredictionMade, many for a batch)
            for (Object row : (List<?>) INTAKE_READ.invoke(null, (Object) value)) {
                sink = INTAKE_ROW.invoke(null, row);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> rowClass() {
        try {
            return Class.forName("io.mlops.monitoring.window.PredictionRow");
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }

    private static final List<byte[]> SAMPLE = new ArrayList<>();

    private static double decodeCpu(Consumer<byte[]> decode) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 5; pass++) {
            SAMPLE.forEach(decode);
        }
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / (5.0 * SAMPLE.size());
    }

    private static double bare(String kafka, int n, Consumer<byte[]> perValue) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("max.poll.records", "2000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.PREDICTIONS_MADE).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long start = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            int seen = 0;
            while (seen < n) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(java.time.Duration.ofSeconds(1))) {
                    perValue.accept(r.value());
                    seen++;
                }
            }
            lastCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String row(String name, int n, double seconds) {
        String row = String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %.1f | %s |%n", name, seconds, n / seconds, lastCpuNanos / 1e3 / n, loadavg());
        System.out.print(row);
        return row;
    }

    private static String loadavg() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
