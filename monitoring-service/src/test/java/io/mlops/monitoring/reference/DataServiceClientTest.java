package io.mlops.monitoring.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.monitoring.MonitoringProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The data-service client against a real HTTP server on loopback (the JDK's HttpServer serving the data-service's two
 * endpoints): what it reads, and that each limit fails the fetch with a message naming the dataset and the limit.
 */
class DataServiceClientTest {

    private static final DatasetVersionRef DATASET = new DatasetVersionRef("weather", 3);
    private static final String VERSION = """
            {"schema": {"columns": [{"name": "temp", "type": "FLOAT", "nullable": false},
                                    {"name": "weather", "type": "CATEGORICAL", "nullable": false}]}}""";
    // generous timeouts (a loaded machine must not fail these tests); the timeout tests set their own
    private static final MonitoringProperties.Reference LIMITS =
            new MonitoringProperties.Reference(Duration.ofSeconds(10), Duration.ofSeconds(20), DataSize.ofBytes(200), 4, 64);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private volatile String sample = "temp,weather\n1.5,rain\n2.5,sun\n";
    private volatile boolean chunked;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/datasets/weather/versions/3", exchange -> {
            boolean isSample = exchange.getRequestURI().getPath().endsWith("/sample");
            respond(exchange, isSample ? sample : VERSION);
        });
        server.createContext("/api/v1/datasets/slow/versions/1", exchange -> {
            await(); // answers only when the test ends: the client must give up first
            respond(exchange, VERSION);
        });
        server.createContext("/api/v1/datasets/missing/versions/1", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop(0);
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void readsTheSchemaAndSample() {
        DataServiceClient.Sample fetched = client(url()).fetch(DATASET);
        assertThat(fetched.columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("temp:" + ColumnType.FLOAT, "weather:" + ColumnType.CATEGORICAL);
        assertThat(fetched.csv()).isEqualTo(sample);
    }

    @Test
    void aSampleOverTheByteCapFailsOnItsDeclaredLength() {
        sample = "temp,weather\n" + "1.5,rain\n".repeat(30); // 13 + 270 bytes > 200
        assertThatThrownBy(() -> client(url()).fetch(DATASET)).isInstanceOf(ReferenceSampleTooLarge.class)
                .hasMessageContaining("sample of dataset weather").hasMessageContaining("283 bytes declared")
                .hasMessageContaining("max-sample-size");
    }

    @Test
    void aSampleOverTheByteCapWithoutADeclaredLengthFailsWhileBeingRead() {
        sample = "temp,weather\n" + "1.5,rain\n".repeat(30);
        chunked = true;
        assertThatThrownBy(() -> client(url()).fetch(DATASET)).isInstanceOf(ReferenceSampleTooLarge.class)
                .hasMessageContaining("sample of dataset weather").hasMessageContaining("more than 200B")
                .hasMessageContaining("max-sample-size");
    }

    @Test
    void readsABodySentWithoutADeclaredLength() {
        chunked = true;
        assertThat(client(url()).fetch(DATASET).csv()).isEqualTo(sample);
    }

    @Test
    void aSampleOverTheRowCapFails() {
        sample = "temp,weather\n1,a\n2,b\n3,c\n4,d\n5,e\n"; // 5 rows, cap 4
        assertThatThrownBy(() -> client(url()).fetch(DATASET)).isInstanceOf(ReferenceSampleTooLarge.class)
                .hasMessageContaining("more than 4 rows").hasMessageContaining("max-sample-rows");
        sample = "temp,weather\n1,a\n2,b\n3,c\n4,d\n"; // exactly at the cap
        assertThat(client(url()).fetch(DATASET).csv()).isEqualTo(sample);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsTheFetch() {
        var shortReads = new MonitoringProperties.Reference(Duration.ofSeconds(10), Duration.ofSeconds(1), DataSize.ofMegabytes(1), 10, 64);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new DataServiceClient(url(), shortReads).fetch(new DatasetVersionRef("slow", 1)))
                .isInstanceOf(ReferenceFetchFailed.class)
                .hasMessageContaining("version document of dataset slow").hasMessageContaining("Timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30)); // the server holds out 60 s
    }

    @Test
    void aServerThatDoesNotAcceptConnectionsFailsTheFetchAtTheConnectTimeout() throws IOException {
        // a real listening socket that never accepts, its backlog filled: further SYNs are dropped, so connect hangs
        ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        closeLater.add(full);
        for (int i = 0; i < 4; i++) {
            Socket s = new Socket();
            closeLater.add(s);
            try {
                s.connect(full.getLocalSocketAddress(), 200);
            } catch (IOException e) {
                break; // the backlog is full
            }
        }
        URI unreachable = URI.create("http://127.0.0.1:" + full.getLocalPort());
        // a read timeout far longer than the connect timeout, so only the connect timeout can end this early
        var slowReads = new MonitoringProperties.Reference(Duration.ofMillis(500), Duration.ofSeconds(60), DataSize.ofMegabytes(1), 10, 64);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new DataServiceClient(unreachable, slowReads).fetch(DATASET)).isInstanceOf(ReferenceFetchFailed.class)
                .hasMessageContaining("dataset weather").hasMessageContaining("connect timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anErrorStatusFailsTheFetchNamingTheAnswer() {
        assertThatThrownBy(() -> client(url()).fetch(new DatasetVersionRef("missing", 1))).isInstanceOf(ReferenceFetchFailed.class)
                .hasMessageContaining("answered 404");
    }

    private DataServiceClient client(URI base) {
        return new DataServiceClient(base, LIMITS);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client stopped reading at its cap and closed the connection
        }
    }

    private void await() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
