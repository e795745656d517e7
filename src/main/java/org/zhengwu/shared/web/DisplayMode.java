package org.zhengwu.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * How a page is displayed for a visitor: language and the elder-friendly mode. One rule for the pages that render
 * it and the caches that keep pages apart by it, so that a cache can never hand one visitor a page made for another.
 */
public final class DisplayMode {

    static final String CARE_COOKIE = "ZHENGWU_CARE";

    private DisplayMode() {}

    /** Whether the visitor chose the elder-friendly mode (remembered in a cookie). */
    public static boolean care(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (CARE_COOKIE.equals(cookie.getName())) {
                return "on".equals(cookie.getValue());
            }
        }
        return false;
    }

    /** Names the display a page for this request is rendered in, {@code locale} being the resolved one. */
    public static String variant(HttpServletRequest request, Locale locale) {
        return locale.toLanguageTag() + (care(request) ? "|care" : "|plain");
    }
}
