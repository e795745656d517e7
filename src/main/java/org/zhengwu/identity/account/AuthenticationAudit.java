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
    private final AccountDirectory directory;
    private final SignInAttempts attempts;

    AuthenticationAudit(AccountabilityLog audit, AccountDirectory directory, SignInAttempts attempts) {
        this.audit = audit;
        this.directory = directory;
        this.attempts = attempts;
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

    /**
     * Never what was typed: it may be a 公民身份号码 or a password typed into the name field. A name that finds an
     * account is logged as that account's username (whichever identifier was typed); any other only as its blind
     * index ({@link SignInAttempts#unknownName}). The reason stays generic.
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String typed = String.valueOf(event.getAuthentication().getName());
        var account = directory.find(typed);
        audit.record(new AuditEvent(
                "anonymous",
                null,
                "identity.sign-in",
                account.isPresent() ? "account" : "sign-in-name",
                account.map(Account::username).orElseGet(() -> attempts.unknownName(typed)),
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
