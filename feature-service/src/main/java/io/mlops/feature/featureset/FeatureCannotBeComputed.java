package io.mlops.feature.featureset;

import io.mlops.domain.feature.FeatureNotComputable;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * 422 for every {@link FeatureNotComputable} from the shared feature code (unknown column, a chain
 * that does not fit the column type, zero variance, no values...), saying which feature, which
 * column, which data row (1-based, as a CSV reader counts data lines) and which kind of problem.
 */
public class FeatureCannotBeComputed extends ApiProblem {

    public FeatureCannotBeComputed(FeatureNotComputable cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, cause.getMessage(), cause);
        with("problem", cause.getClass().getSimpleName());
        with("feature", cause.feature());
        with("column", cause.column());
        cause.row().ifPresent(row -> with("row", row + 1));
    }
}
