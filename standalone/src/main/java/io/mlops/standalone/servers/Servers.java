package io.mlops.standalone.servers;

import io.mlops.standalone.StandaloneProperties;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the services need: each one external when configured, else embedded with its data under the
 * home folder. Started side by side; closed in reverse order of Postgres, Redis, Kafka.
 */
public final class Servers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Servers.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private ServerAddresses addresses;

    private Servers() {
    }

    private void startAll(StandaloneProperties settings) throws Exception {
        var external = settings.external();
        var embedded = settings.embedded();
        var home = settings.home();
        Future<PostgresServer> postgres = null;
        Future<EmbeddedRedis> redis = null;
        Future<KafkaBroker> kafka = null;
        // The three are independent: PostgreSQL (a child process, initdb on the first run) and Kafka (in this JVM)
        // each take seconds, so they start side by side. close() of the executor waits for every start to end
        // (interrupting them if this thread is interrupted), so nothing is left running without an owner.
        try (ExecutorService starts = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("server-start-", 0).factory())) {
            if (!external.hasPostgres()) {
                postgres = starts.submit(() -> timed(() -> PostgresServer.start(home.resolve("postgres"), embedded.postgresPort(), settings.startTimeout()),
                        (server, ms) -> log.info("PostgreSQL up at {} in {} ms (data in {})", server.address(null, 0, null).jdbcUrl(), ms,
                                home.resolve("postgres").toAbsolutePath())));
            }
            if (!external.hasRedis()) {
                redis = starts.submit(() -> timed(() -> EmbeddedRedis.start(home.resolve("redis"), embedded.redisPort(), settings.startTimeout()),
                        (server, ms) -> log.info("Redis up at 127.0.0.1:{} in {} ms (append-only file in {})", server.port(), ms,
                                home.resolve("redis").toAbsolutePath())));
            }
            if (!external.hasKafka()) {
                kafka = starts.submit(() -> timed(() -> KafkaBroker.start(home.resolve("kafka"), embedded.kafkaPort()),
                        (server, ms) -> log.info("Kafka up at {} in {} ms (log in {})", server.bootstrapServers(), ms,
                                home.resolve("kafka").toAbsolutePath())));
            }
        }
        // kept in start order (PostgreSQL, Redis, Kafka) so close() stops them in reverse, as before
        List<Throwable> failures = new ArrayList<>();
        PostgresServer pg = collect(postgres, failures);
        EmbeddedRedis rd = collect(redis, failures);
        KafkaBroker kb = collect(kafka, failures);
        if (!failures.isEmpty()) {
            Throwable first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
        ServerAddresses pgAddress = pg == null ? null : pg.address(null, 0, null);
        this.addresses = new ServerAddresses(
                pg == null ? external.jdbcUrl() : pgAddress.jdbcUrl(),
                pg == null ? external.username() : pgAddress.username(),
                pg == null ? external.password() : pgAddress.password(),
                rd == null ? external.redisHost() : "127.0.0.1",
                rd == null ? external.redisPort() : rd.port(),
                kb == null ? external.kafkaBootstrapServers() : kb.bootstrapServers());
    }

    private <T extends AutoCloseable> T collect(Future<T> start, List<Throwable> failures) {
        if (start == null) {
            return null;
        }
        return switch (start.state()) {
            case SUCCESS -> started(start.resultNow());
            case FAILED -> {
                failures.add(start.exceptionNow());
                yield null;
            }
            default -> {
                failures.add(new InterruptedException("start-up interrupted"));
                yield null;
            }
        };
    }

    private interface Start<T> {
        T start() throws Exception;
    }

    private static <T> T timed(Start<T> start, java.util.function.BiConsumer<T, Long> report) throws Exception {
        long t = System.nanoTime();
        T server = start.start();
        report.accept(server, millisSince(t));
        return server;
    }

    /** Starts what is not external; on a failure, stops what had started and rethrows. */
    public static Servers start(StandaloneProperties settings) throws Exception {
        Servers servers = new Servers();
        try {
            servers.startAll(settings);
            return servers;
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
    }

    public ServerAddresses addresses() {
        return addresses;
    }

    private <T extends AutoCloseable> T started(T server) {
        started.push(server);
        return server;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", server.getClass().getSimpleName(), e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
