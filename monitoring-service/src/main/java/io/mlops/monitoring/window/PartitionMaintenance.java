package io.mlops.monitoring.window;

import io.mlops.monitoring.MonitoringProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the prediction log's daily partitions ahead of time and drops those wholly older than
 * {@code mlops.monitoring.prediction-retention} (a DROP is instant; a DELETE of millions of rows is not).
 */
@Component
class PartitionMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final PredictionLog log;
    private final MonitoringProperties props;
    private final Clock clock;

    PartitionMaintenance(PredictionLog log, MonitoringProperties props, Optional<Clock> clock) {
        this.log = log;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${mlops.monitoring.maintenance-interval:1h}")
    void run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int d = 0; d <= props.partitionsAhead(); d++) {
            log.ensurePartition(today.plusDays(d));
        }
        // a partition holds [day, day + 1): drop it when its last instant is older than the retention
        LocalDate firstKept = LocalDate.ofInstant(clock.instant().minus(props.predictionRetention()), ZoneOffset.UTC);
        for (LocalDate day : log.existingPartitions()) {
            if (day.isBefore(firstKept)) {
                log.dropPartition(day);
                LOG.info("dropped prediction partition {} (retention {})", PredictionLog.partitionName(day), props.predictionRetention());
            }
        }
    }
}
