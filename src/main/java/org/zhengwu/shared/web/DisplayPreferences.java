package org.zhengwu.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two display switches every page offers without JavaScript: language ({@code ?lang=en}, {@code ?lang=zh-CN})
 * and the elder-friendly mode ({@code ?care=on|off}, 适老化: larger text, higher contrast). A switch is remembered in
 * a cookie; the page exposes links that flip each one for the current URL.
 */
class DisplayPreferences implements HandlerInterceptor {

    static final Map<String, Locale> LANGUAGES =
            Map.of("zh-CN", Locale.SIMPLIFIED_CHINESE, "zh", Locale.SIMPLIFIED_CHINESE, "en", Locale.ENGLISH);

    private final CookieLocaleResolver localeResolver;

    DisplayPreferences(CookieLocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = parameter(request, "lang");
        if (lang != null && LANGUAGES.containsKey(lang)) {
            localeResolver.setLocale(request, response, LANGUAGES.get(lang));
        }
        boolean care = DisplayMode.care(request);
        String careParam = parameter(request, "care");
        if ("on".equals(careParam) || "off".equals(careParam)) {
            care = "on".equals(careParam);
            response.addHeader(
                    "Set-Cookie",
                    ResponseCookie.from(DisplayMode.CARE_COOKIE, care ? "on" : "off")
                            .path("/")
                            .maxAge(Duration.ofDays(365))
                            .httpOnly(true)
                            .sameSite("Lax")
                            .build()
                            .toString());
        }
        Locale locale = localeResolver.resolveLocale(request);
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        request.setAttribute("careMode", care);
        request.setAttribute("htmlLang", english ? "en" : "zh-CN");
        request.setAttribute("careToggleUrl", withParameter(request, "care", care ? "off" : "on"));
        request.setAttribute("languageToggleUrl", withParameter(request, "lang", english ? "zh-CN" : "en"));
        return true;
    }

    /**
     * A request parameter, or null when there is none or the parameters cannot be read: on the error page of a
     * request whose body the container refused (too large, malformed), every read fails again.
     */
    private static String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /**
     * The current GET URL (path and query) with one parameter replaced; other requests, and error pages (whose URL is
     * the failed request's, not theirs), link to the home page.
     */
    private static String withParameter(HttpServletRequest request, String name, String value) {
        if (!"GET".equals(request.getMethod()) || request.getDispatcherType() == DispatcherType.ERROR) {
            return "/?" + name + "=" + value;
        }
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam(name, value)
                .build(false)
                .toUriString();
    }
}
