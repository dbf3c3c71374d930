package io.mlops.monitoring;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the monitoring service ({@code mlops.monitoring.*}).
 *
 * @param dataServiceUrl        base URL of the data-service, for the training samples of references
 * @param predictionRetention   how long stored predictions (and hence the feedback join) are kept; whole days are dropped
 * @param partitionsAhead       daily prediction partitions created ahead of today
 * @param maintenanceInterval   how often partitions are created ahead and old ones dropped
 * @param datasetDriftShare     share of drifted columns at which a window's dataset counts as drifted
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
        @DefaultValue Window window,
        @DefaultValue Quality quality) {

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
