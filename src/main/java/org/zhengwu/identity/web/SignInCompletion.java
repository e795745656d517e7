package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.SignInAttempts;

/** Turns a session that has passed both factors into a full sign-in, then resumes where the person was going. */
@Component
class SignInCompletion {

    /** The authority {@code FACTOR_TOTP}: the authenticator app's code (or a recovery code) was given. */
    static final String TOTP_FACTOR = "TOTP";

    private final AccountDirectory directory;
    private final Passwords passwords;
    private final SignInAttempts attempts;
    private final Clock clock;
    private final AccountSessions sessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignInCompletion(
            AccountDirectory directory,
            Passwords passwords,
            SignInAttempts attempts,
            Clock clock,
            AccountSessions sessions) {
        this.directory = directory;
        this.passwords = passwords;
        this.attempts = attempts;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * The full authentication carries both factors with their times (the provider puts the latest in ID tokens as
     * {@code auth_time}) and no password hash: it is kept in the session and in the provider's authorizations.
     */
    void complete(
            Account account, SecondFactorPending pending, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        attempts.succeeded(account);
        User user = directory.principal(account);
        user.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.addAll(pending.passedFactors());
        authorities.add(FactorGrantedAuthority.withFactor(TOTP_FACTOR)
                .issuedAt(clock.instant())
                .build());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        sessions.completed(account, request.getSession());
        if (passwords.expired(account.type(), account.passwordChangedAt())) {
            request.getSession().setAttribute(SecondFactorGate.PASSWORD_EXPIRED, true);
            response.sendRedirect("/account/password?expired");
            return;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : "/admin");
    }
}
