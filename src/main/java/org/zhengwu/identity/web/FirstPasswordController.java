package org.zhengwu.identity.web;

import java.util.Optional;
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

/**
 * A member of staff whose password others may have seen (the initial administrators' generated ones, shown on a
 * console) replaces it right after giving it, before enrolling an authenticator — so that nobody who saw the console
 * can enrol one first. Only a half-signed-in session of such an account reaches this page; the second factor follows.
 */
@Controller
@RequestMapping("/login/new-password")
class FirstPasswordController {

    private final AccountDirectory directory;
    private final Passwords passwords;

    FirstPasswordController(AccountDirectory directory, Passwords passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    /** Whether this account must set a new password before enrolling its second factor. */
    static boolean due(Account account, Passwords passwords) {
        return !account.secondFactorEnrolled() && passwords.expired(account.type(), account.passwordChangedAt());
    }

    /** The half-signed-in session's account when it must set a new password now. */
    private Optional<Account> dueAccount(Authentication authentication) {
        if (!(authentication instanceof SecondFactorPending)) {
            return Optional.empty();
        }
        return directory.find(authentication.getName()).filter(account -> due(account, passwords));
    }

    @GetMapping
    String form(Authentication authentication, Model model) {
        if (dueAccount(authentication).isEmpty()) {
            return "redirect:/login/mfa";
        }
        model.addAttribute("firstPassword", new NewPasswordForm());
        return "identity/first-password";
    }

    @PostMapping
    String change(
            @ModelAttribute("firstPassword") NewPasswordForm form,
            BindingResult binding,
            Authentication authentication) {
        Optional<Account> due = dueAccount(authentication);
        if (due.isEmpty()) {
            return "redirect:/login/mfa";
        }
        Account account = due.get();
        FormErrors.rejectEach(binding, "password", passwords.problems(account, form.getPassword()));
        if (passwords.matches(account, form.getPassword())) {
            binding.rejectValue("password", "password.first.same");
        }
        form.rejectUnconfirmed(binding);
        if (binding.hasErrors()) {
            return "identity/first-password";
        }
        passwords.change(account, form.getPassword(), "identity.password.first");
        return "redirect:/account/mfa/setup";
    }
}
