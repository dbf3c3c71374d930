package io.mlops.feature.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DatasetSchema;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Online lookups over loopback HTTP (JDK HttpClient, HTTP/1.1, one client shared by the load threads)
 * for 1/10/100 random entities at concurrency 1/4/16, next to a raw Lettuce MGET of the same keys on one
 * shared connection (as Spring Data Redis shares one), in the same JVM and run. Prints one line per
 * cell and repeat, then the medians over the repeats.
 * Usage: OnlineBench WORKDIR [warmupSeconds=1] [seconds=3] [repeats=3]
 */
public final class OnlineBench {

    static final int ENTITIES = 10_000;
    static final int FEATURES = 20;
    /** The service's key prefix ("fs:" for a baseline run of a build before the JSON-text layout). */
    static final String KEY_PREFIX = System.getProperty("bench.keyPrefix", "fo:");

    /**
     * {@code jvmCpuUs}: CPU of this JVM (service and, except for wrk, the load threads) per request;
     * {@code redisCpuUs}: Redis server CPU per request (INFO cpu). CPU per request survives a loaded
     * host better than wall-clock rates do.
     */
    record Cell(String mode, int n, int c, double p50ms, double p99ms, double rps, double mgetPerReq, double cmdsPerReq, long errors,
                double jvmCpuUs, double redisCpuUs, double threadsCpuUs) {
    }

