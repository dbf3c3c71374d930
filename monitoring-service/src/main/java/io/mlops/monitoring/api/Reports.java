package io.mlops.monitoring.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The report shapes the API answers with. */
final class Reports {

    private Reports() {
    }

    record DriftReport(String model, int version, List<DriftWindow> windows) {
    }

    record DriftWindow(UUID id, int seq, String status, String closedBy, Instant start, Instant end, long rows, Double driftShare, Double driftShareThreshold,
                       Boolean datasetDrift, Boolean predictionDrift, Double latencyP50Ms, Double latencyP95Ms,
                       List<Map<String, Object>> skipped, String note, List<ColumnReport> columns) {
    }

    record ColumnReport(String kind, String column, String method, double statistic, Double pValue, double threshold, boolean drifted,
                        double psi, int referenceCount, int currentCount) {
    }

    record QualityReport(String model, int version, List<QualityWindow> windows) {
    }

    record QualityWindow(UUID id, int seq, Instant start, Instant end, List<MetricReport> metrics) {
    }

    record MetricReport(String metric, double value, Double trainingValue, long labelledRows, boolean degraded) {
    }

    record MonitoredVersion(String model, int version, long windows) {
    }
}
