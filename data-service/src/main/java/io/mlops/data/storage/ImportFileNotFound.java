package io.mlops.data.storage;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An import path inside the roots that is not an existing regular file. */
public class ImportFileNotFound extends ApiProblem {

    ImportFileNotFound(String path, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "path '" + path + "' " + reason);
        with("path", path);
    }
}
