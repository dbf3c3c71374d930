package io.mlops.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become responses: {@link ApiProblem}s with their status and extension members,
 * Spring MVC's own exceptions (bad JSON, validation, 404 routes, 405, 413 uploads) through the base class,
 * bean validation, a multipart file name Tomcat refuses, and anything unexpected as a 500 that leaks no
 * internals. Every answer is counted in {@code mlops_http_errors_total} by status and error class.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MeterRegistry meters;

    public ProblemDetailsAdvice(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        body.setType(URI.create(problem.type()));
        problem.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        problem.retryAfter().ifPresent(d -> headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(d)));
        return handleExceptionInternal(problem, body, headers, problem.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request parameters are invalid");
        body.setTitle("Invalid request");
        body.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList());
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Tomcat refuses a file name with a NUL while parsing the parts: bad input, not a server error. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, WebRequest request) throws Exception {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InvalidFileNameException) {
                return apiProblem(new FileNameInvalid(e), request);
            }
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof jakarta.servlet.ServletException) {
            throw e;
        }
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * What this advice answers to {@code e} for a handler outside Spring MVC that has no servlet request
     * (feature-service's online listener): the same status, headers and ProblemDetail body, counted the
     * same. {@code where} names the request in the log of an unexpected error. The caller sets the
     * body's {@code instance}, as Spring MVC does when it writes a ProblemDetail.
     */
    public ResponseEntity<Object> answer(Exception e, String where) {
        if (e instanceof ApiProblem problem) {
            return apiProblem(problem, null);
        }
        if (e instanceof ConstraintViolationException violation) {
            return constraintViolation(violation, null);
        }
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof HttpMessageNotReadableException) {
            try {
                ResponseEntity<Object> answer = handleException(e, null);
                if (answer != null) {
                    return answer;
                }
            } catch (Exception notHandled) {
                // not one of Spring MVC's own: answered as unexpected below
            }
        }
        log.error("Unexpected error answering {}", where, e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body = e.getBody();
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        body.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            body.setDetail("invalid field '" + errors.getFirst().get("field") + "': " + errors.getFirst().get("message"));
        }
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return apiProblem(problem, request); // e.g. the body limit hit while the converter was reading
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "request body is not readable: " + rootMessage(e));
        body.setTitle("Malformed request body");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        meters.counter("mlops.http.errors", "status", Integer.toString(status.value()), "error", e.getClass().getSimpleName()).increment();
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static Map<String, Object> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Jackson messages carry a source excerpt after a newline; the location line is what helps the caller
        return message.replaceAll("\\s*\\n.*", "").replaceAll(" \\(for Object starting at.*", "");
    }
}
