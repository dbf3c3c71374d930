package io.mlops.inference.routing;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelDeployed;
import io.mlops.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * ModelDeployed → {@link Deployments#deploy}. Every inference instance must see every deployment, so each
 * one consumes in its own group, named after the application and {@code mlops.inference.instance-id} (the
 * {@code HOSTNAME} by default: the pod name on Kubernetes, the container id under Docker): stable across
 * restarts, so a restart rejoins its group rather than leaving a random one behind. Without either, a random id
 * (never two instances in one group, which would split the deployments between them). A group without a
 * committed offset starts from the latest: a new instance resolves aliases from the registry, not from
 * replayed history. Applying a deployment twice loads
 * nothing new and points the alias at the same version, so no dedupe table is needed (inference has no
 * database).
 */
@Component
class DeploymentListener {

    static final String GROUP_ID = "${spring.application.name}-${mlops.inference.instance-id:${HOSTNAME:${random.uuid}}}";

    private final Deployments deployments;

    DeploymentListener(Deployments deployments) {
        this.deployments = deployments;
    }

    @KafkaListener(id = "inference-deployments", topics = Topics.MODELS_DEPLOYED,
            groupId = DeploymentListener.GROUP_ID, properties = "auto.offset.reset=latest")
    void on(EventEnvelope<DomainEvent> envelope) throws Exception {
        if (envelope.payload() instanceof ModelDeployed deployed) {
            deployments.deploy(deployed);
        }
    }
}