    /**
     * CPU of the threads that serve a lookup (Tomcat's {@code http-nio-*}, the online listener's {@code online-http-*}
     * and Lettuce's event loops):
     * unlike the process's CPU it leaves out what else this JVM runs (the embedded Kafka broker, the
     * outbox relay, JIT and GC), which at a few hundred lookups per second on a loaded host can
     * outweigh the lookups themselves.
     */
    static long servingThreadsCpuNanos() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("http-nio") || info.getThreadName().startsWith("lettuce-")
                    || info.getThreadName().startsWith("online-http"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final Pattern REDIS_CPU = Pattern.compile("^used_cpu_(?:sys|user):([0-9.]+)", Pattern.MULTILINE);

    static double redisCpuSeconds(StatefulRedisConnection<byte[], byte[]> redis) {
        Matcher m = REDIS_CPU.matcher(redis.sync().info("cpu"));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    static String loadAverage() {
        try {
            return String.join(",", Files.readString(Path.of("/proc/loadavg")).split(" ", 4)).replaceAll(",[^,]*$", "");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

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
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path csv = work.resolve("bench-10k.csv");
        List<ColumnSchema> columns = new ArrayList<>(List.of(new ColumnSchema("id", ColumnType.INTEGER, false)));
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            StringBuilder header = new StringBuilder("id");
            for (int f = 0; f < FEATURES; f++) {
                header.append(",f").append(f);
                columns.add(new ColumnSchema("f" + f, ColumnType.FLOAT, true));
            }
            w.write(header + "\n");
            for (int i = 0; i < ENTITIES; i++) {
                StringBuilder row = new StringBuilder().append(i);
                for (int f = 0; f < FEATURES; f++) {
                    row.append(',').append(String.format(Locale.ROOT, "%.6f", f + random.nextGaussian() * (f + 1)));
                }
                w.write(row + "\n");
            }
        }
        String set = "bench-online-" + System.currentTimeMillis();
        try (ContractEndpoint data = new ContractEndpoint();
             RedisClient client = RedisClient.create("redis://127.0.0.1:6379")) {
            data.add("bench-10k", new ContractEndpoint.Dataset(csv, new DatasetSchema(columns), ENTITIES));
            try (FeatureServiceRunner service = new FeatureServiceRunner(data.baseUrl());
                 StatefulRedisConnection<byte[], byte[]> redis = client.connect(ByteArrayCodec.INSTANCE)) {
                StringBuilder features = new StringBuilder();
                for (int f = 0; f < FEATURES; f++) {
                    features.append(f == 0 ? "" : ",").append("""
                            {"name":"f%d","column":"f%d","transformations":[{"type":"standardize"}]}""".formatted(f, f));
                }
                var created = service.send("POST", "/api/v1/feature-sets", """
                        {"name":"%s","dataset":"bench-10k","datasetVersion":1,"entityColumns":["id"],"features":[%s]}"""
                        .formatted(set, features), 201);
                var job = service.awaitJob(created.get("materialization").asString(), java.time.Duration.ofMinutes(5));
                System.out.printf("materialized %s: %d rows in %.2f s; schema %s; service %s%n", set, job.rowsDone(), job.seconds(),
                        service.schema, service.baseUrl);
                check(service, redis, set);
                List<Cell> all = new ArrayList<>();
                // wrkn: wrk against the online listener (mlops.feature.online.port) of the same instance
                String[] modes = !Wrk.available() ? new String[] {"http", "raw", "hmget"}
                        : service.onlineUrl == null ? new String[] {"http", "wrk", "raw", "hmget"} : new String[] {"http", "wrk", "wrkn", "raw", "hmget"};
                String onlyModes = System.getProperty("bench.modes");   // e.g. "wrk,raw": these clients only
                if (onlyModes != null) {
                    modes = java.util.Arrays.stream(modes).filter(List.of(onlyModes.split(","))::contains).toArray(String[]::new);
                }
                if (List.of(modes).contains("hmget")) {
                    writeHashes(redis, set);
                }
                String only = System.getProperty("bench.cells");   // e.g. "100x4,100x16": these cells only (profiling)
                for (int r = 1; r <= repeats; r++) {
                    for (int n : new int[] {1, 10, 100}) {
                        for (int c : new int[] {1, 4, 16}) {
                            if (only != null && !List.of(only.split(",")).contains(n + "x" + c)) {
                                continue;
                            }
                            for (String mode : modes) {
                                Cell cell = mode.startsWith("wrk")
                                        ? Wrk.run(mode, work, (mode.equals("wrkn") ? service.onlineUrl : service.baseUrl) + "/api/v1/feature-sets/" + set + "/online",
                                                n, c, warmup, seconds, redis)
                                        : run(mode, n, c, warmup, seconds, service, redis, set);
                                all.add(cell);
                                System.out.printf(Locale.ROOT, "repeat %d %-4s n=%3d c=%2d p50=%.3f ms p99=%.3f ms %.0f lookups/s mget/req=%.3f cmds/req=%.3f errors=%d jvm-cpu/req=%.0f us serving-threads-cpu/req=%.0f us redis-cpu/req=%.0f us load=%s%n",
                                        r, mode, n, c, cell.p50ms(), cell.p99ms(), cell.rps(), cell.mgetPerReq(), cell.cmdsPerReq(), cell.errors(),
                                        cell.jvmCpuUs(), cell.threadsCpuUs(), cell.redisCpuUs(), loadAverage());
                            }
                        }
                    }
                }
                Files.writeString(work.resolve("online-medians.md"), Report.medians(all));
                System.out.println(Report.medians(all));
            }
        }
    }

    /**
     * The other layout, for the same entities and values: a hash per entity ({@code fsh:...}), one
     * field per feature holding its 8-byte float64, as Feast's hash layout does. Read by "hmget".
     */
    private static void writeHashes(StatefulRedisConnection<byte[], byte[]> redis, String set) {
        byte[][] fields = fieldNames();
        for (int from = 0; from < ENTITIES; from += 500) {
            int[] ids = java.util.stream.IntStream.range(from, Math.min(ENTITIES, from + 500)).toArray();
            String[] keys = keys(set, ids);
            byte[][] bytes = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                bytes[i] = keys[i].getBytes(StandardCharsets.UTF_8);
            }
            var values = redis.sync().mget(bytes);
            List<io.lettuce.core.RedisFuture<Long>> sent = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                double[] vector = parse(values.get(i).getValue());
                Map<byte[], byte[]> hash = new java.util.LinkedHashMap<>();
                for (int f = 0; f < FEATURES; f++) {
                    hash.put(fields[f], java.nio.ByteBuffer.allocate(Double.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(vector[f]).array());
                }
                sent.add(redis.async().hset(hashKey(set, ids[i]), hash));
            }
            io.lettuce.core.LettuceFutures.awaitAll(java.time.Duration.ofSeconds(30), sent.toArray(new io.lettuce.core.RedisFuture[0]));
        }
    }

    /** A stored vector: the JSON object text of its values by name (the service's layout). */
    static double[] parse(byte[] stored) {
        if (KEY_PREFIX.equals("fs:")) {   // the earlier packed float64 layout (for a baseline run of an older build)
            double[] vector = new double[stored.length / Double.BYTES];
            java.nio.ByteBuffer.wrap(stored).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(vector);
            return vector;
        }
        String text = new String(stored, StandardCharsets.US_ASCII);
        if (KEY_PREFIX.equals("fj:")) {   // the JSON array of the values (a baseline run of an older build)
            return java.util.Arrays.stream(text.substring(1, text.length() - 1).split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        // the service's layout: {"f0":v0,...}; the bench's names hold no comma or colon
        return java.util.Arrays.stream(text.substring(1, text.length() - 1).split(","))
                .mapToDouble(field -> Double.parseDouble(field.substring(field.indexOf(':') + 1).replace("\"", ""))).toArray();
    }

    private static byte[][] fieldNames() {
        byte[][] fields = new byte[FEATURES][];
        for (int f = 0; f < FEATURES; f++) {
            fields[f] = ("f" + f).getBytes(StandardCharsets.UTF_8);
        }
        return fields;
    }

    private static byte[] hashKey(String set, int id) {
        return ("fsh:" + set + ":1:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[][] FIELDS = fieldNames();

    /** n HMGETs of the 20 fields, all sent before any reply is awaited (a pipeline on the shared connection). */
    private static boolean hmget(StatefulRedisConnection<byte[], byte[]> redis, String set, int[] ids) {
        @SuppressWarnings("unchecked")
        io.lettuce.core.RedisFuture<List<io.lettuce.core.KeyValue<byte[], byte[]>>>[] replies = new io.lettuce.core.RedisFuture[ids.length];
        for (int i = 0; i < ids.length; i++) {
            replies[i] = redis.async().hmget(hashKey(set, ids[i]), FIELDS);
        }
        try {
            for (var reply : replies) {
                List<io.lettuce.core.KeyValue<byte[], byte[]>> values = reply.get(5, java.util.concurrent.TimeUnit.SECONDS);
                if (values.size() != FEATURES || !values.getFirst().hasValue()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String[] keys(String set, int[] ids) {
        String[] keys = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = KEY_PREFIX + set + ":1:" + ids[i];
        }
        return keys;
    }

    /** The raw read must find every key the service serves, or the baseline would be measuring misses. */
    private static void check(FeatureServiceRunner service, StatefulRedisConnection<byte[], byte[]> redis, String set) {
        int[] ids = {0, 1, 4999, 9999};
        for (String k : keys(set, ids)) {
            byte[] v = redis.sync().get(k.getBytes(StandardCharsets.UTF_8));
            if (v == null || parse(v).length != FEATURES) {
                throw new IllegalStateException("raw key " + k + " has " + (v == null ? "no value" : new String(v, StandardCharsets.US_ASCII)));
            }
        }
        var answer = service.send("POST", "/api/v1/feature-sets/" + set + "/online", "{\"entities\":[0,1,4999,9999]}", 200);
        if (answer.toString().contains("\"missing\":true")) {
            throw new IllegalStateException("service misses entities: " + answer);
        }
    }

    private static Cell run(String mode, int n, int c, double warmup, double seconds, FeatureServiceRunner service,
                            StatefulRedisConnection<byte[], byte[]> redis, String set) throws InterruptedException {
        Map<String, Long> before = commandCalls(redis);
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        Histogram[] histograms = new Histogram[c];
        long[] counts = new long[c];
        long[] total = new long[c];
        long[] errors = new long[c];
        URI uri = URI.create(service.baseUrl + "/api/v1/feature-sets/" + set + "/online");
        long cpuBefore = jvmCpuNanos();
        long threadsBefore = servingThreadsCpuNanos();
        double redisCpuBefore = redisCpuSeconds(redis);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            int id = t;
            histograms[t] = new Histogram(3);
            threads.add(Thread.ofPlatform().start(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                int[] ids = new int[n];
                while (true) {
                    for (int i = 0; i < n; i++) {
                        ids[i] = rnd.nextInt(ENTITIES);
                    }
                    long start = System.nanoTime();
                    if (start >= end) {
                        return;
                    }
                    boolean ok = switch (mode) {
                        case "http" -> http(service, uri, ids);
                        case "hmget" -> hmget(redis, set, ids);
                        default -> raw(redis, set, ids);
                    };
                    long done = System.nanoTime();
                    total[id]++;
                    if (!ok) {
                        errors[id]++;
                    } else if (start >= warmEnd) {
                        histograms[id].recordValue(done - start);
                        counts[id]++;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long cpu = jvmCpuNanos() - cpuBefore;
        long threadsCpu = servingThreadsCpuNanos() - threadsBefore;
        double redisCpu = redisCpuSeconds(redis) - redisCpuBefore;
        Map<String, Long> after = commandCalls(redis);
        Histogram all = new Histogram(3);
        long measured = 0;
        long sent = 0;
        long failed = 0;
        for (int t = 0; t < c; t++) {
            all.add(histograms[t]);
            measured += counts[t];
            sent += total[t];
            failed += errors[t];
        }
        String counted = mode.equals("hmget") ? "cmdstat_hmget" : "cmdstat_mget";
        long mget = after.getOrDefault(counted, 0L) - before.getOrDefault(counted, 0L);
        long cmds = 0;
        for (var e : after.entrySet()) {
            if (!e.getKey().equals("cmdstat_info")) {
                cmds += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return new Cell(mode, n, c, all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6,
                measured / seconds, (double) mget / sent, (double) cmds / sent, failed, cpu / 1e3 / sent, redisCpu * 1e6 / sent,
                threadsCpu / 1e3 / sent);
    }

    private static boolean http(FeatureServiceRunner service, URI uri, int[] ids) {
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < ids.length; i++) {
            body.append(i == 0 ? "" : ",").append(ids[i]);
        }
        body.append("]}");
        try {
            HttpResponse<byte[]> r = service.http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean raw(StatefulRedisConnection<byte[], byte[]> redis, String set, int[] ids) {
        String[] keys = keys(set, ids);
        byte[][] bytes = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            bytes[i] = keys[i].getBytes(StandardCharsets.UTF_8);
        }
        var values = redis.sync().mget(bytes);
        return values.size() == ids.length && values.stream().allMatch(v -> v.hasValue());
    }

    private static final Pattern CALLS = Pattern.compile("^(cmdstat_[^:]+):calls=(\\d+)", Pattern.MULTILINE);

    static Map<String, Long> commandCalls(StatefulRedisConnection<byte[], byte[]> redis) {
        Map<String, Long> calls = new HashMap<>();
        Matcher m = CALLS.matcher(redis.sync().info("commandstats"));
        while (m.find()) {
            calls.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return calls;
    }
}
