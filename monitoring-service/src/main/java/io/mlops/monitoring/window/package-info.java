/** PredictionMade intake, the partitioned prediction log, tumbling windows and their drift verdicts. */
package io.mlops.monitoring.window;
