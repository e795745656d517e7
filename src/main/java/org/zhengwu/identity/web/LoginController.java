package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.SecondFactor;
import org.zhengwu.identity.account.SignInAttempts;

/** The one sign-in page for everyone, and the second step for staff. */
@Controller
class LoginController {

    private final AccountDirectory directory;
    private final SecondFactor secondFactor;
    private final SignInCompletion completion;
    private final SignInAttempts attempts;
    private final Clock clock;

    LoginController(
            AccountDirectory directory,
            SecondFactor secondFactor,
            SignInCompletion completion,
            SignInAttempts attempts,
            Clock clock) {
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.completion = completion;
        this.attempts = attempts;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Staff without an authenticator yet are sent to enrol one (whoever sent them here, e.g. single sign-on). */
    @GetMapping("/login/mfa")
    String secondFactorForm(Authentication authentication) {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        boolean enrolled =
                directory.find(pending.getName()).map(Account::mfaEnrolled).orElse(false);
        return enrolled ? "identity/mfa" : "redirect:/account/mfa/setup";
    }

    @PostMapping("/login/mfa")
    String secondFactor(
            @RequestParam(required = false) String code,
            Authentication authentication,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        Account account = directory.find(pending.getName()).orElseThrow();
        if (account.lockedAt(clock.instant())) {
            return abandon(request);
        }
        if (!secondFactor.verify(account, code)) {
            // Wrong codes count as failed sign-ins, so that six digits cannot be guessed behind a known password.
            attempts.failed(account.username(), account, request.getRemoteAddr());
            if (directory
                    .find(account.username())
                    .map(a -> a.lockedAt(clock.instant()))
                    .orElse(true)) {
                return abandon(request);
            }
            model.addAttribute("wrongCode", true);
            return "identity/mfa";
        }
        completion.complete(account, pending, request, response);
        return null;
    }

    /** The account has been locked meanwhile: the half-finished sign-in ends, with the usual answer. */
    private static String abandon(HttpServletRequest request) {
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?error";
    }
}
