package org.zhengwu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, a new one otherwise), puts it in
 * the logging context and the response, and writes one structured access-log event per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The request attribute holding the id, so that error dispatches keep the id of the request that failed. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Logger accessLog = LoggerFactory.getLogger("org.zhengwu.access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The error page of a failed request runs under the failed request's id, without a second access-log line. */
    @Override
    protected void doFilterNestedErrorDispatch(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id != null) {
            MDC.put(MDC_KEY, id.toString());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        long started = System.nanoTime();
        request.setAttribute(ATTRIBUTE, requestId);
        MDC.put(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            // A filter needed the database and could not have it (the sign-in throttle, the session check of a
            // signed-in request): the error page answers 503 (PlatformErrorController), without the container
            // logging the outage as an error with its stack trace at every request.
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } finally {
            if (accessLog.isInfoEnabled()) {
                accessLog
                        .atInfo()
                        .addKeyValue("http.request.method", request.getMethod())
                        .addKeyValue("url.path", request.getRequestURI())
                        .addKeyValue("http.response.status_code", response.getStatus())
                        .addKeyValue("event.duration_ms", (System.nanoTime() - started) / 1_000_000.0)
                        .addKeyValue("client.ip", request.getRemoteAddr())
                        .log("{} {} {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            }
            MDC.remove(MDC_KEY);
        }
    }
}
