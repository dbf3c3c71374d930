package io.mlops.standalone.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * Redis from the codemonstur binary, with its append-only file in {@code <home>/redis}, so the online
 * features survive a restart (they could be rebuilt from the offline store, but not for free).
 * The library builds the command line; the process is started here because the library's own start adds a
 * JVM shutdown hook that would stop Redis while the services are still closing. It runs in its own session
 * (setsid), so a Ctrl-C in the terminal reaches only the JVM, which then stops it last but one.
 */
final class EmbeddedRedis implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path pidFile;

    private EmbeddedRedis(Process process, int port, Path pidFile) {
        this.process = process;
        this.port = port;
        this.pidFile = pidFile;
    }

    static EmbeddedRedis start(Path directory, int requestedPort, Duration timeout) throws IOException {
        Path dir = directory.toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        OrphanedServer.stopIfRunning(pidFile, "redis", Duration.ofSeconds(10));
        int port = FreePort.orFree(requestedPort);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + quoted(dir))
                .setting("pidfile " + quoted(pidFile))
                .setting("logfile " + quoted(dir.resolve("redis.log")))
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .buildCommandArgs());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        EmbeddedRedis redis = new EmbeddedRedis(process, port, pidFile);
        redis.awaitPong(timeout);
        return redis;
    }

    int port() {
        return port;
    }

    /** Redis answers -LOADING while it replays the append-only file; ready means PONG. */
    private void awaitPong(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + "; see redis.log");
            }
            if (pong()) {
                return;
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Redis", e);
            }
        }
        close();
        throw new IOException("Redis did not answer PING within " + timeout);
    }

    private boolean pong() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            int n = in.readNBytes(reply, 0, 5);
            return n == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        // SIGTERM: Redis flushes its append-only file and exits
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // in case setsid forked instead of exec'ing redis-server in place
        OrphanedServer.stopIfRunning(pidFile, "redis", Duration.ofSeconds(10));
    }
}
