package org.zhengwu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a failure into what the caller understands: an RFC 9457 problem detail under {@code /api/}, a friendly
 * localised page everywhere else. Both carry the request id so that support can find the log lines.
 */
@Component
class ErrorResponses {

    static final String PROBLEM_TYPE_BASE = "https://zhengwu.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final MessageSource messages;

    ErrorResponses(MessageSource messages) {
        this.messages = messages;
    }

    static boolean isApiRequest(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api"));
    }

    Object respond(
            HttpServletRequest request,
            String path,
            HttpStatusCode status,
            String messageKey,
            Object[] arguments,
            String parameter,
            Locale locale) {
        return respond(request, path, status, messageKey, arguments, parameter, Map.of(), locale);
    }

    /** @param properties members the problem detail adds (for programs); a page shows only the message */
    Object respond(
            HttpServletRequest request,
            String path,
            HttpStatusCode status,
            String messageKey,
            Object[] arguments,
            String parameter,
            Map<String, Object> properties,
            Locale locale) {
        String detail = messages.getMessage(messageKey, arguments, messageKey, locale);
        if (isApiRequest(path)) {
            ResponseEntity<ProblemDetail> problem = problem(request, path, status, detail, parameter, locale);
            properties.forEach(problem.getBody()::setProperty);
            return problem;
        }
        ModelAndView page = new ModelAndView(
                viewName(status),
                Map.of(
                        "status", status.value(),
                        "errorTitle", title(status, locale),
                        "detail", detail,
                        "requestId", requestId(request)));
        page.setStatus(HttpStatus.valueOf(status.value()));
        return page;
    }

    /**
     * The database is out of reach: 503 with {@code Retry-After}, the page or problem saying so in the reader's
     * language. Logged as a warning without the stack trace (one line per request while the outage lasts).
     */
    Object databaseUnavailable(
            HttpServletRequest request, HttpServletResponse response, String path, Throwable failure, Locale locale) {
        log.warn(
                "Database unavailable on {} {}: {}",
                request.getMethod(),
                path,
                NestedExceptionUtils.getMostSpecificCause(failure).toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return respond(request, path, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", new Object[0], null, locale);
    }

    ResponseEntity<ProblemDetail> problem(
            HttpServletRequest request,
            String path,
            HttpStatusCode status,
            String detail,
            String parameter,
            Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_TYPE_BASE + problemType(status, parameter)));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, title(status, locale), locale));
        if (path != null) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        problem.setProperty("requestId", requestId(request));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String title(HttpStatusCode status, Locale locale) {
        return messages.getMessage(
                "error.title." + status.value(),
                null,
                messages.getMessage("error.title.default", null, "Error", locale),
                locale);
    }

    private static String problemType(HttpStatusCode status, String parameter) {
        if (parameter != null) {
            return "bad-parameter";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String viewName(HttpStatusCode status) {
        return switch (status.value()) {
            case 404, 410 -> "error/not-found";
            default -> status.is4xxClientError() ? "error/client" : "error/server";
        };
    }

    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return id == null ? "" : id.toString();
    }
}
