package io.mlops.data.version;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The dataset's declared schema cannot be checked against this file (e.g. a pattern DuckDB's RE2 refuses). */
public class DeclaredSchemaUnusable extends ApiProblem {

    DeclaredSchemaUnusable(String dataset, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "the declared schema of dataset '" + dataset + "' cannot be checked: " + reason);
        with("dataset", dataset);
        with("code", "declared-schema-unusable");
    }
}
