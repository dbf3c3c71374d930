/** DriftDetected and ModelPerformanceDegraded through the outbox, raised once per window and verdict. */
package io.mlops.monitoring.alerts;
