package io.mlops.inference.api;

import io.mlops.inference.serving.InferenceProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a body over {@code mlops.inference.max-request-size} before it is read (413). An interceptor, not a
 * filter, so the refusal goes through the same error handling as every other answer (ProblemDetail on
 * /api, {@code {"error"}} on /v2). Checks the declared Content-Length; Tomcat's own limits cover the rest.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final long limit;

    RequestSizeLimit(InferenceProperties properties) {
        this.limit = properties.maxRequestSize().toBytes();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/models/**", "/v2/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long length = request.getContentLengthLong();
        if (length > limit) {
            throw new Problems.RequestBodyTooLarge(length, limit);
        }
        return true;
    }
}
