package org.zhengwu.identity.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengwu.identity.Actor;

/**
 * No token for a staff session that has passed only its password: the authorization request waits, saved, until the
 * second factor is checked, then resumes.
 */
class SecondFactorRequired extends OncePerRequestFilter {

    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> Actor.MFA_PENDING.equals(a.getAuthority()))) {
            requestCache.saveRequest(request, response);
            response.sendRedirect("/login/mfa");
            return;
        }
        chain.doFilter(request, response);
    }
}
