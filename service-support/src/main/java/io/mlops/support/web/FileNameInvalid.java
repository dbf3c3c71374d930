package io.mlops.support.web;

import org.springframework.http.HttpStatus;

/**
 * A multipart file name Tomcat refuses while parsing the request: one holding the NUL character, which no
 * text column could store either. Tomcat does not say which part held it; every upload endpoint takes its
 * file in a part named {@code file}, so that is the field named.
 */
public class FileNameInvalid extends ApiProblem {

    FileNameInvalid(Throwable cause) {
        super(HttpStatus.BAD_REQUEST, "invalid field 'file': the file name may not contain the NUL character", cause);
        with("field", "file");
    }
}
