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
import io.mlops.events.PredictionMadeBatch;
import io.mlops.inference.serving.FeatureRow;
import io.mlops.inference.serving.FeatureRowsDeserializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The sender's hand-written batch writer against the contract: every record it writes equals {@code EventJson.writeBytes}
 * of the PredictionMadeBatch envelope made of the same events (the databind form that monitoring-service and every other
 * consumer read), and reads back, expanded, as the events it was written from.
 */
class PredictionMadeBatchJsonTest {

    static final String SOURCE = "inference-service";
    static final int NO_BYTE_LIMIT = Integer.MAX_VALUE;
    /** Rows as the predict endpoint parses them: FeatureRow (and a LinkedHashMap for the row with a repeated name). */
    static final JsonMapper REQUESTS = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())).build();
    static final String ROWS = """
            {"instances":[
              {"a":1.5,"b":2,"c":"x","d":true,"e":null,"f":12345678901,"g":[1,2],"h":{"z":1},"i":-0.0},
              {"b":7,"a":1.0,"big":1.0E22,"small":1.0E-7,"int_max":2147483647,"float":0.1,"pi":3.141592653589793},
              {"w1":9999999.0,"w2":-9999999.0,"w3":10000000.0,"w4":-10000000.0,"w5":-0.0,"w6":0.0,"w7":-5.0,"w8":1e400,"w9":12.5},
              {"a":1,"a":2.5},
              {}
            ]}""";
    /** A second row of the first one's names, as the next row of the same request. */
    static final String SAME_NAMES = """
            {"instances":[{"a":-0.25,"b":-3,"c":"y \\"quoted\\" ünï\\n","d":false,"e":null,"f":1,"g":[],"h":{},"i":2.0}]}""";

    @Test
    void writesTheBytesOfEventJsonForEveryKindOfRowAndOutcome() {
        PredictionMadeBatchJson writer = new PredictionMadeBatchJson(SOURCE); // one writer for all: its caches must not leak
        int records = 0;
        for (Run run : mixedRuns()) {
            for (int from = 0; from < run.events().size(); records++) {
                int taken = assertSameBytes(writer, run.occurredAt(), run.events(), from, 500, NO_BYTE_LIMIT);
                assertThat(taken).as("one record per outcome's run").isEqualTo(3);
                from += taken;
            }
        }
        assertThat(records).isEqualTo(9 * 5);
    }

    /** One row's events and their record's time. */
    record Run(List<PredictionMade> events, Instant occurredAt) {
    }

    /**
     * Rows of every kind (FeatureRows, a repeated name, digits, plain maps, empty, null) × outcomes of every kind
     * (classes, regression, empty and null probabilities), three events per outcome in runs: a writer must close a
     * record where the classes change, so each run of three is one record.
     */
    static List<Run> mixedRuns() {
        List<Map<String, Object>> rows = new ArrayList<>(REQUESTS.readValue(ROWS, PredictionRequest.class).instances());
        assertThat(rows.get(0)).isInstanceOf(FeatureRow.class);
        rows.add(digitsRow());
        rows.add(plainMap());
        rows.add(Map.of());
        rows.add(null);
        Map<String, Object> sameNames = REQUESTS.readValue(SAME_NAMES, PredictionRequest.class).instances().getFirst();

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

        List<Run> runs = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : rows) {
            n++;
            ModelVersionRef model = new ModelVersionRef(n % 2 == 0 ? "digits" : "ünï \"model\"", 1 + n);
            String alias = n % 4 == 0 ? null : "production";
            List<PredictionMade> events = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                for (int i = 0; i < 3; i++) {
                    Instant at = instants.get((n + i) % instants.size());
                    Map<String, Object> features = i == 1 && row == rows.getFirst() ? sameNames : row;
                    events.add(new PredictionMade(new PredictionId(TimeOrderedIds.next()), model, alias, n % 7 == 0 ? null : at,
                            features, outcome.value(), outcome.label(), outcome.probabilities(), n * 0.0137 + i, n % 3 == 0));
                }
            }
            runs.add(new Run(events, instants.get(n % instants.size())));
        }
        return runs;
    }

    @Test
    void aRecordTakesAtMostItsPredictionsAndClosesOncePastItsBytes() {
        List<PredictionMade> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(digitsEvent());
        }
        PredictionMadeBatchJson writer = new PredictionMadeBatchJson(SOURCE);
        assertThat(assertSameBytes(writer, Instant.now(), events, 0, 10, NO_BYTE_LIMIT)).isEqualTo(10);
        assertThat(assertSameBytes(writer, Instant.now(), events, 20, 10, NO_BYTE_LIMIT)).isEqualTo(5);
        int one = writer.write(TimeOrderedIds.next(), Instant.now(), events, 0, 1, NO_BYTE_LIMIT).length;
        // past the limit after the second prediction: the record closes with two
        assertThat(assertSameBytes(writer, Instant.now(), events, 0, 500, one + 1)).isEqualTo(2);
        // one prediction larger than the limit still goes out, alone
        assertThat(assertSameBytes(writer, Instant.now(), events, 0, 500, 10)).isEqualTo(1);
        // a limit so large that from + limit overflows still takes the rest (it took none, and the sender looped)
        assertThat(assertSameBytes(writer, Instant.now(), events, 20, Integer.MAX_VALUE, NO_BYTE_LIMIT)).isEqualTo(5);
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
        assertSameBytes(new PredictionMadeBatchJson(SOURCE), Instant.now(), List.of(event), 0, 500, NO_BYTE_LIMIT);
    }

    @Test
    void instantsAreWrittenAsInstantToString() {
        LastInstant text = new LastInstant();
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
    void digitsEventsReadBackAsTheSameEvents() {
        PredictionMadeBatchJson writer = new PredictionMadeBatchJson(SOURCE);
        List<PredictionMade> events = List.of(digitsEvent(), digitsEvent(), digitsEvent());
        UUID id = TimeOrderedIds.next();
        Instant occurredAt = Instant.now();
        EventEnvelope<DomainEvent> read = EventJson.read(writer.write(id, occurredAt, events, 0, 500, NO_BYTE_LIMIT));
        assertThat(read.eventId()).isEqualTo(id);
        assertThat(read.type()).isEqualTo("PredictionMadeBatch");
        assertThat(read.occurredAt()).isEqualTo(occurredAt);
        assertThat(read.key()).isEqualTo("digits@2");
        List<PredictionMade> back = ((PredictionMadeBatch) read.payload()).expand();
        assertThat(back).hasSize(3);
        for (int i = 0; i < 3; i++) {
            PredictionMade sent = events.get(i);
            assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("features").isEqualTo(sent);
            assertThat(back.get(i).features()).hasSize(64).isEqualTo(Map.copyOf(sent.features()));
        }
    }

    /** Writes one record from {@code events[from..]}, holds it to databind's bytes for the same batch; returns how many it took. */
    private static int assertSameBytes(PredictionMadeBatchJson writer, Instant occurredAt, List<PredictionMade> events, int from,
                                       int maxPredictions, int maxBytes) {
        UUID id = TimeOrderedIds.next();
        byte[] actual = writer.write(id, occurredAt, events, from, maxPredictions, maxBytes);
        int taken = writer.written();
        assertThat(taken).isPositive();
        PredictionMadeBatch batch = batchOf(events.subList(from, from + taken));
        byte[] expected = EventJson.writeBytes(new EventEnvelope<>(id, EventType.PREDICTION_MADE_BATCH.wireName(),
                EventType.PREDICTION_MADE_BATCH.schemaVersion(), occurredAt, SOURCE, batch.aggregateKey(), batch));
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(EventJson.read(actual)).isEqualTo(EventJson.read(expected));
        return taken;
    }

    /** The batch databind would write for these events, built the obvious way. */
    private static PredictionMadeBatch batchOf(List<PredictionMade> events) {
        PredictionMade first = events.getFirst();
        List<String> names = first.features() == null ? List.of() : List.copyOf(first.features().keySet());
        List<String> classes = first.probabilities() == null ? null : List.copyOf(first.probabilities().keySet());
        List<PredictionMadeBatch.Prediction> predictions = events.stream().map(e -> new PredictionMadeBatch.Prediction(
                e.predictionId(), e.at(), e.features() == null ? List.of() : new ArrayList<>(e.features().values()), e.value(),
                e.label(), e.probabilities() == null ? null : new ArrayList<>(e.probabilities().values()), e.latencyMs())).toList();
        return new PredictionMadeBatch(first.model(), first.alias(), first.shadow(), names, classes, predictions);
    }

    static PredictionMade digitsEvent() {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < 10; k++) {
            probabilities.put(Integer.toString(k), k * 0.01);
        }
        return new PredictionMade(new PredictionId(TimeOrderedIds.next()), new ModelVersionRef("digits", 2), "production",
                Instant.now(), digitsRow(), null, "9", probabilities, 0.25, false);
    }

    /** The first row of the digits fixture as a request sends it (floats), parsed into a FeatureRow. */
    static Map<String, Object> digitsRow() {
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
    static Map<String, Object> plainMap() {
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

    record Outcome(Double value, String label, Map<String, Double> probabilities) {
    }
}
