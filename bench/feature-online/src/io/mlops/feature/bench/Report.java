package io.mlops.feature.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Medians over repeats per (mode, n, c), and the HTTP/raw ratio, as a Markdown table. */
final class Report {

    private Report() {
    }

    static String medians(List<OnlineBench.Cell> cells) {
        StringBuilder out = new StringBuilder("""
                | entities | concurrency | HTTP p50 ms | HTTP p99 ms | HTTP lookups/s | raw p50 ms | raw p99 ms | raw lookups/s | HTTP/raw lookups/s | wrk p50 ms | wrk p99 ms | wrk lookups/s | wrk/raw lookups/s | MGET per HTTP request | Redis commands per HTTP request |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        StringBuilder layout = new StringBuilder("""

                Layout, raw reads only (same keys, same values, same run): one value per entity (the service's layout: the vector's JSON array text) read with one MGET vs a hash per entity (20 float64 fields) read with n pipelined HMGETs.

                | entities | concurrency | MGET p50 ms | MGET p99 ms | MGET lookups/s | HMGET p50 ms | HMGET p99 ms | HMGET lookups/s | HMGET/MGET lookups/s | HMGET commands per lookup |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (int n : new int[] {1, 10, 100}) {
            for (int c : new int[] {1, 4, 16}) {
                List<OnlineBench.Cell> http = select(cells, "http", n, c);
                List<OnlineBench.Cell> raw = select(cells, "raw", n, c);
                List<OnlineBench.Cell> wrk = select(cells, "wrk", n, c);
                double wrkRps = median(wrk, OnlineBench.Cell::rps);
                double httpRps = median(http, OnlineBench.Cell::rps);
                double rawRps = median(raw, OnlineBench.Cell::rps);
                out.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.0f | %.3f | %.3f | %.0f | %.2f | %.3f | %.3f | %.0f | %.2f | %.3f | %.3f |%n",
                        n, c, median(http, OnlineBench.Cell::p50ms), median(http, OnlineBench.Cell::p99ms), httpRps,
                        median(raw, OnlineBench.Cell::p50ms), median(raw, OnlineBench.Cell::p99ms), rawRps, httpRps / rawRps,
                        median(wrk, OnlineBench.Cell::p50ms), median(wrk, OnlineBench.Cell::p99ms), wrkRps, wrkRps / rawRps,
                        median(http, OnlineBench.Cell::mgetPerReq), median(http, OnlineBench.Cell::cmdsPerReq)));
                List<OnlineBench.Cell> hmget = select(cells, "hmget", n, c);
                if (!hmget.isEmpty()) {
                    double hRps = median(hmget, OnlineBench.Cell::rps);
                    layout.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.0f | %.3f | %.3f | %.0f | %.2f | %.2f |%n",
                            n, c, median(raw, OnlineBench.Cell::p50ms), median(raw, OnlineBench.Cell::p99ms), rawRps,
                            median(hmget, OnlineBench.Cell::p50ms), median(hmget, OnlineBench.Cell::p99ms), hRps, hRps / rawRps,
                            median(hmget, OnlineBench.Cell::mgetPerReq)));
                }
            }
        }
        out.append(layout).append("""

                CPU per lookup (medians; ratios survive a loaded host better than rates): the service JVM's CPU per wrk request
                (wrk runs in its own process, so this is the service alone), this JVM's CPU per raw MGET / HMGET lookup (the
                Lettuce client), and Redis's own CPU per request (INFO cpu).

                "serving threads" is the CPU of Tomcat's request threads and Lettuce's event loops only (leaves out the
                embedded Kafka broker, JIT and GC that share this JVM).

                | entities | concurrency | service CPU µs/lookup (wrk) | serving threads CPU µs/lookup (wrk) | Redis CPU µs (wrk) | raw MGET client CPU µs | raw MGET serving threads µs | Redis CPU µs (MGET) | HMGET client CPU µs | Redis CPU µs (HMGET) | raw MGET (client + Redis) / service (+ Redis) CPU |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (int n : new int[] {1, 10, 100}) {
            for (int c : new int[] {1, 4, 16}) {
                List<OnlineBench.Cell> wrk = select(cells, "wrk", n, c);
                List<OnlineBench.Cell> raw = select(cells, "raw", n, c);
                List<OnlineBench.Cell> hmget = select(cells, "hmget", n, c);
                if (wrk.isEmpty() || raw.isEmpty()) {
                    continue;
                }
                double service = median(wrk, OnlineBench.Cell::jvmCpuUs) + median(wrk, OnlineBench.Cell::redisCpuUs);
                double rawCost = median(raw, OnlineBench.Cell::jvmCpuUs) + median(raw, OnlineBench.Cell::redisCpuUs);
                out.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n", n, c,
                        median(wrk, OnlineBench.Cell::jvmCpuUs), median(wrk, OnlineBench.Cell::threadsCpuUs), median(wrk, OnlineBench.Cell::redisCpuUs),
                        median(raw, OnlineBench.Cell::jvmCpuUs), median(raw, OnlineBench.Cell::threadsCpuUs), median(raw, OnlineBench.Cell::redisCpuUs),
                        median(hmget, OnlineBench.Cell::jvmCpuUs), median(hmget, OnlineBench.Cell::redisCpuUs), rawCost / service));
            }
        }
        out.append(listener(cells));
        return out.toString();
    }

    /**
     * The online listener (mode wrkn: wrk against {@code mlops.feature.online.port}) next to wrk against Tomcat
     * and the raw MGET in the same repeats: the ratio to the raw read per repeat (each repeat runs the three
     * clients one after the other, so a repeat is a pair in time) and the serving threads' CPU per lookup.
     */
    private static String listener(List<OnlineBench.Cell> cells) {
        StringBuilder out = new StringBuilder("""

                Online listener (wrkn: wrk against mlops.feature.online.port) and Tomcat (wrk) against the raw MGET, per repeat in
                order, then the median; serving threads: Tomcat's or the listener's threads plus Lettuce's event loops.

                | entities | concurrency | wrk/raw lookups/s | wrkn/raw lookups/s | wrk p50 / p99 ms | wrkn p50 / p99 ms | serving threads µs/lookup: wrk, wrkn, raw |
                |---:|---:|---|---|---|---|---|
                """);
        for (int n : new int[] {1, 10, 100}) {
            for (int c : new int[] {1, 4, 16}) {
                List<OnlineBench.Cell> wrk = select(cells, "wrk", n, c);
                List<OnlineBench.Cell> wrkn = select(cells, "wrkn", n, c);
                List<OnlineBench.Cell> raw = select(cells, "raw", n, c);
                if (wrkn.isEmpty() || raw.isEmpty() || wrk.size() != raw.size() || wrkn.size() != raw.size()) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %.2f / %.2f | %.2f / %.2f | %.0f, %.0f, %.0f |%n", n, c,
                        ratios(wrk, raw), ratios(wrkn, raw), median(wrk, OnlineBench.Cell::p50ms), median(wrk, OnlineBench.Cell::p99ms),
                        median(wrkn, OnlineBench.Cell::p50ms), median(wrkn, OnlineBench.Cell::p99ms), median(wrk, OnlineBench.Cell::threadsCpuUs),
                        median(wrkn, OnlineBench.Cell::threadsCpuUs), median(raw, OnlineBench.Cell::threadsCpuUs)));
            }
        }
        return out.toString();
    }

    private static String ratios(List<OnlineBench.Cell> http, List<OnlineBench.Cell> raw) {
        double[] r = new double[http.size()];
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            r[i] = http.get(i).rps() / raw.get(i).rps();
            each.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", r[i]));
        }
        java.util.Arrays.sort(r);
        double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
        return String.format(Locale.ROOT, "%s (median %.2f)", each, median);
    }

    private static List<OnlineBench.Cell> select(List<OnlineBench.Cell> cells, String mode, int n, int c) {
        return cells.stream().filter(x -> x.mode().equals(mode) && x.n() == n && x.c() == c).toList();
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        double[] v = values.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
