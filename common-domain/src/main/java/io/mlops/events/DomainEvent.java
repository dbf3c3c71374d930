package io.mlops.events;

/**
 * A fact one service announces to the others. Each event names the aggregate it belongs to: that key
 * becomes the Kafka record key, so one aggregate's events stay in order on one partition.
 */
public sealed interface DomainEvent
        permits DataIngested, FeaturesCreated, ModelTrained, ModelDeployed, PredictionMade, PredictionMadeBatch, DriftDetected, ModelPerformanceDegraded,
                TrainingJobRequested {

    String aggregateKey();
}
