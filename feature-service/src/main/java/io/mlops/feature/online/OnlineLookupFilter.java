package io.mlops.feature.online;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.support.web.RequestBodyLimitFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UriUtils;

/**
 * Answers {@code POST /api/v1/feature-sets/{name}/online} as the first servlet filter, before the
 * other filters and the DispatcherServlet: the filter chain (observation, character encoding, body
 * limit, form content, request context) and Spring MVC's dispatch were ~60 % of a lookup's
 * request-thread samples in a profile, and skipping them cut the service's CPU per 100-entity lookup
 * by about a quarter (bench/feature-online, 2026-11-28). The lookup itself is {@link OnlineLookup},
 * as for {@link OnlineController}; errors go through the application's {@link HandlerExceptionResolver},
 * i.e. the same ProblemDetail advice, bodies, headers and error counter; the body is bounded by the
 * same {@code mlops.http.max-request-size} (413). What the endpoint refuses by content negotiation
 * (no JSON body, an Accept without JSON) is passed on to Spring MVC, which answers 415/406 as before.
 * Since the observation filter is skipped, lookups are timed here, in
 * {@code mlops_feature_online_request_seconds} (tag {@code status}, with a percentile histogram)
 * instead of {@code http_server_requests_seconds}.
 */
final class OnlineLookupFilter implements Filter {

    static final String PREFIX = "/api/v1/feature-sets/";
    static final String SUFFIX = "/online";

    private final OnlineLookup lookup;
    private final HandlerExceptionResolver errors;
    private final MeterRegistry meters;
    private final long maxBodyBytes;
    private final Timer ok;

    OnlineLookupFilter(OnlineLookup lookup, HandlerExceptionResolver errors, MeterRegistry meters, long maxBodyBytes) {
        this.lookup = lookup;
        this.errors = errors;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
        this.ok = timer(meters, 200);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String name = setName(request);
        if (name == null || !"POST".equals(request.getMethod()) || !json(request)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        AnswerBuffer answer;
        try {
            answer = lookup.answer(name, RequestBodyLimitFilter.limitedBody(request, maxBodyBytes));
        } catch (RuntimeException e) {
            if (errors.resolveException(request, response, null, e) == null) {
                throw e;
            }
            timer(meters, response.getStatus()).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return;
        }
        OnlineController.send(lookup, answer, response);
        ok.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The {name} of a lookup path, decoded as Spring MVC decodes a path variable; null for other paths. */
    static String setName(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        int from = context.length() + PREFIX.length();
        if (!path.startsWith(PREFIX, context.length()) || !path.endsWith(SUFFIX) || path.length() <= from + SUFFIX.length()) {
            return null;
        }
        String name = path.substring(from, path.length() - SUFFIX.length());
        return name.indexOf('/') >= 0 || name.indexOf(';') >= 0 ? null : UriUtils.decode(name, StandardCharsets.UTF_8);
    }

    /** A JSON body and an answer the caller accepts, as the controller's consumes/produces require. */
    private static boolean json(HttpServletRequest request) {
        try {
            String type = request.getContentType();
            if (type == null || !MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(type))) {
                return false;
            }
            String accept = request.getHeader("Accept");
            return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE)
                    || MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static Timer timer(MeterRegistry meters, int status) {
        return Timer.builder("mlops.feature.online.request").description("online lookups, from the request to the answer written")
                .tag("status", Integer.toString(status)).publishPercentileHistogram().register(meters);
    }
}
