package org.zhengwu.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.SignInFactors;

/**
 * What a refusal means for a member of staff who has given the password but not the second factor: the address is
 * kept for afterwards and the browser goes to the code page (or to enrolment, for staff without an authenticator
 * yet). Every other refusal — including a form without its CSRF token — is a plain 403.
 */
@Component
public class SecondFactorPage implements AccessDeniedHandler {

    private final AccountDirectory directory;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    SecondFactorPage(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (refusal instanceof CsrfException
                || !SignInFactors.staff(authentication)
                || SignInFactors.complete(authentication)) {
            forbidden.handle(request, response, refusal);
            return;
        }
        requestCache.saveRequest(request, response);
        boolean enrolled = directory
                .find(authentication.getName())
                .map(Account::secondFactorEnrolled)
                .orElse(false);
        response.sendRedirect(request.getContextPath() + (enrolled ? "/login/mfa" : "/account/mfa/setup"));
    }
}
