package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.PassedFactor;
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

    /**
     * What the sign-in page asks for. The form is posted to Spring Security, not bound here; the page only shows it
     * and, after a failure, the one answer that does not say which of the two was wrong.
     */
    public static class SignInForm {
        private String username;
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @InitBinder("secondFactor")
    void codeRules(WebDataBinder binder) {
        binder.addValidators(OneTimeCodeForm.RULES);
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        SignInForm form = new SignInForm();
        BindingResult result = new BeanPropertyBindingResult(form, "signIn");
        if (error != null) {
            result.reject("login.failed");
        }
        model.addAttribute("signIn", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "signIn", result);
        return "identity/login";
    }

    /** Staff without an authenticator yet are sent to enrol one (whoever sent them here, e.g. single sign-on). */
    @GetMapping("/login/mfa")
    String secondFactorForm(Authentication authentication, Model model) {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        boolean enrolled =
                directory.find(pending.getName()).map(Account::mfaEnrolled).orElse(false);
        model.addAttribute("secondFactor", new OneTimeCodeForm());
        return enrolled ? "identity/mfa" : "redirect:/account/mfa/setup";
    }

    @PostMapping("/login/mfa")
    String secondFactor(
            @Validated @ModelAttribute("secondFactor") OneTimeCodeForm form,
            BindingResult binding,
            Authentication authentication,
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
        if (binding.hasErrors()) {
            return "identity/mfa";
        }
        Optional<PassedFactor> passed = secondFactor.verify(account, form.getCode());
        if (passed.isEmpty()) {
            // Wrong codes count as failed sign-ins, so that six digits cannot be guessed behind a known password.
            attempts.failed(account.username(), account, request.getRemoteAddr());
            if (directory
                    .find(account.username())
                    .map(a -> a.lockedAt(clock.instant()))
                    .orElse(true)) {
                return abandon(request);
            }
            binding.rejectValue("code", "mfa.wrong");
            return "identity/mfa";
        }
        completion.complete(account, pending, passed.get(), request, response);
        return null;
    }

    /** The account has been locked meanwhile: the half-finished sign-in ends, with the usual answer. */
    private static String abandon(HttpServletRequest request) {
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?error";
    }
}
