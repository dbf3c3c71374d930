package io.mlops.inference.events;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PredictionMade sending ({@code mlops.inference.events.*}).
 *
 * @param enabled        whether predictions are announced at all
 * @param sampleRate     fraction of predicted rows announced, 0 to 1
 * @param bufferCapacity events held while Kafka is slow or away; beyond it they are dropped and counted
 * @param batchSize      most events the sender takes from the buffer at a time
 * @param maxBlock       longest time one send may wait for Kafka metadata or buffer space (the sender's thread only)
 * @param compression    the producer's {@code compression.type} for these events ({@code lz4}: cheap on CPU, and
 *                       64 features of similar numbers compress well, which saves the broker most of its work)
 * @param linger         the producer's {@code linger.ms}: events are many and never awaited, so larger batches
 *                       cost no caller anything; each produce request costs the producer's I/O thread and the
 *                       broker far more than its bytes (bench/inference/events.sh: 100 ms against 20 ms halved the
 *                       pipeline's CPU per event; 250 ms against 100 ms took another ~1.5 of ~14 µs per event off the
 *                       producer's I/O thread and the broker), and monitoring reads windows of minutes
 * @param producerBatchSize the producer's {@code batch.size}: with a long linger a batch must hold that long's events,
 *                       or it goes out early, full; kept below the broker's default 1 MB {@code message.max.bytes}
 * @param drainInterval  how often the sender looks into the buffer when it last found less than a batch: it polls
 *                       on this timer instead of being woken per event, which would cost every prediction a
 *                       thread wake-up; events wait at most this long before the producer sees them. 50 ms rather
 *                       than 10: each wake-up costs the sender about as much as a few events (cold caches after the
 *                       pause), so fewer, larger drains took ~1 µs per event off it (bench/inference/events.sh)
 * @param recordMaxPredictions most predictions in one PredictionMadeBatch record (the predictions of a drain that share
 *                       model version, alias, shadow and feature names go out in as few records as these bounds allow)
 * @param recordMaxBytes a record is closed once it passes this size (so it may pass it by one prediction): kept
 *                       well below the producer's {@code max.request.size} (1 MB by default, checked on the uncompressed
 *                       record) and {@code producer-batch-size}, so that a record always fits a request and a batch
 * @param format         the records' encoding: {@code avro} (common-domain's PredictionMadeBatch.avsc; fractional numbers as 8-byte
 *                       doubles, several times cheaper to write than their decimal text) or {@code json} (the JSON
 *                       envelope, for consumers that do not read the Avro yet: monitoring-services before this release)
 */
@ConfigurationProperties("mlops.inference.events")
public record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1.0") double sampleRate,
        @DefaultValue("10000") int bufferCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration maxBlock,
        @DefaultValue("lz4") String compression,
        @DefaultValue("250ms") Duration linger,
        @DefaultValue("512KB") DataSize producerBatchSize,
        @DefaultValue("50ms") Duration drainInterval,
        @DefaultValue("500") int recordMaxPredictions,
        @DefaultValue("256KB") DataSize recordMaxBytes,
        @DefaultValue("avro") Format format) {

    /** A PredictionMadeBatch record's encoding, named by its {@code content-type} header. */
    public enum Format { AVRO, JSON }

    public EventsProperties {
        if (sampleRate < 0 || sampleRate > 1) {
            throw new IllegalArgumentException("mlops.inference.events.sample-rate must be within [0, 1], was " + sampleRate);
        }
        if (bufferCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("buffer-capacity and batch-size must be at least 1");
        }
        if (producerBatchSize.toBytes() < 1 || producerBatchSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mlops.inference.events.producer-batch-size must be within 1 B and 2 GB, was " + producerBatchSize);
        }
        if (recordMaxPredictions < 1) {
            throw new IllegalArgumentException("mlops.inference.events.record-max-predictions must be at least 1, was " + recordMaxPredictions);
        }
        if (recordMaxBytes.toBytes() < 1 || recordMaxBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mlops.inference.events.record-max-bytes must be within 1 B and 2 GB, was " + recordMaxBytes);
        }
        if (format == null) {
            throw new IllegalArgumentException("mlops.inference.events.format must be avro or json");
        }
        if (drainInterval.isNegative() || drainInterval.isZero()) {
            throw new IllegalArgumentException("mlops.inference.events.drain-interval must be positive, was " + drainInterval);
        }
    }
}
