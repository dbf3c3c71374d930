package io.mlops.feature.online;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online lookup through Spring MVC ({@link OnlineLookup} does the work). With the default
 * {@code mlops.feature.online.direct=true}, {@link OnlineLookupFilter} answers the lookups it can
 * before they reach the DispatcherServlet, and only what it leaves (a content type or an Accept
 * header this endpoint refuses: 415/406) comes here.
 */
@RestController
class OnlineController {

    private final OnlineLookup lookup;

    OnlineController(OnlineLookup lookup) {
        this.lookup = lookup;
    }

    @PostMapping(path = "/api/v1/feature-sets/{name}/online", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    void lookup(@PathVariable String name, HttpServletRequest http, HttpServletResponse response) throws IOException {
        send(lookup, lookup.answer(name, http.getInputStream()), response);
    }

    /** Writes an answer with a Content-Length in one write, then gives its buffer back. */
    static void send(OnlineLookup lookup, AnswerBuffer answer, HttpServletResponse response) throws IOException {
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(answer.size());
            answer.writeTo(response.getOutputStream());
        } finally {
            lookup.release(answer);
        }
    }
}
