package org.zhengwu.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.SignInAttempts;

/** Turns a session that has passed both factors into a full sign-in, then resumes where the person was going. */
@Component
class SignInCompletion {

    private final AccountDirectory directory;
    private final Passwords passwords;
    private final SignInAttempts attempts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignInCompletion(AccountDirectory directory, Passwords passwords, SignInAttempts attempts) {
        this.directory = directory;
        this.passwords = passwords;
        this.attempts = attempts;
    }

    void complete(Account account, HttpServletRequest request, HttpServletResponse response) throws IOException {
        attempts.succeeded(account);
        var user = directory.principal(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
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
