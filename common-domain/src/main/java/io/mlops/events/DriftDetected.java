package io.mlops.events;

import io.mlops.domain.monitoring.DriftResult;

/** A window of a model version's traffic drifted from its training reference (sent once per window). */
public record DriftDetected(DriftResult result, boolean predictionDrift) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return result.model().toString();
    }
}
