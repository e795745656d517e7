package org.zhengwu.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.SecondFactor;

/** The one sign-in page for everyone, and the second step for staff. */
@Controller
class LoginController {

    private final AccountDirectory directory;
    private final SecondFactor secondFactor;
    private final SignInCompletion completion;

    LoginController(AccountDirectory directory, SecondFactor secondFactor, SignInCompletion completion) {
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.completion = completion;
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
        boolean enrolled = directory.find(pending.getName()).map(Account::mfaEnrolled).orElse(false);
        return enrolled ? "identity/mfa" : "redirect:/account/mfa/setup";
    }

    @PostMapping("/login/mfa")
    String secondFactor(@RequestParam(required = false) String code, Authentication authentication, Model model,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        Account account = directory.find(pending.getName()).orElseThrow();
        if (!secondFactor.verify(account, code)) {
            model.addAttribute("wrongCode", true);
            return "identity/mfa";
        }
        completion.complete(account, pending, request, response);
        return null;
    }
}
