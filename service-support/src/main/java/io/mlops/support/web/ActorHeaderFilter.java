package io.mlops.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses an {@code X-Actor} longer than the {@code created_by}/{@code updated_by}/{@code actor} columns hold
 * ({@code VARCHAR(200)}) with 400 before any work: in a controller the insert would fail only at the end (for an
 * upload, after the whole ingestion) and answer 500. A filter runs before multipart parsing; the problem goes
 * through the MVC exception resolvers, so the advice answers and counts it like any other.
 */
public class ActorHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Actor";
    public static final int MAX_LENGTH = 200;

    private final HandlerExceptionResolver resolver;

    public ActorHeaderFilter(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = request.getHeader(HEADER);
        if (actor != null && actor.length() > MAX_LENGTH) {
            resolver.resolveException(request, response, null, new ActorTooLong(actor.length(), MAX_LENGTH));
            return;
        }
        chain.doFilter(request, response);
    }
}
