package org.zhengwu.identity.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengwu.identity.account.AccountSessions.Ending;
import org.zhengwu.shared.web.StaticPaths;

/**
 * Ends, at its next request on whichever node, a session whose sign-in is no longer valid: access withdrawn, replaced
 * by a newer sign-in beyond the account's limit, or past its lifetime. A browser goes to the sign-in page, which says
 * why, and the page it asked for is kept so that signing in again resumes there (an authorization request of a
 * connected system included); any other caller carries on as not signed in. It costs a signed-in request one lookup
 * by primary key and an anonymous one nothing. In both security chains, before the CSRF check: a form posted by an
 * ended session is sent to sign in again rather than refused.
 */
public final class SessionGuard extends OncePerRequestFilter {

    private final AccountSessions sessions;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    public SessionGuard(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return StaticPaths.requested(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<Ending> ending = session != null && session.getAttribute(AccountSessions.ATTRIBUTE) instanceof Long id
                ? sessions.ending(id)
                : Optional.empty();
        if (ending.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        session.invalidate();
        SecurityContextHolder.clearContext();
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        response.sendRedirect(
                request.getContextPath() + "/login?" + ending.get().parameter());
    }
}
