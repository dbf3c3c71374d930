package io.mlops.inference.routing;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.cache.ModelLease;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.serving.ServedModel;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The step before any alias moves, whether a ModelDeployed or an alias refresh moves it: load the version (the
 * loader checks the artifact against the registry's record), check the SHA-256 the mover expects, and run one real
 * prediction through its executor. It throws when any of that fails, and the alias then stays where it was.
 */
@Component
class Warmup {

    private final ModelRepository models;

    Warmup(ModelRepository models) {
        this.models = models;
    }

    /** @param expectedSha256 the artifact the mover names (ModelDeployed's); null when it names none */
    void warm(ModelVersionRef version, String expectedSha256, String alias) throws Exception {
        try (ModelLease<ServedModel> lease = models.acquire(version)) {
            ServedModel model = lease.model();
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(model.artifactSha256())) {
                // The registry's record and the event disagree: do not move traffic to an artifact nobody deployed.
                throw new IllegalStateException("ModelDeployed for " + version + " names artifact " + expectedSha256
                        + " but the registry's version record declares " + model.artifactSha256() + "; alias "
                        + alias + " not moved");
            }
            model.predict(new float[model.inputWidth()], 1).get(30, TimeUnit.SECONDS);
        }
    }
}
