package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.SecondFactor;
import org.zhengwu.identity.account.SecurityKey;
import org.zhengwu.identity.account.SecurityKeys;
import org.zhengwu.identity.account.SignInFactors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * A member of staff's security keys and passkeys: the list, another key, a key removed. Registration is also the
 * second way of the first enrolment (beside the authenticator app, {@link SecondFactorSetupController}): then only an
 * account without any second factor may register, and the sign-in is finished afterwards by using the new key.
 * Public accounts have no keys: for them these pages do not exist.
 */
@Controller
@RequestMapping("/account/webauthn")
class SecurityKeyController {

    /** The challenge given to this session for a new key: used once. */
    static final String REGISTRATION_CHALLENGE = SecurityKeyController.class.getName() + ".registration";

    private static final String FORM = "securityKey";

    private final AccountDirectory directory;
    private final SecurityKeys securityKeys;
    private final RelyingParties relyingParties;

    SecurityKeyController(AccountDirectory directory, SecurityKeys securityKeys, RelyingParties relyingParties) {
        this.directory = directory;
        this.securityKeys = securityKeys;
        this.relyingParties = relyingParties;
    }

    @InitBinder(FORM)
    void labelRules(WebDataBinder binder) {
        binder.addValidators(SecurityKeyForm.REGISTRATION);
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        Account account = staff(authentication);
        model.addAttribute("account", account);
        model.addAttribute("keys", securityKeys.of(account));
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new SecurityKeyForm());
        }
        return "identity/security-keys";
    }

    /** A challenge for a new key, as JSON for the browser's script; kept in the session for the answer. */
    @PostMapping("/register/options")
    ResponseEntity<String> registrationChallenge(Authentication authentication, HttpServletRequest request) {
        Optional<Account> account = mayRegister(authentication);
        if (account.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        SecurityKeys.Challenge<PublicKeyCredentialCreationOptions> challenge =
                securityKeys.registrationOptions(account.get(), relyingParties.of(request));
        request.getSession().setAttribute(REGISTRATION_CHALLENGE, challenge);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(securityKeys.json(challenge.options()));
    }

    /**
     * The new key: its name and the browser's answer. The page it came from shows the outcome — the list of keys, or
     * at first enrolment the recovery codes, after which the key finishes the sign-in.
     */
    @PostMapping("/register")
    String register(
            @Validated @ModelAttribute(FORM) SecurityKeyForm form,
            BindingResult binding,
            Authentication authentication,
            HttpSession session,
            RedirectAttributes redirect) {
        boolean enrolment = authentication instanceof SecondFactorPending;
        Account account = enrolment ? pendingStaff(authentication) : staff(authentication);
        String page = enrolment ? "redirect:/account/mfa/setup" : "redirect:/account/webauthn";
        SecurityKeys.Challenge<PublicKeyCredentialCreationOptions> challenge =
                takeChallenge(session, REGISTRATION_CHALLENGE);
        if (enrolment && account.secondFactorEnrolled()) {
            // A half-finished sign-in of an account that has a second factor: the service refuses and logs it.
            securityKeys.register(
                    account, SecondFactor.Stage.FIRST_ENROLMENT, challenge, form.getLabel(), form.getCredential());
            return "redirect:/login/mfa";
        }
        if (!binding.hasErrors() && securityKeys.labelTaken(account, form.getLabel())) {
            binding.rejectValue("label", "mfa.key.label.taken");
        }
        if (!binding.hasErrors() && form.getCredential() == null) {
            binding.reject("mfa.key.missing");
        }
        if (!binding.hasErrors()) {
            SecurityKeys.Registration registration = securityKeys.register(
                    account,
                    enrolment ? SecondFactor.Stage.FIRST_ENROLMENT : SecondFactor.Stage.SIGNED_IN,
                    challenge,
                    form.getLabel(),
                    form.getCredential());
            if (registration.refusal() == SecurityKeys.Refusal.NOT_ALLOWED) {
                return "redirect:/login/mfa";
            }
            if (registration.registered()) {
                if (enrolment) {
                    session.setAttribute(SecondFactorSetupController.ENROLMENT, registration.enrolment());
                } else {
                    redirect.addFlashAttribute("notice", "keys.added");
                    redirect.addFlashAttribute("keyLabel", registration.key().label());
                }
                return page;
            }
            if (registration.refusal() == SecurityKeys.Refusal.LABEL_TAKEN) {
                binding.rejectValue("label", "mfa.key.label.taken");
            } else {
                binding.reject(
                        switch (registration.refusal()) {
                            case NO_CHALLENGE, EXPIRED -> "mfa.key.expired";
                            case ALREADY_REGISTERED -> "mfa.key.register.duplicate";
                            default -> "mfa.key.register.refused";
                        });
            }
        }
        // The form's own page shows the problems (the answer itself is not kept: a new one is needed).
        form.setCredential(null);
        redirect.addFlashAttribute(FORM, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, binding);
        return page + (enrolment ? "#security-key" : "");
    }

    /** Removes one of one's own keys, unless it is the last second factor the account has. */
    @PostMapping("/{id}/remove")
    String remove(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        Account account = staff(authentication);
        String label = securityKeys.of(account).stream()
                .filter(k -> k.id().equals(id))
                .map(SecurityKey::label)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("keys.not-found"));
        switch (securityKeys.remove(account, id)) {
            case REMOVED -> redirect.addFlashAttribute("notice", "keys.removed");
            case LAST_FACTOR -> redirect.addFlashAttribute("problem", "keys.last");
            case NOT_FOUND -> throw new NotFoundException("keys.not-found");
        }
        redirect.addFlashAttribute("keyLabel", label);
        return "redirect:/account/webauthn";
    }

    /**
     * Who may register a key now: a fully signed-in member of staff, or one who has given the password and has no
     * second factor yet (first enrolment). A half-finished sign-in of an account that has one may not: that is what a
     * stolen password would try.
     */
    private Optional<Account> mayRegister(Authentication authentication) {
        if (!SignInFactors.staff(authentication)) {
            return Optional.empty();
        }
        Optional<Account> account = directory.find(authentication.getName());
        if (authentication instanceof SecondFactorPending) {
            return account.filter(a -> !a.secondFactorEnrolled());
        }
        return SignInFactors.complete(authentication) ? account : Optional.empty();
    }

    /**
     * The challenge the session was given under {@code attribute}, removed from it: whatever the answer, a challenge is
     * used once. Null when there is none (never given, or used already).
     */
    @SuppressWarnings("unchecked")
    static <T extends Serializable> SecurityKeys.Challenge<T> takeChallenge(HttpSession session, String attribute) {
        Object challenge = session.getAttribute(attribute);
        session.removeAttribute(attribute);
        return challenge instanceof SecurityKeys.Challenge<?> c ? (SecurityKeys.Challenge<T>) c : null;
    }

    /** A fully signed-in member of staff: only they manage their keys. */
    private Account staff(Authentication authentication) {
        if (!SignInFactors.complete(authentication)) {
            throw new NotFoundException("keys.not-found");
        }
        return pendingStaff(authentication);
    }

    private Account pendingStaff(Authentication authentication) {
        if (!SignInFactors.staff(authentication)) {
            throw new NotFoundException("keys.not-found");
        }
        return directory.find(authentication.getName()).orElseThrow(() -> new NotFoundException("keys.not-found"));
    }
}
