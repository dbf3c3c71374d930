/** Read-only REST reports: drift and quality per window of a model version, and the monitored versions. */
package io.mlops.monitoring.api;
