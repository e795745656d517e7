package org.zhengwu.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what the servlet container refuses before any of our code runs — a request line or header it cannot parse
 * (an encoded slash, broken percent-encoding, a character not allowed in a URL, headers or a URL too long, a method
 * that is not a token, a bad {@code Host}), an unsupported HTTP version or transfer coding — with the platform's own
 * page, or with an RFC 9457 problem detail under {@code /api/}, instead of Tomcat's "HTTP Status 400" page. It
 * takes the place of Tomcat's {@link ErrorReportValve} in the host, so it also answers any error the application
 * left without a body. Spring MVC is not there for these requests: the page is rendered from its own template with
 * a plain context, in Chinese and English (the language cookie may not even have been read), and the request gets
 * a request id and an access-log line of its own.
 */
class ContainerErrorReportValve extends ErrorReportValve {

    static final String TEMPLATE = "error/container";
    private static final String STYLESHEET = "/css/zhengwu.css";
    private static final Logger accessLog = LoggerFactory.getLogger("org.zhengwu.access");
    private static final int LONGEST_INSTANCE = 512;
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Beans of the application, looked up when the first error is answered: the server starts before them. */
    private final ObjectProvider<MessageSource> messages;

    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<ResourceUrlProvider> assets;

    ContainerErrorReportValve(
            ObjectProvider<MessageSource> messages,
            ObjectProvider<ITemplateEngine> templates,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ResourceUrlProvider> assets) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
        this.assets = assets;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing to add to a success or to an answer that has a body, and each error once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = path(request);
        String requestId = UUID.randomUUID().toString();
        try {
            response.resetBuffer();
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.setHeader("Cache-Control", "no-store");
            if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                // The database out of reach even for the error page (the session it would read is in the database),
                // or the application stopping: the caller may try again, and is told when.
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            }
            SecurityHeaders.write(response, null);
            String body;
            if (ErrorResponses.isApiRequest(path)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                body = problem(status, path, requestId, apiLocale(request));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("Content-Language", "zh-CN");
                body = page(status, requestId);
            }
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            // The connection is going away or the answer cannot be written: nothing left to tell the client.
        }
        accessLog
                .atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("client.ip", request.getRemoteAddr())
                .addKeyValue("request.id", requestId)
                .log("{} {} {} (refused by the container)", request.getMethod(), path, status);
    }

    private String page(int status, String requestId) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("status", status);
        context.setVariable("requestId", requestId);
        String stylesheet = assets.getObject().getForLookupPath(STYLESHEET);
        context.setVariable("stylesheet", stylesheet == null ? STYLESHEET : stylesheet);
        context.setVariable("zh", texts(status, Locale.SIMPLIFIED_CHINESE));
        context.setVariable("en", texts(status, Locale.ENGLISH));
        return templates.getObject().process(TEMPLATE, context);
    }

    private String problem(int status, String path, String requestId, Locale locale) {
        Map<String, Object> problem = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(status);
        problem.put(
                "type",
                ErrorResponses.PROBLEM_TYPE_BASE
                        + (known == null
                                ? "error"
                                : known.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.put("title", texts(status, locale).get("title"));
        problem.put("status", status);
        problem.put("detail", texts(status, locale).get("detail"));
        if (path.length() <= LONGEST_INSTANCE && isUri(path)) {
            problem.put("instance", path);
        }
        problem.put("requestId", requestId);
        return json.getObject().writeValueAsString(problem);
    }

    private Map<String, String> texts(int status, Locale locale) {
        MessageSource messages = this.messages.getObject();
        String title = messages.getMessage(
                "error.title." + status, null, messages.getMessage("error.title.default", null, locale), locale);
        String detail = messages.getMessage(detailKey(status), null, locale);
        return Map.of(
                "title",
                title,
                "detail",
                detail,
                "home",
                messages.getMessage("error.home", null, locale),
                "brand",
                messages.getMessage("layout.brand", null, locale));
    }

    static String detailKey(int status) {
        return switch (status) {
            case 404 -> "error.not-found.page";
            case 405 -> "error.method.generic";
            case 400, 414, 417, 431 -> "error.bad-request";
            case 501, 505 -> "error.protocol";
            case 503 -> "error.unavailable";
            default -> status >= 500 ? "error.server" : "error.bad-request";
        };
    }

    /** API callers get their Accept-Language when we speak it, as everywhere in the API. */
    private static Locale apiLocale(Request request) {
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    /** The request target as sent (not decoded); empty when the request line could not be read at all. */
    private static String path(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null ? "" : uri;
    }

    private static boolean isUri(String path) {
        try {
            URI.create(path);
            return path.startsWith("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
