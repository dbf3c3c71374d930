package io.mlops.inference.routing;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.ModelDeployed;
import org.springframework.stereotype.Service;

/**
 * Applies a deployment: load the new version and warm it with one real prediction through its executor
 * ({@link Warmup}), THEN move the alias, then release the old version ({@link AliasResolver#switchTo}). The cache
 * closes the old one only after the last request holding it is answered, so no request fails during the switch.
 */
@Service
public class Deployments {

    private final Warmup warmup;
    private final AliasResolver aliases;

    Deployments(Warmup warmup, AliasResolver aliases) {
        this.warmup = warmup;
        this.aliases = aliases;
    }

    public void deploy(ModelDeployed event) throws Exception {
        ModelVersionRef next = event.model();
        warmup.warm(next, event.artifactSha256(), event.alias());
        aliases.switchTo(next.model(), event.alias(), next.version(), event.previousVersion());
    }
}
