package io.mlops.data.storage;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A server-side import asked for a file outside every configured import root (also via '..' or a symlink). */
public class PathOutsideImportRoots extends ApiProblem {

    PathOutsideImportRoots(String path, String reason) {
        super(HttpStatus.FORBIDDEN, "path '" + path + "' may not be imported: " + reason);
        with("path", path);
    }
}
