package org.zhengwu.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/**
 * A member of staff whose password others may have seen (the initial administrators' generated ones, shown on a
 * console) replaces it right after giving it, before enrolling an authenticator — so that nobody who saw the console
 * can enrol one first. Only a half-signed-in session of such an account reaches this page; the second factor follows.
 */
@Controller
@RequestMapping("/login/new-password")
class FirstPasswordController {

    /** The new password and its confirmation, kept exactly as typed. */
    public static class FirstPasswordForm {
        @AsTyped
        private String password;

        @AsTyped
        private String confirmation;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getConfirmation() {
            return confirmation;
        }

        public void setConfirmation(String confirmation) {
            this.confirmation = confirmation;
        }
    }

    private final AccountDirectory directory;
    private final Passwords passwords;

    FirstPasswordController(AccountDirectory directory, Passwords passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    /** Whether this session must set a new password before its second factor. */
    static boolean due(Authentication authentication, AccountDirectory directory, Passwords passwords) {
        if (!(authentication instanceof SecondFactorPending)) {
            return false;
        }
        return directory
                .find(authentication.getName())
                .map(a -> !a.mfaEnrolled() && passwords.expired(a.type(), a.passwordChangedAt()))
                .orElse(false);
    }

    @GetMapping
    String form(Authentication authentication, Model model) {
        if (!due(authentication, directory, passwords)) {
            return "redirect:/login/mfa";
        }
        model.addAttribute("firstPassword", new FirstPasswordForm());
        return "identity/first-password";
    }

    @PostMapping
    String change(
            @ModelAttribute("firstPassword") FirstPasswordForm form,
            BindingResult binding,
            Authentication authentication) {
        if (!due(authentication, directory, passwords)) {
            return "redirect:/login/mfa";
        }
        Account account = directory.find(authentication.getName()).orElseThrow();
        FormErrors.rejectEach(binding, "password", passwords.problems(account, form.getPassword()));
        if (passwords.matches(account, form.getPassword())) {
            binding.rejectValue("password", "password.first.same");
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmation())) {
            binding.rejectValue("confirmation", "register.confirmation");
        }
        if (binding.hasErrors()) {
            return "identity/first-password";
        }
        passwords.change(account, form.getPassword(), "identity.password.first");
        return "redirect:/account/mfa/setup";
    }
}
