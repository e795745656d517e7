package org.zhengwu.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** The addresses of static files (styles, scripts, webjars, images), which no per-session filter needs to look at. */
public final class StaticPaths {

    private StaticPaths() {}

    public static boolean requested(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/images/");
    }
}
