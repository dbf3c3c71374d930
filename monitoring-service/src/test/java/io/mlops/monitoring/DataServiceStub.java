package io.mlops.monitoring;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data-service's two read endpoints as the contract states them (the real service is built in another
 * module at the same time): a version's JSON with its schema and the reservoir sample as CSV. It serves the
 * seattle-weather 2012-2013 rows as dataset {@code weather} version 3 and counts the sample fetches.
 */
final class DataServiceStub implements AutoCloseable {

    static final String SCHEMA = """
            {"ref": {"dataset": "weather", "version": 3}, "rowCount": 731,
             "schema": {"columns": [
               {"name": "date", "type": "DATE", "nullable": false},
               {"name": "precipitation", "type": "FLOAT", "nullable": false},
               {"name": "temp_max", "type": "FLOAT", "nullable": false},
               {"name": "temp_min", "type": "FLOAT", "nullable": false},
               {"name": "wind", "type": "FLOAT", "nullable": false},
               {"name": "weather", "type": "CATEGORICAL", "nullable": false}]}}""";

    final AtomicInteger sampleFetches = new AtomicInteger();
    private final HttpServer server;

    DataServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/datasets/weather/versions/3", exchange -> {
            boolean sample = exchange.getRequestURI().getPath().endsWith("/sample");
            if (sample) {
                sampleFetches.incrementAndGet();
            }
            byte[] body = (sample ? WeatherTraffic.referenceCsv() : SCHEMA).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", sample ? "text/csv" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
