package io.mlops.data.version;

import io.mlops.data.ingest.InvalidDataset;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Any {@link InvalidDataset} from the ingestion core as a 422 ProblemDetail: {@code code} names the fact
 * ({@code ragged-csv-row}, {@code text-not-utf8}, ...), {@code line} and {@code column} say where when known.
 */
public class DatasetRejected extends ApiProblem {

    DatasetRejected(InvalidDataset cause) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, cause.getMessage(), cause);
        with("code", cause.code());
        cause.line().ifPresent(line -> with("line", line));
        cause.column().ifPresent(column -> with("column", column));
    }
}
