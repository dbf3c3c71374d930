package io.mlops.inference.routing;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelDeployed;
import io.mlops.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * ModelDeployed → {@link Deployments#deploy}. Every inference instance must see every deployment, so each
 * one consumes in its own group (the application name plus a random suffix) from the latest offset: a new
 * instance resolves aliases from the registry, not from replayed history. Applying a deployment twice loads
 * nothing new and points the alias at the same version, so no dedupe table is needed (inference has no
 * database).
 */
@Component
class DeploymentListener {

    private final Deployments deployments;

    DeploymentListener(Deployments deployments) {
        this.deployments = deployments;
    }

    @KafkaListener(id = "inference-deployments", topics = Topics.MODELS_DEPLOYED,
            groupId = "${spring.application.name}-${random.uuid}", properties = "auto.offset.reset=latest")
    void on(EventEnvelope<DomainEvent> envelope) throws Exception {
        if (envelope.payload() instanceof ModelDeployed deployed) {
            deployments.deploy(deployed);
        }
    }
}
