/** Framework-free per-column and dataset drift statistics (Evidently's default method choice, PSI, KS, chi-square, Z, Wasserstein, Jensen-Shannon). */
package io.mlops.monitoring.drift;
