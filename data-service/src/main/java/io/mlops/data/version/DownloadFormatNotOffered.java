package io.mlops.data.version;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A download asked for a format other than the original's or CSV. */
public class DownloadFormatNotOffered extends ApiProblem {

    DownloadFormatNotOffered(String requested, String offered) {
        super(HttpStatus.BAD_REQUEST, "format '" + requested + "' is not offered here; use " + offered);
        with("field", "format");
        with("value", requested);
    }
}
