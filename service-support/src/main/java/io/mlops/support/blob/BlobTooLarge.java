package io.mlops.support.blob;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An upload passed the configured size limit; nothing of it was kept. */
public class BlobTooLarge extends ApiProblem {

    public BlobTooLarge(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "the upload exceeds the limit of " + maxBytes + " bytes");
        with("limitBytes", maxBytes);
    }
}
