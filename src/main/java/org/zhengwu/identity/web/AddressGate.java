package org.zhengwu.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengwu.identity.HumanChallenge;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * Refuses sign-in attempts from an address that has failed too often recently, before any password is checked; the
 * answer looks like any other failed sign-in. Then asks the deployment's {@link HumanChallenge}, as every public form
 * does.
 */
class AddressGate extends OncePerRequestFilter {

    private final SignInAttempts attempts;
    private final AccountabilityLog audit;
    private final HumanChallenge challenge;

    AddressGate(SignInAttempts attempts, AccountabilityLog audit, HumanChallenge challenge) {
        this.attempts = attempts;
        this.audit = audit;
        this.challenge = challenge;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (attempts.addressBlocked(request.getRemoteAddr())) {
            audit.record(new AuditEvent(
                    "anonymous",
                    null,
                    "identity.sign-in",
                    "address",
                    request.getRemoteAddr(),
                    AuditEvent.Outcome.DENIED,
                    "too many failures from this address"));
            response.sendRedirect("/login?error");
            return;
        }
        if (!challenge.passed(request)) {
            response.sendRedirect("/login?challenge");
            return;
        }
        chain.doFilter(request, response);
    }
}
