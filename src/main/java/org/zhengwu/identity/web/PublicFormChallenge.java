package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zhengwu.identity.HumanChallenge;

/**
 * The public forms' {@link HumanChallenge}: the pages of registration, password reset and sign-in get it as
 * {@code humanChallenge} to show its fragment.
 */
@ControllerAdvice(
        assignableTypes = {RegistrationController.class, PasswordResetController.class, LoginController.class})
class PublicFormChallenge {

    /** The platform's own challenge: none. Any bean a deployment declares takes its place. */
    @Component
    @Fallback
    static class NoHumanChallenge implements HumanChallenge {

        @Override
        public boolean passed(HttpServletRequest request) {
            return true;
        }

        @Override
        public String fragment() {
            return "identity/human-challenge :: none";
        }
    }

    private final HumanChallenge challenge;

    PublicFormChallenge(HumanChallenge challenge) {
        this.challenge = challenge;
    }

    @ModelAttribute("humanChallenge")
    HumanChallenge humanChallenge() {
        return challenge;
    }
}
