package org.zhengwu.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.SignInAttempts;

/**
 * What follows a password: for staff, the second factor (enrolment the first time); for the public, the page they
 * came from. Failures are counted for lockout and always answered with the same message.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** 等保: staff sessions end after 30 idle minutes, public ones after two hours. */
    static final Duration STAFF_IDLE = Duration.ofMinutes(30);

    static final Duration PUBLIC_IDLE = Duration.ofHours(2);

    private final AccountDirectory directory;
    private final SignInAttempts attempts;
    private final AccountSessions sessions;
    private final Passwords passwords;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler resume =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(AccountDirectory directory, SignInAttempts attempts, AccountSessions sessions, Passwords passwords) {
        this.passwords = passwords;
        this.directory = directory;
        this.attempts = attempts;
        this.sessions = sessions;
        resume.setDefaultTargetUrl("/account");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        User user = (User) authentication.getPrincipal();
        Account account = directory.find(user.getUsername()).orElseThrow();
        boolean staff = account.type() == AccountType.STAFF;
        if (!staff) {
            // Staff failures are cleared only once the second factor is passed too (SignInCompletion).
            attempts.succeeded(account);
        }
        request.getSession().setMaxInactiveInterval((int) (staff ? STAFF_IDLE : PUBLIC_IDLE).toSeconds());
        // Staff are not signed in until the second factor (SignInCompletion): only then does the session count.
        request.getSession().setAttribute(AccountSessions.ATTRIBUTE, sessions.begin(account, !staff));
        if (staff) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new SecondFactorPending(user, authentication));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            response.sendRedirect(
                    account.secondFactorEnrolled()
                            ? "/login/mfa"
                            : FirstPasswordController.due(account, passwords)
                                    ? "/login/new-password"
                                    : "/account/mfa/setup");
            return;
        }
        resume.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String typed = request.getParameter("username");
        attempts.failed(typed, directory.find(typed).orElse(null), request.getRemoteAddr());
        response.sendRedirect("/login?error");
    }
}
