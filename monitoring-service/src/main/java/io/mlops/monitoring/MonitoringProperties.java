package io.mlops.monitoring;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the monitoring service ({@code mlops.monitoring.*}).
 *
 * @param dataServiceUrl        base URL of the data-service, for the training samples of references
 * @param predictionRetention   how long stored predictions (and hence the feedback join) are kept; whole days are dropped
 * @param partitionsAhead       daily prediction partitions created ahead of today
 * @param maintenanceInterval   how often partitions are created ahead and old ones dropped
 * @param datasetDriftShare     share of drifted columns at which a window's dataset counts as drifted
 * @param maxPollRecords        PredictionMade records per listener batch (Kafka's {@code max.poll.records}), and most
 *                              predictions per intake transaction (a PredictionMadeBatch record holds many)
 * @param predictionConsumers   consumer threads for PredictionMade (useful up to the topic's partitions)
 * @param reference             fetching reference samples from the data-service
 * @param window                tumbling window settings
 * @param quality               model quality settings
 */
@ConfigurationProperties("mlops.monitoring")
public record MonitoringProperties(
        @DefaultValue("http://localhost:8081") URI dataServiceUrl,
        @DefaultValue("30d") Duration predictionRetention,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue("1h") Duration maintenanceInterval,
        @DefaultValue("0.5") double datasetDriftShare,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("3") int predictionConsumers,
        @DefaultValue Reference reference,
        @DefaultValue Window window,
        @DefaultValue Quality quality) {

    /**
     * @param connectTimeout  longest wait for a connection to the data-service
     * @param readTimeout     longest wait for a response (and between its bytes)
     * @param maxSampleSize   largest sample (and version document) accepted; a larger one fails the fetch
     * @param maxSampleRows   most sample rows accepted; more fail the fetch
     * @param preparedCacheSize most model versions whose prepared reference is kept in memory; one evicted is
     *                        prepared again from the database when its next window is judged
     */
    public record Reference(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("64MB") DataSize maxSampleSize,
            @DefaultValue("100000") int maxSampleRows,
            @DefaultValue("64") int preparedCacheSize) {
    }

    /**
     * @param size          rows after which a window closes
     * @param duration      time after which a window closes, whatever its row count
     * @param checkInterval how often windows are checked for expiry
     */
    public record Window(
            @DefaultValue("1000") int size,
            @DefaultValue("1h") Duration duration,
            @DefaultValue("5s") Duration checkInterval) {
    }

    /**
     * @param maxDrop     absolute drop of a metric below its training value that raises ModelPerformanceDegraded
     * @param minLabelled labelled predictions a window needs before its quality is judged
     */
    public record Quality(
            @DefaultValue("0.05") double maxDrop,
            @DefaultValue("30") int minLabelled) {
    }
}
