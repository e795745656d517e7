package org.zhengwu.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengwu.shared.web.StaticPaths;

/** Keeps a session whose password has expired on the password page until a new one is set. */
class PasswordExpiredGate extends OncePerRequestFilter {

    static final String PASSWORD_EXPIRED = PasswordExpiredGate.class.getName() + ".passwordExpired";
    private static final Set<String> OPEN = Set.of("/account/password", "/logout", "/error");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return StaticPaths.requested(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && Boolean.TRUE.equals(session.getAttribute(PASSWORD_EXPIRED))
                && !OPEN.contains(request.getServletPath())) {
            response.sendRedirect("/account/password?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
