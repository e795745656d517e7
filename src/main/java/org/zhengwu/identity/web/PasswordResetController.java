package org.zhengwu.identity.web;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Notifications;
import org.zhengwu.identity.account.OneTimeCodes;
import org.zhengwu.identity.account.PasswordPolicy;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/**
 * 找回密码: a one-time code to the account's mobile (or mailbox), then a new password. Every answer reads the same
 * whether or not the account exists.
 */
@Controller
@RequestMapping("/password/reset")
class PasswordResetController {

    /** Whose password: a username, mobile number or identity number. */
    public static class ResetRequestForm {
        static final Validator RULES = Validator.forInstanceOf(
                ResetRequestForm.class,
                (form, errors) -> ValidationUtils.rejectIfEmpty(errors, "identifier", "validation.required"));

        private String identifier;

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }
    }

    /**
     * The code received and the new password. Until the code is proved, the rules checked are those of every
     * password, so that nothing said depends on the account: not even whether it exists.
     */
    public static class ResetForm {
        static final Validator RULES = Validator.forInstanceOf(ResetForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "code", "validation.required");
            FormErrors.rejectEach(errors, "password", PasswordPolicy.check(form.password, null, null));
            if (form.password != null && !form.password.equals(form.confirmation)) {
                errors.rejectValue("confirmation", "register.confirmation");
            }
        });

        private String identifier;
        private String code;

        @AsTyped
        private String password;

        @AsTyped
        private String confirmation;

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

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
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final Passwords passwords;
    private final MessageSource messages;

    PasswordResetController(
            AccountDirectory directory,
            OneTimeCodes codes,
            Notifications notifications,
            Passwords passwords,
            MessageSource messages) {
        this.directory = directory;
        this.codes = codes;
        this.notifications = notifications;
        this.passwords = passwords;
        this.messages = messages;
    }

    @InitBinder("resetRequest")
    void requestRules(WebDataBinder binder) {
        binder.addValidators(ResetRequestForm.RULES);
    }

    @InitBinder("reset")
    void resetRules(WebDataBinder binder) {
        binder.addValidators(ResetForm.RULES);
    }

    @GetMapping
    String start(Model model) {
        model.addAttribute("resetRequest", new ResetRequestForm());
        return "identity/password-reset";
    }

    @PostMapping
    String sendCode(
            @Validated @ModelAttribute("resetRequest") ResetRequestForm request,
            BindingResult binding,
            Model model,
            Locale locale) {
        if (binding.hasErrors()) {
            return "identity/password-reset";
        }
        Optional<Account> account = directory.find(request.getIdentifier());
        account.ifPresent(a -> {
            String code = codes.issue(a.id(), OneTimeCodes.Purpose.PASSWORD_RESET);
            String body = messages.getMessage("password.reset.message", new Object[] {code}, locale);
            String subject = messages.getMessage("password.reset.subject", null, locale);
            if (a.mobile() != null && notifications.canReach(Notifications.Channel.MOBILE)) {
                notifications.send(Notifications.Channel.MOBILE, a.mobile(), subject, body);
            } else if (a.email() != null) {
                notifications.send(Notifications.Channel.EMAIL, a.email(), subject, body);
            }
        });
        ResetForm reset = new ResetForm();
        reset.setIdentifier(request.getIdentifier());
        model.addAttribute("reset", reset);
        return "identity/password-reset-code";
    }

    @PostMapping("/confirm")
    String confirm(@Validated @ModelAttribute("reset") ResetForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return "identity/password-reset-code";
        }
        Optional<Account> account = directory.find(form.getIdentifier());
        if (account.isEmpty()
                || codes.check(account.get().id(), OneTimeCodes.Purpose.PASSWORD_RESET, form.getCode(), false)
                        != OneTimeCodes.Check.ACCEPTED) {
            binding.rejectValue("code", "password.reset.code-invalid");
            return "identity/password-reset-code";
        }
        FormErrors.rejectEach(binding, "password", passwords.problems(account.get(), form.getPassword()));
        if (binding.hasErrors()) {
            return "identity/password-reset-code";
        }
        if (codes.check(account.get().id(), OneTimeCodes.Purpose.PASSWORD_RESET, form.getCode(), true)
                != OneTimeCodes.Check.ACCEPTED) {
            binding.rejectValue("code", "password.reset.code-invalid");
            return "identity/password-reset-code";
        }
        passwords.change(account.get(), form.getPassword(), "identity.password.reset");
        return "redirect:/login?reset";
    }
}
