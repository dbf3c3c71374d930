/** Drift results as monitoring reports them and events carry them. */
package io.mlops.domain.monitoring;
