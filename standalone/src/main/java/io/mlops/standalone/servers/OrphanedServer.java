package io.mlops.standalone.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process left running by a standalone JVM that was killed (kill -9, OOM): PostgreSQL and
 * Redis run as child processes and outlive it, holding the data directory. Only called while this JVM holds
 * the home's lock, so the process cannot belong to a live suite.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    /** Stops the process named by the first line of {@code pidFile} if it is alive and its command contains {@code command}. */
    static void stopIfRunning(Path pidFile, String command, Duration wait) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(command)).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle orphan = process.get();
        log.warn("stopping {} (pid {}) left running by an earlier standalone run", command, orphan.pid());
        orphan.destroy();
        CompletableFuture<ProcessHandle> exit = orphan.onExit();
        try {
            exit.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            orphan.destroyForcibly();
            exit.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::valueOf);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
