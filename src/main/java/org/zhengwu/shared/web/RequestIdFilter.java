package org.zhengwu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

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
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final PlainErrorPages pages;

    RequestIdFilter(
            ObjectProvider<MessageSource> messages,
            ObjectProvider<ITemplateEngine> templates,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ResourceUrlProvider> assets) {
        this.pages = new PlainErrorPages(messages, templates, json, assets);
    }

    /** 503 with Retry-After: the platform's page in both languages, or under /api/ a problem detail. */
    private void unavailable(HttpServletRequest request, HttpServletResponse response, String requestId)
            throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String body = pages.prepare(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, path, requestId);
        response.getWriter().write(body);
        response.flushBuffer();
    }

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
            // A filter needed the database and could not have it (the session store, the sign-in throttle, the
            // session check of a signed-in request). The error page cannot be dispatched to: it would read the same
            // session from the same database. So the answer is written here, from the template the container's own
            // refusals use, without the container logging the outage with its stack trace at every request.
            log.warn(
                    "Database unavailable on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            unavailable(request, response, requestId);
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
