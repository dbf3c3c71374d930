package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.feature.FeatureServiceApplication;
import io.mlops.testsupport.PostgresServer;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Lookups answered before Spring MVC ({@code OnlineLookupFilter}, the default) and by the online
 * listener ({@code mlops.feature.online.port}) against the same lookups through the MVC controller, in
 * a second instance with {@code mlops.feature.online.direct=false} on the same Postgres and Redis: the
 * same status, headers that matter and bytes for answers and for every error (400 malformed or entity
 * count, 404 unknown set or version, 422 unreadable entity, 415/406 by content negotiation, 413 past the
 * body limit for the listener), and the lookups the filter answers are timed in
 * mlops_feature_online_request_seconds. The 503 with Redis down is {@link RedisUnavailableIntegrationTest} (direct path).
 */
class OnlineServingPathsIntegrationTest extends FeatureStoreTestSupport {

    private static final String PATH = "/api/v1/feature-sets/iris-paths/online";

    @Autowired
    MeterRegistry meters;

    record Call(String path, String contentType, String accept, String body) {
    }

    @Test
    void theDirectPathAnswersByteForByteWhatTheControllerAnswers() {
        createMaterialized("""
                {"name":"iris-paths","dataset":"iris","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]},
                             {"name":"petal width (cm)","column":"petal_width","transformations":[{"type":"log1p"}]}]}""");
        String hundred = IntStream.rangeClosed(60, 159).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
        List<Call> calls = List.of(
                new Call(PATH, "application/json", null, "{\"entities\":[" + hundred + "]}"),   // 150..159 are missing
                new Call(PATH, "application/json", "application/json", "{\"entities\":[1,\"2\",3.0,{\"id\":4}],\"version\":1}"),
                new Call(PATH, "application/json;charset=UTF-8", "*/*", "{\"version\":null,\"other\":[1],\"entities\":[7]}"),
                new Call(PATH, "application/json", null, "{\"entities\":[1"),
                new Call(PATH, "application/json", null, "{\"entities\":\"a\"}"),
                new Call(PATH, "application/json", null, "[]"),
                new Call(PATH, "application/json", null, "{\"entities\":[]}"),
                new Call(PATH, "application/json", null, "{\"entities\":[" + tooMany + "]}"),
                new Call(PATH, "application/json", null, "{\"entities\":[1,null]}"),
                new Call(PATH, "application/json", null, "{\"entities\":[1],\"version\":9}"),
                new Call("/api/v1/feature-sets/nothing-here/online", "application/json", null, "{\"entities\":[1]}"),
                new Call("/api/v1/feature-sets/iris%2Dpaths/online", "application/json", null, "{\"entities\":[5]}"),
                new Call(PATH, "text/plain", null, "{\"entities\":[1]}"),
                new Call(PATH, "application/json", "text/csv", "{\"entities\":[1]}"));

        PostgresServer pg = TestInfrastructure.postgres();
        try (ConfigurableApplicationContext mvc = new SpringApplicationBuilder(FeatureServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.data.redis.host=" + TestInfrastructure.redis().host(),
                "--spring.data.redis.port=" + TestInfrastructure.redis().port(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--mlops.feature.materialization.resume-on-startup=false",
                "--mlops.feature.online.direct=false",
                "--mlops.feature.online.port=0",
                "--mlops.http.max-request-size=8KB",   // so that a small body shows the 413 on both of its paths
                "--mlops.feature.data-service-url=" + DATA.baseUrl())) {
            RestClient viaMvc = client(mvc.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            int listenerPort = mvc.getEnvironment().getRequiredProperty("local.mlops.feature.online.port", Integer.class);
            RestClient listener = client(listenerPort);
            RestClient direct = client(port);
            double directBefore = directLookups();
            for (Call call : calls) {
                assertSameAnswer(send(viaMvc, call), send(direct, call), call);
                assertSameAnswer(send(viaMvc, call), send(listener, call), call);
            }
            assertThat(send(direct, calls.getFirst()).getStatusCode().value()).isEqualTo(200);
            // the listener: the same 413 for a body past the limit, and a path it does not serve
            Call tooLarge = new Call(PATH, "application/json", null, "{\"entities\":[" + "1,".repeat(5000) + "1]}");
            ResponseEntity<byte[]> refused = send(viaMvc, tooLarge);
            assertThat(refused.getStatusCode().value()).isEqualTo(413);
            assertSameAnswer(refused, send(listener, tooLarge), tooLarge);
            assertThat(send(listener, new Call("/api/v1/feature-sets", "application/json", null, "{}")).getStatusCode().value()).isEqualTo(404);
            assertThat(listener.get().uri(PATH).retrieve().toEntity(byte[].class).getStatusCode().value()).isEqualTo(405);
            // answers of several lookups in flight on one connection each, as a load test sends them
            List<java.util.concurrent.CompletableFuture<ResponseEntity<byte[]>>> inFlight = IntStream.range(0, 8)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> send(listener, calls.getFirst()))).toList();
            ResponseEntity<byte[]> first = send(viaMvc, calls.getFirst());
            inFlight.forEach(f -> assertSameAnswer(first, f.join(), calls.getFirst()));
            listenerClosedAfter(mvc, listenerPort);
            // 12 of the calls are answered by the filter (plus the one above); 415 and 406 fall through to MVC. The
            // timer is recorded once the answer is written, which the client may see first: wait for the last one
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(directLookups() - directBefore).isEqualTo(13));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    meters.get("mlops.feature.online.request").tag("status", "404").timer().count()).isGreaterThanOrEqualTo(2));
        }
    }

    private static void assertSameAnswer(ResponseEntity<byte[]> expected, ResponseEntity<byte[]> actual, Call call) {
        String what = call + " -> " + new String(expected.getBody() == null ? new byte[0] : expected.getBody());
        assertThat(actual.getStatusCode()).as(what).isEqualTo(expected.getStatusCode());
        assertThat(actual.getHeaders().getContentType()).as(what).isEqualTo(expected.getHeaders().getContentType());
        // Tomcat sends the ProblemDetails chunked (no length); the listener always declares the length
        long expectedLength = expected.getHeaders().getContentLength() >= 0 || actual.getHeaders().getContentLength() < 0
                ? expected.getHeaders().getContentLength() : expected.getBody() == null ? 0 : expected.getBody().length;
        assertThat(actual.getHeaders().getContentLength()).as(what).isEqualTo(expectedLength);
        assertThat(actual.getHeaders().getFirst("Retry-After")).as(what).isEqualTo(expected.getHeaders().getFirst("Retry-After"));
        assertThat(actual.getBody()).as(what).isEqualTo(expected.getBody());
    }

    /** Stopping the application closes the listener's port (graceful close: the socket first, then the event loops). */
    private static void listenerClosedAfter(ConfigurableApplicationContext context, int listenerPort) {
        context.close();
        assertThatThrownBy(() -> new java.net.Socket("localhost", listenerPort).close()).isInstanceOf(java.net.ConnectException.class);
    }

    private double directLookups() {
        return meters.find("mlops.feature.online.request").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    private static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private static ResponseEntity<byte[]> send(RestClient client, Call call) {
        var request = client.post().uri(call.path()).header("Content-Type", call.contentType());
        if (call.accept() != null) {
            request = request.header("Accept", call.accept());
        }
        return request.body(call.body()).retrieve().toEntity(byte[].class);
    }
}
