package org.zhengwu.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengwu.identity.account.AccountDirectory;

/**
 * Keeps a staff session that has passed only the password on the second-factor pages, and a session whose
 * password has expired on the password page — wherever it tries to go (the address is kept for afterwards).
 */
class SecondFactorGate extends OncePerRequestFilter {

    static final String PASSWORD_EXPIRED = SecondFactorGate.class.getName() + ".passwordExpired";
    private static final Set<String> OPEN =
            Set.of("/login/mfa", "/account/mfa/setup", "/logout", "/error", "/account/password");

    private final AccountDirectory directory;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SecondFactorGate(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/images/");
    }

    private static boolean open(String path) {
        return OPEN.contains(path) || path.startsWith("/account/mfa/setup/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getServletPath();
        if (authentication instanceof SecondFactorPending pending && !open(path)) {
            if ("GET".equals(request.getMethod())) {
                requestCache.saveRequest(request, response);
            }
            boolean enrolled =
                    directory.find(pending.getName()).map(a -> a.mfaEnrolled()).orElse(false);
            response.sendRedirect(enrolled ? "/login/mfa" : "/account/mfa/setup");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(PASSWORD_EXPIRED)) && !open(path)) {
            response.sendRedirect("/account/password?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
