package io.mlops.events;

import io.mlops.domain.id.ModelVersionRef;

/** A model version's metric on labelled live traffic fell below its training value by more than the threshold. */
public record ModelPerformanceDegraded(ModelVersionRef model, String windowId, String metric, double trainingValue, double currentValue, double threshold, long labelledRows)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return model.toString();
    }
}
