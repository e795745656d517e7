package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zhengwu.identity.account.SignInFactors;

/**
 * Tells every page of a signed-in person how long their idle session lasts, for the warning before it ends, and whether
 * they have finished signing in.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class SessionAttributes {

    @ModelAttribute("sessionSeconds")
    Integer sessionSeconds(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null || authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return session.getMaxInactiveInterval();
    }

    /**
     * Whether the person has finished signing in: a member of staff who has given only the password is offered
     * nothing in the header but signing out (their account and the administration are beyond the second factor).
     */
    @ModelAttribute("signInComplete")
    boolean signInComplete() {
        return SignInFactors.complete(SecurityContextHolder.getContext().getAuthentication());
    }
}
