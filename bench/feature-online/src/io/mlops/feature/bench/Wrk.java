package io.mlops.feature.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same HTTP lookups driven by wrk (C, its own process), to tell the JDK HttpClient's cost
 * apart from the service's. wrk reports its own percentiles; it is skipped when not installed.
 */
final class Wrk {

    private static final String SCRIPT = """
            local n = tonumber(os.getenv("N"))
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            request = function()
              local t = {}
              for i = 1, n do t[i] = math.random(0, 9999) end
              return wrk.format(nil, nil, nil, '{"entities":[' .. table.concat(t, ",") .. ']}')
            end
            """;

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk")) || Files.isExecutable(Path.of("/usr/local/bin/wrk"));
    }

    static OnlineBench.Cell run(String mode, Path work, String url, int n, int c, double warmup, double seconds,
                                io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> redis) throws Exception {
        Path script = work.resolve("lookup.lua");
        Files.writeString(script, SCRIPT);
        String threads = String.valueOf(Math.min(c, 2));
        if (warmup > 0) {
            exec(List.of("wrk", "-t" + threads, "-c" + c, "-d" + Math.max(1, Math.round(warmup)) + "s", "-s", script.toString(), url), n);
        }
        Map<String, Long> before = OnlineBench.commandCalls(redis);
        long cpuBefore = OnlineBench.jvmCpuNanos();
        long threadsBefore = OnlineBench.servingThreadsCpuNanos();
        double redisCpuBefore = OnlineBench.redisCpuSeconds(redis);
        String out = exec(List.of("wrk", "-t" + threads, "-c" + c, "-d" + Math.max(1, Math.round(seconds)) + "s", "--latency",
                "-s", script.toString(), url), n);
        long cpu = OnlineBench.jvmCpuNanos() - cpuBefore;
        long threadsCpu = OnlineBench.servingThreadsCpuNanos() - threadsBefore;
        double redisCpu = OnlineBench.redisCpuSeconds(redis) - redisCpuBefore;
        Map<String, Long> after = OnlineBench.commandCalls(redis);
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long errors = out.contains("Non-2xx") ? Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)")) : 0;
        long mget = after.getOrDefault("cmdstat_mget", 0L) - before.getOrDefault("cmdstat_mget", 0L);
        long cmds = after.entrySet().stream().filter(e -> !e.getKey().equals("cmdstat_info"))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        return new OnlineBench.Cell(mode, n, c, millis(find(out, "\\s50%\\s+(\\S+)")), millis(find(out, "\\s99%\\s+(\\S+)")),
                Double.parseDouble(find(out, "Requests/sec:\\s+(\\S+)")), (double) mget / requests, (double) cmds / requests, errors,
                cpu / 1e3 / requests, redisCpu * 1e6 / requests, threadsCpu / 1e3 / requests);
    }

    private static String exec(List<String> command, int n) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("N", String.valueOf(n));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
        }
        return m.group(1);
    }

    private static double millis(String v) {
        double x = Double.parseDouble(v.replaceAll("[a-z]+$", ""));
        return v.endsWith("us") ? x / 1000 : v.endsWith("ms") ? x : v.endsWith("s") ? x * 1000 : x;
    }
}
