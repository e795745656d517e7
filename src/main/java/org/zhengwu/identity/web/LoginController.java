package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
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
import org.zhengwu.identity.account.SecurityKeys;
import org.zhengwu.identity.account.SignInAttempts;

/**
 * The one sign-in page for everyone, and the second step for staff: a code from the authenticator app (or a recovery
 * code), or one of their security keys. The key's answer is posted as a form, like the code, so that it ends the same
 * way — {@link SignInCompletion} or the page again with what went wrong — and the browser's script only fetches the
 * challenge and asks the key.
 */
@Controller
class LoginController {

    /** The challenge given to this half-finished sign-in for a key: used once. */
    static final String KEY_CHALLENGE = LoginController.class.getName() + ".keyChallenge";

    private final AccountDirectory directory;
    private final SecondFactor secondFactor;
    private final SecurityKeys securityKeys;
    private final RelyingParties relyingParties;
    private final SignInCompletion completion;
    private final SignInAttempts attempts;
    private final Clock clock;

    LoginController(
            AccountDirectory directory,
            SecondFactor secondFactor,
            SecurityKeys securityKeys,
            RelyingParties relyingParties,
            SignInCompletion completion,
            SignInAttempts attempts,
            Clock clock) {
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.securityKeys = securityKeys;
        this.relyingParties = relyingParties;
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

    /** Staff without a second factor yet are sent to enrol one (whoever sent them here, e.g. single sign-on). */
    @GetMapping("/login/mfa")
    String secondFactorForm(Authentication authentication, Model model) {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        Optional<Account> account = directory.find(pending.getName());
        if (account.isEmpty() || !account.get().secondFactorEnrolled()) {
            return "redirect:/account/mfa/setup";
        }
        return page(account.get(), model);
    }

    @PostMapping("/login/mfa")
    String secondFactor(
            @Validated @ModelAttribute("secondFactor") OneTimeCodeForm form,
            BindingResult binding,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        return secondStep(authentication, request, response, model, account -> {
            if (binding.hasErrors()) {
                return Attempt.NONE;
            }
            Optional<PassedFactor> passed = secondFactor.verify(account, form.getCode());
            if (passed.isEmpty()) {
                binding.rejectValue("code", "mfa.wrong");
            }
            return new Attempt(true, passed.orElse(null));
        });
    }

    /**
     * A challenge for one of the account's keys, as JSON for the browser's script; kept in the session for the answer.
     * Nothing for a session that is not half-way through signing in, or whose account has no key.
     */
    @PostMapping("/login/mfa/webauthn/options")
    ResponseEntity<String> keyChallenge(Authentication authentication, HttpServletRequest request) {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return ResponseEntity.notFound().build();
        }
        Optional<SecurityKeys.Challenge<PublicKeyCredentialRequestOptions>> challenge = directory
                .find(pending.getName())
                .flatMap(account -> securityKeys.signInOptions(account, relyingParties.of(request)));
        if (challenge.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        request.getSession().setAttribute(KEY_CHALLENGE, challenge.get());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(securityKeys.json(challenge.get().options()));
    }

    /**
     * The key's answer. Only an answer the relying-party library verifies, from a key of this account, to the
     * challenge this session was given (and has not used), completes the sign-in; anything else is counted as a
     * failed sign-in, like a wrong code.
     */
    @PostMapping("/login/mfa/webauthn")
    String keyAnswer(
            @ModelAttribute("securityKey") SecurityKeyForm form,
            BindingResult binding,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        SecurityKeys.Challenge<PublicKeyCredentialRequestOptions> challenge =
                SecurityKeyController.takeChallenge(request.getSession(), KEY_CHALLENGE);
        return secondStep(authentication, request, response, model, account -> {
            if (form.getCredential() == null) {
                binding.reject("mfa.key.missing");
                return Attempt.NONE;
            }
            SecurityKeys.Verification verification = securityKeys.verify(account, challenge, form.getCredential());
            if (!verification.passed()) {
                binding.reject(
                        switch (verification.refusal()) {
                            case NO_CHALLENGE, EXPIRED -> "mfa.key.expired";
                            default -> "mfa.key.refused";
                        });
            }
            return new Attempt(true, verification.factor());
        });
    }

    /**
     * A second factor given: {@code made} when one was checked at all (not when the form itself was incomplete), and
     * the proof when it passed.
     */
    private record Attempt(boolean made, PassedFactor factor) {
        static final Attempt NONE = new Attempt(false, null);
    }

    /**
     * The one way every second factor ends, whichever kind: only for a half-finished sign-in of an account that is not
     * locked; a proof completes the sign-in ({@link SignInCompletion}); a failed check counts as a failed sign-in, so
     * that it cannot be guessed behind a known password, and may lock the account; otherwise the page again, with what
     * was wrong.
     */
    private String secondStep(
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Function<Account, Attempt> check)
            throws IOException {
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        Account account = directory.find(pending.getName()).orElseThrow();
        if (account.lockedAt(clock.instant())) {
            return abandon(request);
        }
        Attempt attempt = check.apply(account);
        if (attempt.factor() != null) {
            completion.complete(account, pending, attempt.factor(), request, response);
            return null;
        }
        if (attempt.made() && failed(account, request)) {
            return abandon(request);
        }
        return page(account, model);
    }

    /** The second-factor page for the account: the code form, and the key when it has one. */
    private static String page(Account account, Model model) {
        if (!model.containsAttribute("secondFactor")) {
            model.addAttribute("secondFactor", new OneTimeCodeForm());
        }
        if (!model.containsAttribute("securityKey")) {
            model.addAttribute("securityKey", new SecurityKeyForm());
        }
        model.addAttribute("authenticatorApp", account.authenticatorAppEnrolled());
        model.addAttribute("hasSecurityKeys", account.securityKeys());
        return "identity/mfa";
    }

    /** Counts a wrong second factor as a failed sign-in: whether the account is now locked. */
    private boolean failed(Account account, HttpServletRequest request) {
        attempts.failed(account.username(), account, request.getRemoteAddr());
        return directory
                .find(account.username())
                .map(a -> a.lockedAt(clock.instant()))
                .orElse(true);
    }

    /** The account has been locked meanwhile: the half-finished sign-in ends, with the usual answer. */
    private static String abandon(HttpServletRequest request) {
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?error";
    }
}
