package io.mlops.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses an {@code X-Actor} longer than the {@code created_by}/{@code updated_by}/{@code actor} columns hold
 * ({@code VARCHAR(200)}) with 400 before any work: in a controller the insert would fail only at the end (for an
 * upload, after the whole ingestion) and answer 500. A filter runs before multipart parsing; the problem goes
 * through the MVC exception resolvers, so the advice answers and counts it like any other. A plain
 * {@link HttpFilter}, not Spring's {@code OncePerRequestFilter}: it runs on every request of every service, the
 * inference predict path included, and a second look at the header on another dispatch is as harmless as it is
 * cheap, while the once-per-request bookkeeping (a request attribute set and removed) is not free.
 */
public class ActorHeaderFilter extends HttpFilter {

    static final String HEADER = "X-Actor";
    public static final int MAX_LENGTH = 200;

    private final transient HandlerExceptionResolver resolver; // HttpFilter is Serializable; this filter never is

    public ActorHeaderFilter(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = request.getHeader(HEADER);
        if (actor != null && actor.length() > MAX_LENGTH) {
            resolver.resolveException(request, response, null, new ActorTooLong(actor.length(), MAX_LENGTH));
            return;
        }
        chain.doFilter(request, response);
    }
}
