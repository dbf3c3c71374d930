package io.mlops.inference.routing;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.cache.ModelLease;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.serving.ServedModel;
import io.mlops.events.ModelDeployed;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a deployment: load the new version and warm it with one real prediction through its executor,
 * THEN move the alias, then release the old version. The cache closes the old one only after the last
 * request holding it is answered, so no request fails during the switch.
 */
@Service
public class Deployments {

    private static final Logger log = LoggerFactory.getLogger(Deployments.class);

    private final ModelRepository models;
    private final AliasResolver aliases;

    Deployments(ModelRepository models, AliasResolver aliases) {
        this.models = models;
        this.aliases = aliases;
    }

    public void deploy(ModelDeployed event) throws Exception {
        ModelVersionRef next = event.model();
        try (ModelLease<ServedModel> lease = models.acquire(next)) {
            ServedModel model = lease.model();
            if (event.artifactSha256() != null && !event.artifactSha256().equalsIgnoreCase(model.artifactSha256())) {
                // The registry's record and the event disagree: do not move traffic to an artifact nobody deployed.
                throw new IllegalStateException("ModelDeployed for " + next + " names artifact " + event.artifactSha256()
                        + " but the registry's version record declares " + model.artifactSha256() + "; alias "
                        + event.alias() + " not moved");
            }
            model.predict(new float[model.inputWidth()], 1).get(30, TimeUnit.SECONDS);
        }
        Integer known = aliases.current(next.model(), event.alias());
        Integer previous = known != null ? known : event.previousVersion();
        aliases.switchTo(next.model(), event.alias(), next.version());
        log.info("Alias {}@{} now serves version {} (was {})", next.model(), event.alias(), next.version(), previous);
        if (previous != null && previous != next.version()) {
            ModelVersionRef old = new ModelVersionRef(next.model(), previous);
            if (!aliases.isTargeted(old)) {
                models.release(old);
            }
        }
    }
}
