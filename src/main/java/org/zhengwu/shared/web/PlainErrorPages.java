package org.zhengwu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * The error page and problem detail written without Spring MVC, without the session and without the language cookie:
 * for what the servlet container refuses before any of our code runs ({@link ContainerErrorReportValve}), and for a
 * request that failed in a filter because the database is out of reach ({@link RequestIdFilter}), whose error page
 * would need the same database (the session lives there). The page is in Chinese and English.
 */
final class PlainErrorPages {

    static final String TEMPLATE = "error/container";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String STYLESHEET = "/css/zhengwu.css";
    private static final int LONGEST_INSTANCE = 512;

    /** Beans of the application, looked up when the first error is answered: the server starts before them. */
    private final ObjectProvider<MessageSource> messages;

    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<ResourceUrlProvider> assets;

    PlainErrorPages(
            ObjectProvider<MessageSource> messages,
            ObjectProvider<ITemplateEngine> templates,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ResourceUrlProvider> assets) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
        this.assets = assets;
    }

    /**
     * Sets the answer's status-dependent headers and content type — {@code Retry-After} on a 503 (the database out of
     * reach, or the application stopping: the caller may try again, and is told when) — and returns its body: a
     * problem detail under {@code /api/} in the caller's Accept-Language, else the page in both languages.
     */
    String prepare(
            HttpServletRequest request, HttpServletResponse response, int status, String path, String requestId) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        response.setCharacterEncoding("UTF-8");
        if (ErrorResponses.isApiRequest(path)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            return problem(status, path, requestId, apiLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
        return page(status, requestId);
    }

    /** API callers get their Accept-Language when we speak it, as everywhere in the API. */
    private static Locale apiLocale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
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

    private static boolean isUri(String path) {
        try {
            URI.create(path);
            return path.startsWith("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
