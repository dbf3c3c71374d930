package io.mlops.inference.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMade;
import io.mlops.inference.serving.FeatureRow;
import io.mlops.inference.serving.FeatureRowsDeserializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The sender's hand-written envelope writer against the contract: for every event below, its bytes equal
 * {@code EventJson.writeBytes} of the same envelope (the databind form that monitoring-service and every other consumer
 * read), and {@code EventJson.read} gives the same event back from both.
 */
class PredictionMadeJsonTest {

    private static final String SOURCE = "inference-service";
    /** Rows as the predict endpoint parses them: FeatureRow (and a LinkedHashMap for the row with a repeated name). */
    private static final JsonMapper REQUESTS = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())).build();
    private static final String ROWS = """
            {"instances":[
              {"a":1.5,"b":2,"c":"x","d":true,"e":null,"f":12345678901,"g":[1,2],"h":{"z":1},"i":-0.0},
              {"a":-0.25,"b":-3,"c":"y \\"quoted\\" ünï\\n","d":false,"e":null,"f":1,"g":[],"h":{},"i":2.0},
              {"b":7,"a":1.0,"big":1.0E22,"small":1.0E-7,"int_max":2147483647,"float":0.1,"pi":3.141592653589793},
              {"w1":9999999.0,"w2":-9999999.0,"w3":10000000.0,"w4":-10000000.0,"w5":-0.0,"w6":0.0,"w7":-5.0,"w8":1e400,"w9":12.5},
              {"a":1,"a":2.5},
              {}
            ]}""";

    @Test
    void writesTheBytesOfEventJsonForEveryKindOfRowAndOutcome() {
        List<Map<String, Object>> rows = REQUESTS.readValue(ROWS, PredictionRequest.class).instances();
        assertThat(rows.get(0)).isInstanceOf(FeatureRow.class);
        List<Map<String, Object>> features = new ArrayList<>(rows);
        features.add(digitsRow());
        features.add(plainMap());
        features.add(Map.of());
        features.add(null);

        Map<String, Double> multiclass = new LinkedHashMap<>();
        for (int k = 0; k < 10; k++) {
            multiclass.put(Integer.toString(k), k == 3 ? 0.9100000262260437 : 1.0 / 3 * k * 1e-5);
        }
        Map<String, Double> binary = new LinkedHashMap<>();
        binary.put("no", 0.25);
        binary.put("yes \"sure\"", 0.75);
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        withNull.put("b", 1.0);
        List<Outcome> outcomes = List.of(
                new Outcome(null, "3", multiclass),
                new Outcome(null, "yes \"sure\"", binary),
                new Outcome(4.7611103, null, null),
                new Outcome(-1.0E-12, null, Map.of()),
                new Outcome(null, null, withNull));
        List<Instant> instants = List.of(Instant.parse("2026-11-28T04:00:00Z"), Instant.parse("2026-11-28T04:00:00.120Z"),
                Instant.parse("2026-11-28T04:00:00.123456Z"), Instant.parse("2026-11-28T04:00:00.123456789Z"),
                Instant.parse("1970-01-01T00:00:00Z"));

        PredictionMadeJson writer = new PredictionMadeJson(SOURCE); // one writer for all: its caches must not leak
        int n = 0;
        for (Map<String, Object> row : features) {
            for (Outcome outcome : outcomes) {
                n++;
                Instant at = instants.get(n % instants.size());
                Instant occurredAt = n % 3 == 0 ? at : instants.get((n / 2) % instants.size());
                PredictionMade event = new PredictionMade(new PredictionId(TimeOrderedIds.next()),
                        new ModelVersionRef(n % 2 == 0 ? "digits" : "ünï \"model\"", 1 + n), n % 4 == 0 ? null : "production",
                        n % 7 == 0 ? null : at, row, outcome.value(), outcome.label(), outcome.probabilities(),
                        n * 0.0137, n % 5 == 0);
                assertSameBytes(writer, occurredAt, event);
            }
        }
        assertThat(n).isEqualTo(50);
    }

    @Test
    void wholeNumbersInRowsAreWrittenAsDoubleToStringWritesThem() {
        // FeatureRow formats whole numbers itself; everything around the 10^7 edge, signs and zeros, against databind
        java.util.Random random = new java.util.Random(6);
        StringBuilder row = new StringBuilder("{\"instances\":[{");
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 9.0, 10.0, 9_999_999.0, -9_999_999.0,
                10_000_000.0, -10_000_000.0, 123_456.0, 1e15, 0.001, 0.5, -2.5));
        for (int i = 0; i < 200; i++) {
            values.add((double) (random.nextInt(40_000_000) - 20_000_000));
            values.add(random.nextInt(200) / 4.0 - 25);
        }
        for (int i = 0; i < values.size(); i++) {
            row.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(values.get(i).doubleValue());
        }
        Map<String, Object> features = REQUESTS.readValue(row.append("}]}").toString(), PredictionRequest.class).instances().get(0);
        assertThat(features).isInstanceOf(FeatureRow.class).hasSize(values.size());
        PredictionMade event = new PredictionMade(new PredictionId(TimeOrderedIds.next()), new ModelVersionRef("m", 1), null,
                Instant.now(), features, 1.0, null, null, 0.5, false);
        assertSameBytes(new PredictionMadeJson(SOURCE), Instant.now(), event);
    }

    @Test
    void instantsAreWrittenAsInstantToString() {
        PredictionMadeJson.LastInstant text = new PredictionMadeJson.LastInstant();
        java.util.Random random = new java.util.Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 500),
                Instant.parse("+10000-01-01T00:00:00.000001Z"), Instant.parse("2026-11-28T04:00:00.100Z"),
                Instant.parse("2026-11-28T04:00:00.100Z"), Instant.parse("2026-11-28T04:00:00.000000010Z"), Instant.now()));
        for (int i = 0; i < 500; i++) {
            long second = 1_700_000_000L + random.nextInt(3);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertThat(text.text(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void aDigitsEventReadsBackAsTheSameEvent() {
        PredictionMadeJson writer = new PredictionMadeJson(SOURCE);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < 10; k++) {
            probabilities.put(Integer.toString(k), k * 0.01);
        }
        PredictionMade event = new PredictionMade(new PredictionId(TimeOrderedIds.next()), new ModelVersionRef("digits", 2),
                "production", Instant.now(), digitsRow(), null, "9", probabilities, 0.25, false);
        UUID id = TimeOrderedIds.next();
        Instant occurredAt = Instant.now();
        EventEnvelope<DomainEvent> read = EventJson.read(writer.write(id, occurredAt, event.aggregateKey(), event));
        assertThat(read.eventId()).isEqualTo(id);
        assertThat(read.type()).isEqualTo("PredictionMade");
        assertThat(read.occurredAt()).isEqualTo(occurredAt);
        assertThat(read.key()).isEqualTo("digits@2");
        PredictionMade back = (PredictionMade) read.payload();
        assertThat(back.predictionId()).isEqualTo(event.predictionId());
        assertThat(back.at()).isEqualTo(event.at());
        assertThat(back.probabilities()).isEqualTo(probabilities);
        assertThat(back.features()).hasSize(64).isEqualTo(Map.copyOf(event.features()));
    }

    private static void assertSameBytes(PredictionMadeJson writer, Instant occurredAt, PredictionMade event) {
        UUID id = TimeOrderedIds.next();
        byte[] expected = EventJson.writeBytes(new EventEnvelope<>(id, EventType.PREDICTION_MADE.wireName(),
                EventType.PREDICTION_MADE.schemaVersion(), occurredAt, SOURCE, event.aggregateKey(), event));
        byte[] actual = writer.write(id, occurredAt, event.aggregateKey(), event);
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(Arrays.equals(actual, expected)).isTrue();
        assertThat(EventJson.read(actual)).isEqualTo(EventJson.read(expected));
    }

    /** The first row of the digits fixture as a request sends it (floats), parsed into a FeatureRow. */
    private static Map<String, Object> digitsRow() {
        double[] pixels = {0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0,
                0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10,
                0, 0, 0};
        StringBuilder body = new StringBuilder("{\"instances\":[{");
        for (int c = 0; c < pixels.length; c++) {
            body.append(c == 0 ? "" : ",").append("\"p").append(c).append("\":").append(pixels[c]);
        }
        Map<String, Object> row = REQUESTS.readValue(body.append("}]}").toString(), PredictionRequest.class).instances().get(0);
        assertThat(row).isInstanceOf(FeatureRow.class);
        return row;
    }

    /** Rows from the online store or a transformation spec: plain maps with any value type. */
    private static Map<String, Object> plainMap() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("double", 0.30000000000000004);
        row.put("int", 42);
        row.put("long", 1L << 40);
        row.put("float", 0.1f);
        row.put("decimal", new BigDecimal("1.10"));
        row.put("text", "t\u00e9xt\t");
        row.put("bool", Boolean.TRUE);
        row.put("null", null);
        row.put("list", List.of(1, "two", 3.0));
        return row;
    }

    private record Outcome(Double value, String label, Map<String, Double> probabilities) {
    }
}
