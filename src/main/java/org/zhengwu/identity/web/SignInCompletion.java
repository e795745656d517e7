package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
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
import org.zhengwu.identity.account.PassedFactor;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.SignInAttempts;

/** Turns a session that has passed both factors into a full sign-in, then resumes where the person was going. */
@Component
class SignInCompletion {

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
     * {@code auth_time}) and no password hash: it is kept in the session and in the provider's authorizations. Only a
     * {@link PassedFactor} of this account, made by the check of a code or an enrolment moments ago, completes it.
     */
    void complete(
            Account account,
            SecondFactorPending pending,
            PassedFactor secondFactor,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!pending.getName().equals(account.username())
                || !secondFactor.proves(account.username(), clock.instant())) {
            throw new IllegalArgumentException("the second factor was not proven for " + account.username());
        }
        attempts.succeeded(account);
        User user = directory.principal(account);
        user.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.addAll(pending.passedFactors());
        authorities.add(secondFactor.authority());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        sessions.completed(account, request.getSession());
        if (passwords.expired(account.type(), account.passwordChangedAt())) {
            request.getSession().setAttribute(PasswordExpiredGate.PASSWORD_EXPIRED, true);
            response.sendRedirect("/account/password?expired");
            return;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : "/admin");
    }
}
