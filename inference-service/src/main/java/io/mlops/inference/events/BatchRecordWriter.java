package io.mlops.inference.events;

import io.mlops.events.PredictionMade;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes PredictionMadeBatch record values in one encoding ({@code mlops.inference.events.format}): JSON envelopes
 * ({@link PredictionMadeBatchJson}) or Avro binary ({@link PredictionMadeBatchAvro}). One instance per sender thread.
 */
interface BatchRecordWriter {

    /**
     * Writes one batch record of {@code events[from..]}, which must share model, alias, shadow and feature names: as
     * many as follow {@code from} up to {@code maxPredictions}, stopping early once the record passes {@code maxBytes}
     * (after at least one) or at an event whose probabilities name other classes than the first's. {@link #written()}
     * then says how many it took.
     */
    byte[] write(UUID eventId, Instant occurredAt, List<PredictionMade> events, int from, int maxPredictions, int maxBytes);

    /** How many events the last {@link #write} took. */
    int written();

    /** The record's {@code content-type} header ({@code io.mlops.events.EventContentTypes}). */
    String contentType();
}
