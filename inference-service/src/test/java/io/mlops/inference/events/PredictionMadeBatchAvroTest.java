package io.mlops.inference.events;

import static io.mlops.inference.events.PredictionMadeBatchJsonTest.NO_BYTE_LIMIT;
import static io.mlops.inference.events.PredictionMadeBatchJsonTest.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMade;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sender's Avro writer against the contract: what it writes, read with Avro's generic reader and common-domain's
 * schema alone, is the envelope the JSON writer writes for the same events (the JSON writer is held to databind by
 * {@link PredictionMadeBatchJsonTest}), for rows and outcomes of every kind; records close where JSON's do.
 */
class PredictionMadeBatchAvroTest {

    @Test
    void readsBackAsTheJsonEnvelopeOfTheSameEventsForEveryKindOfRowAndOutcome() {
        PredictionMadeBatchAvro avro = new PredictionMadeBatchAvro(SOURCE); // one writer for all: its buffers must not leak
        PredictionMadeBatchJson json = new PredictionMadeBatchJson(SOURCE);
        int records = 0;
        for (PredictionMadeBatchJsonTest.Run run : PredictionMadeBatchJsonTest.mixedRuns()) {
            for (int from = 0; from < run.events().size(); records++) {
                int taken = assertSameEnvelope(avro, json, run.occurredAt(), run.events(), from, 500);
                assertThat(taken).as("one record per outcome's run").isEqualTo(3);
                from += taken;
            }
        }
        assertThat(records).isEqualTo(9 * 5);
    }

    @Test
    void aRecordTakesAtMostItsPredictionsAndClosesOncePastItsBytes() {
        List<PredictionMade> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(PredictionMadeBatchJsonTest.digitsEvent());
        }
        PredictionMadeBatchAvro avro = new PredictionMadeBatchAvro(SOURCE);
        PredictionMadeBatchJson json = new PredictionMadeBatchJson(SOURCE);
        assertThat(assertSameEnvelope(avro, json, Instant.now(), events, 0, 10)).isEqualTo(10);
        assertThat(assertSameEnvelope(avro, json, Instant.now(), events, 20, 10)).isEqualTo(5);
        assertThat(assertSameEnvelope(avro, json, Instant.now(), events, 20, Integer.MAX_VALUE)).isEqualTo(5);
        int one = avro.write(TimeOrderedIds.next(), Instant.now(), events, 0, 1, NO_BYTE_LIMIT).length;
        // past the limit after the second prediction: the record closes with two
        avro.write(TimeOrderedIds.next(), Instant.now(), events, 0, 500, one + 1);
        assertThat(avro.written()).isEqualTo(2);
        // one prediction larger than the limit still goes out, alone
        byte[] alone = avro.write(TimeOrderedIds.next(), Instant.now(), events, 3, 500, 10);
        assertThat(avro.written()).isEqualTo(1);
        assertThat(PredictionMadeBatchRecords.readAvro(alone).payload().predictions()).singleElement()
                .satisfies(p -> assertThat(p.predictionId()).isEqualTo(events.get(3).predictionId()));
    }

    @Test
    void digitsEventsAreSmallerThanTheirJsonAndReadBackAsTheSameEvents() {
        List<PredictionMade> events = List.of(PredictionMadeBatchJsonTest.digitsEvent(), PredictionMadeBatchJsonTest.digitsEvent());
        UUID id = TimeOrderedIds.next();
        Instant occurredAt = Instant.parse("2026-11-29T05:00:00.123456789Z");
        byte[] bytes = new PredictionMadeBatchAvro(SOURCE).write(id, occurredAt, events, 0, 500, NO_BYTE_LIMIT);
        EventEnvelope<PredictionMadeBatch> read = PredictionMadeBatchRecords.readAvro(bytes);
        assertThat(read.eventId()).isEqualTo(id);
        assertThat(read.occurredAt()).as("nanosecond precision").isEqualTo(occurredAt);
        assertThat(read.key()).isEqualTo("digits@2");
        List<PredictionMade> back = read.payload().expand();
        for (int i = 0; i < events.size(); i++) {
            assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("features").isEqualTo(events.get(i));
            assertThat(back.get(i).features()).hasSize(64).isEqualTo(Map.copyOf(events.get(i).features()));
        }
    }

    @Test
    void aPredictionWithoutIdOrTimeIsWrittenAsTheJsonWritesIt() {
        PredictionMade bare = new PredictionMade(null, new ModelVersionRef("m", 1), null, null, Map.of("x", 1.5), 2.0, null, null,
                0.1, false);
        PredictionMade full = new PredictionMade(PredictionId.random(), new ModelVersionRef("m", 1), null, Instant.EPOCH.minusNanos(1),
                Map.of("x", 2.5), 3.0, null, null, 0.2, false);
        assertThat(assertSameEnvelope(new PredictionMadeBatchAvro(SOURCE), new PredictionMadeBatchJson(SOURCE), Instant.now(),
                List.of(bare, full), 0, 500)).isEqualTo(2);
    }

    /** Writes one record both ways from {@code events[from..]}; both take as many and read back as one envelope. */
    private static int assertSameEnvelope(PredictionMadeBatchAvro avro, PredictionMadeBatchJson json, Instant occurredAt,
                                          List<PredictionMade> events, int from, int maxPredictions) {
        UUID id = TimeOrderedIds.next();
        byte[] avroBytes = avro.write(id, occurredAt, events, from, maxPredictions, NO_BYTE_LIMIT);
        byte[] jsonBytes = json.write(id, occurredAt, events, from, maxPredictions, NO_BYTE_LIMIT);
        assertThat(avro.written()).isEqualTo(json.written()).isPositive();
        assertThat(PredictionMadeBatchRecords.readAvro(avroBytes)).isEqualTo(EventJson.read(jsonBytes));
        return avro.written();
    }
}
