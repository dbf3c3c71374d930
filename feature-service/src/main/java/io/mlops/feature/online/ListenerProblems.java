package io.mlops.feature.online;

import io.mlops.support.web.ProblemDetailsAdvice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Errors of {@link OnlineListener} as Spring MVC answers them: the application's
 * {@link ProblemDetailsAdvice} makes the status, headers and ProblemDetail (and counts it), the body's
 * {@code instance} is the request path as Spring MVC sets it, and the body is written by the first of
 * Spring MVC's own message converters that writes {@code application/problem+json}, so the bytes are
 * those of the servlet path (OnlineServingPathsIntegrationTest compares them).
 */
final class ListenerProblems {

    /** An error answer: status, headers, body bytes. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private final ProblemDetailsAdvice advice;
    private final HttpMessageConverter<Object> converter;

    @SuppressWarnings("unchecked")
    ListenerProblems(ProblemDetailsAdvice advice, List<HttpMessageConverter<?>> converters) {
        this.advice = advice;
        this.converter = (HttpMessageConverter<Object>) converters.stream()
                .filter(c -> c.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no message converter writes " + MediaType.APPLICATION_PROBLEM_JSON));
    }

    Answer answer(Exception e, String method, String path) {
        ResponseEntity<Object> entity = advice.answer(e, method + " " + path);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        if (!(entity.getBody() instanceof ProblemDetail problem)) {
            return new Answer(entity.getStatusCode().value(), headers, new byte[0]);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(path));
        }
        Message message = new Message(headers);
        try {
            converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, message);
        } catch (IOException ioe) {
            throw new UncheckedIOException(ioe);
        }
        return new Answer(entity.getStatusCode().value(), headers, message.body.toByteArray());
    }

    private record Message(HttpHeaders getHeaders, ByteArrayOutputStream body) implements HttpOutputMessage {

        Message(HttpHeaders headers) {
            this(headers, new ByteArrayOutputStream(256));
        }

        @Override
        public OutputStream getBody() {
            return body;
        }
    }
}
