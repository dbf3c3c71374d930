package io.mlops.feature.training;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The version's offline table has not been filled by a successful materialization yet. */
class VersionNotMaterialized extends ApiProblem {

    VersionNotMaterialized(String name, int version) {
        super(HttpStatus.CONFLICT, "feature set '" + name + "' version " + version
                + " has no successful materialization yet; follow its job or start one");
        with("featureSet", name);
        with("version", version);
    }
}
