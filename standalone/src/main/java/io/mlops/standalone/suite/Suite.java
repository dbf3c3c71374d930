package io.mlops.standalone.suite;

import io.mlops.standalone.StandaloneProperties;
import io.mlops.standalone.servers.ServerAddresses;
import io.mlops.standalone.servers.Servers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Starts PostgreSQL, Redis, Kafka, then the five services, each in its own application context (siblings, no
 * shared parent); stops the services in reverse order, then Kafka, Redis and PostgreSQL. Holds a lock on the
 * home folder meanwhile, so a second suite on the same data fails fast instead of corrupting it.
 */
public final class Suite implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);

    private final StandaloneProperties settings;
    private final Map<Service, ConfigurableApplicationContext> contexts = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<Service, URI> urls = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private FileChannel lockChannel;
    private Servers servers;
    private Thread shutdownHook;
    private volatile boolean running;

    public Suite(StandaloneProperties settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        long t = System.nanoTime();
        // Spring's own hook does nothing for a context still refreshing: a SIGTERM during start-up would let the
        // JVM halt with PostgreSQL and Redis running. This hook waits for start (or its clean-up) to end, then stops.
        shutdownHook = new Thread(this::stop, "standalone-suite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            lockHome();
            checkPortsFree();
            servers = Servers.start(settings);
            for (Service service : Service.values()) {
                startService(service, servers.addresses());
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the standalone suite did not start: " + e.getMessage(), e);
        }
        running = true;
        // the JVM's uptime is what a user waits for (JVM and class path start plus the suite); its CPU time is what
        // the start costs whatever else runs on the machine (PostgreSQL's processes not included)
        long cpuMillis = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        log.info("standalone suite started in {} ms, all five services up {} ms after the JVM started, JVM CPU time {} ms: {}",
                (System.nanoTime() - t) / 1_000_000, ManagementFactory.getRuntimeMXBean().getUptime(), cpuMillis, urls);
    }

    private void startService(Service service, ServerAddresses addresses) {
        long t = System.nanoTime();
        List<String> hidden = new ArrayList<>();
        for (Service other : Service.values()) {
            if (other != service) {
                hidden.add(ServiceClassLoader.rootOf(other.application()));
            }
        }
        ClassLoader parent = Suite.class.getClassLoader();
        ClassLoader loader = new ServiceClassLoader(service.serviceName(), parent, hidden);
        String[] args = ServiceArguments.of(service, service.port(settings.ports()), settings, addresses, Map.copyOf(urls));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // threads the context starts (Tomcat, Kafka consumers, schedulers) inherit this loader
        thread.setContextClassLoader(loader);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .run(args);
            contexts.put(service, context);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            urls.put(service, URI.create("http://localhost:" + port));
        } finally {
            thread.setContextClassLoader(previous);
        }
        log.info("{} up at {} in {} ms", service.serviceName(), urls.get(service), (System.nanoTime() - t) / 1_000_000);
    }

    private void checkPortsFree() {
        for (Service service : Service.values()) {
            int port = service.port(settings.ports());
            if (port == 0) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                throw new PortInUse(service, port);
            }
        }
    }

    private void lockHome() throws IOException {
        Path home = settings.home();
        Files.createDirectories(home);
        FileChannel channel = FileChannel.open(home.resolve("standalone.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            channel.close();
            throw new UncheckedIOException(e);
        }
        if (lock == null) {
            channel.close();
            throw new HomeInUse(home);
        }
        lockChannel = channel;
    }

    @Override
    public synchronized void stop() {
        // closing waits for servers to exit: an interrupt left over from an aborted start must not cut that short
        boolean interrupted = Thread.interrupted();
        try {
            stopAll();
        } finally {
            removeShutdownHook();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook will find nothing left to stop
            }
        }
        shutdownHook = null;
    }

    private void stopAll() {
        running = false;
        List<Service> reverse = new ArrayList<>(List.of(Service.values()));
        Collections.reverse(reverse);
        for (Service service : reverse) {
            ConfigurableApplicationContext context = contexts.remove(service);
            if (context != null) {
                log.info("stopping {}", service.serviceName());
                try {
                    context.close();
                } catch (RuntimeException e) {
                    log.warn("closing {} failed", service.serviceName(), e);
                }
            }
        }
        urls.clear();
        if (servers != null) {
            servers.close();
            servers = null;
        }
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock; nothing else to undo
            }
            lockChannel = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Base URL of each started service, e.g. {@code http://localhost:8081} for {@link Service#DATA}. */
    public Map<Service, URI> urls() {
        return Map.copyOf(urls);
    }

    /** The application context of one service (for tests and diagnostics). */
    public ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    /** Where the services find PostgreSQL, Redis and Kafka. */
    public ServerAddresses servers() {
        return servers.addresses();
    }
}
