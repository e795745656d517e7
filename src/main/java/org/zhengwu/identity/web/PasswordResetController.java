package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
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
import org.zhengwu.identity.HumanChallenge;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.Notifications;
import org.zhengwu.identity.account.OneTimeCodes;
import org.zhengwu.identity.account.PasswordPolicy;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.shared.web.FormErrors;

/**
 * 找回密码: a one-time code to the account's mobile (or mailbox), then a new password. Every answer reads the same
 * whether or not the account exists: what differs goes in the message sent (a code to the account's mobile; to a
 * mobile number typed that has no account, a note saying so, read only by whoever holds it).
 *
 * <p>Limits: requests per client address, and per identifier typed (whether or not it names an account), both told on
 * the page with the time to come back; messages per account and per recipient, applied silently — an account's limit
 * shown on the page would say that the account exists.
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
    public static class ResetForm extends NewPasswordForm {
        static final Validator RULES = Validator.forInstanceOf(ResetForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "code", "validation.required");
            FormErrors.rejectEach(errors, "password", PasswordPolicy.check(form.getPassword(), null, null));
            form.rejectUnconfirmed(errors);
        });

        private String identifier;
        private String code;

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
    }

    private final AccountDirectory directory;
    private final ContactDetails contacts;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final Passwords passwords;
    private final MessageSource messages;
    private final RateLimits limits;
    private final HumanChallenge challenge;
    private final LimitRefusals refusals;

    PasswordResetController(
            AccountDirectory directory,
            ContactDetails contacts,
            OneTimeCodes codes,
            Notifications notifications,
            Passwords passwords,
            MessageSource messages,
            RateLimits limits,
            HumanChallenge challenge,
            LimitRefusals refusals) {
        this.directory = directory;
        this.contacts = contacts;
        this.codes = codes;
        this.notifications = notifications;
        this.passwords = passwords;
        this.messages = messages;
        this.limits = limits;
        this.challenge = challenge;
        this.refusals = refusals;
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
            HttpServletRequest http,
            Model model,
            Locale locale) {
        Optional<RateLimits.Refusal> refused = limits.take(limits.attemptsFrom(http.getRemoteAddr()));
        if (refused.isPresent()) {
            refusals.reject(binding, refused.get(), locale);
            return "identity/password-reset";
        }
        if (!challenge.passed(http)) {
            binding.reject("challenge.failed");
            return "identity/password-reset";
        }
        if (binding.hasErrors()) {
            return "identity/password-reset";
        }
        refused = limits.take(limits.requestsFor(request.getIdentifier()));
        if (refused.isPresent()) {
            refusals.reject(binding, refused.get(), locale);
            return "identity/password-reset";
        }
        Optional<Account> account = directory.find(request.getIdentifier());
        String subject = messages.getMessage("password.reset.subject", null, locale);
        if (account.isPresent()) {
            Account a = account.get();
            Notifications.Channel channel =
                    a.mobileCipher() != null && notifications.canReach(Notifications.Channel.MOBILE)
                            ? Notifications.Channel.MOBILE
                            : Notifications.Channel.EMAIL;
            String recipient = channel == Notifications.Channel.MOBILE ? contacts.mobile(a) : contacts.email(a);
            if (recipient != null
                    && limits.take(RateLimits.all(limits.messagesFor(a), limits.messagesTo(recipient)))
                            .isEmpty()) {
                String code = codes.issue(a.id(), OneTimeCodes.Purpose.PASSWORD_RESET);
                notifications.send(
                        channel,
                        recipient,
                        subject,
                        messages.getMessage("password.reset.message", new Object[] {code}, locale));
            }
        } else {
            String typed = request.getIdentifier().strip();
            if (AccountDirectory.MOBILE.matcher(typed).matches()
                    && notifications.canReach(Notifications.Channel.MOBILE)
                    && limits.take(limits.messagesTo(typed)).isEmpty()) {
                notifications.send(
                        Notifications.Channel.MOBILE,
                        typed,
                        subject,
                        messages.getMessage("password.reset.message.no-account", null, locale));
            }
        }
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
