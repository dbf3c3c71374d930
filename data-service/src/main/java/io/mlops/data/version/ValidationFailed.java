package io.mlops.data.version;

import io.mlops.data.schema.ValidationReport;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The upload breaks the dataset's declared schema and its policy is REJECT; the report says which rows. */
public class ValidationFailed extends ApiProblem {

    ValidationFailed(String dataset, ValidationReport report) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "the file breaks " + report.failures().size() + " rule(s) of the declared schema of '"
                + dataset + "' (" + report.totalViolations() + " violations); nothing was stored");
        with("code", "declared-schema-violated");
        with("dataset", dataset);
        with("validation", report);
    }
}
