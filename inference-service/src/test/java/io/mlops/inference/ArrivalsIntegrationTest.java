package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.mlops.inference.batching.Arrivals;
import io.mlops.inference.testing.Models;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests are counted as {@link Arrivals} from Tomcat's hand-off to a request thread until they reach a
 * batching executor, so a batch collector can wait for them. Expected logits: digits_mlp_expected.csv (PyTorch's
 * own, written when the fixture was exported), row 0.
 */
class ArrivalsIntegrationTest extends InferenceTestBase {

    private static final List<double[]> DIGITS_IN = Models.csv("digits_first200_inputs.csv", 0, 64);
    private static final List<double[]> DIGITS_OUT = Models.csv("digits_mlp_expected.csv", 1, 10);

    @Autowired
    private Arrivals arrivals;

    @Test
    void aRequestIsOnItsWayFromDispatchUntilItReachesTheModel() throws Exception {
        StringJoiner row = new StringJoiner(",", "[", "]");
        for (double v : DIGITS_IN.getFirst()) {
            row.add(Double.toString(v));
        }
        byte[] body = ("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,64],\"datatype\":\"FP32\",\"data\":[" + row + "]}]}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /v2/models/digits/versions/1/infer HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0);

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            // Dispatched to a request thread, which now waits for the rest of the body: on its way.
            await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 1);

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String response = readAll(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 200");
            Map<?, ?> answer = JsonMapper.builder().build().readValue(response.substring(response.indexOf("\r\n\r\n") + 4),
                    Map.class);
            List<?> logits = (List<?>) ((Map<?, ?>) ((List<?>) answer.get("outputs")).getFirst()).get("data");
            for (int k = 0; k < 10; k++) {
                assertThat(((Number) logits.get(k)).doubleValue()).as("logit %d", k)
                        .isCloseTo(DIGITS_OUT.getFirst()[k], within(1e-4));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0);
    }

    /** The whole response; the server closes the connection after it (Connection: close), so no chunk parsing. */
    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String raw = bytes.toString(StandardCharsets.UTF_8);
        if (raw.toLowerCase().contains("transfer-encoding: chunked")) {
            return dechunk(raw);
        }
        return raw;
    }

    private static String dechunk(String raw) {
        int start = raw.indexOf("\r\n\r\n") + 4;
        StringBuilder body = new StringBuilder();
        int at = start;
        while (true) {
            int eol = raw.indexOf("\r\n", at);
            int size = Integer.parseInt(raw.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(raw, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return raw.substring(0, start) + body;
    }
}
