package org.zhengwu.identity.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * Every sign-in, failed sign-in and sign-out of a person goes to the accountability log. The OpenID provider's own
 * steps (clients authenticating, authorization requests, bearer tokens) raise authentication events too; they are
 * not people signing in, and identity.oidc records them as what they are.
 */
@Component
class AuthenticationAudit {

    private final AccountabilityLog audit;

    AuthenticationAudit(AccountabilityLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        audit.record(AuditEvent.success(
                event.getAuthentication().getName(),
                "identity.sign-in",
                "account",
                event.getAuthentication().getName()));
    }

    /** The name typed is kept as typed (it may not be an account); the reason stays generic. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String typed = String.valueOf(event.getAuthentication().getName());
        audit.record(new AuditEvent(
                "anonymous",
                null,
                "identity.sign-in",
                "account",
                typed,
                AuditEvent.Outcome.FAILURE,
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.record(AuditEvent.success(
                event.getAuthentication().getName(),
                "identity.sign-out",
                "account",
                event.getAuthentication().getName()));
    }
}
