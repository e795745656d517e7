package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.identity.account.Notifications;
import org.zhengwu.identity.account.OneTimeCodes;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/** 个人中心: one's own account — profile, real-name level and how to raise it, password, acting enterprise. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final CitizenAccounts citizens;
    private final ContactDetails contacts;
    private final Passwords passwords;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final Enterprises enterprises;
    private final MessageSource messages;
    private final RateLimits limits;
    private final LimitRefusals refusals;

    private final java.util.List<org.zhengwu.shared.web.PersonalLink> personalLinks;

    AccountController(
            AccountDirectory directory,
            AccountRepository accounts,
            CitizenAccounts citizens,
            ContactDetails contacts,
            Passwords passwords,
            OneTimeCodes codes,
            Notifications notifications,
            Enterprises enterprises,
            MessageSource messages,
            RateLimits limits,
            LimitRefusals refusals,
            java.util.List<org.zhengwu.shared.web.PersonalLink> personalLinks) {
        this.personalLinks = personalLinks.stream()
                .sorted(java.util.Comparator.comparingInt(org.zhengwu.shared.web.PersonalLink::order))
                .toList();
        this.directory = directory;
        this.accounts = accounts;
        this.citizens = citizens;
        this.contacts = contacts;
        this.passwords = passwords;
        this.codes = codes;
        this.notifications = notifications;
        this.enterprises = enterprises;
        this.messages = messages;
        this.limits = limits;
        this.refusals = refusals;
    }

    /** A new password for one's own account, proved by the current one. Every field is kept exactly as typed. */
    public static class PasswordChangeForm extends NewPasswordForm {
        @AsTyped
        private String current;

        static final Validator RULES = Validator.forInstanceOf(
                PasswordChangeForm.class,
                (form, errors) -> ValidationUtils.rejectIfEmpty(errors, "current", "validation.required"));

        public String getCurrent() {
            return current;
        }

        public void setCurrent(String current) {
            this.current = current;
        }
    }

    @InitBinder("mobileCode")
    void codeRules(WebDataBinder binder) {
        binder.addValidators(OneTimeCodeForm.RULES);
    }

    @InitBinder("passwordChange")
    void passwordRules(WebDataBinder binder) {
        binder.addValidators(PasswordChangeForm.RULES);
    }

    private Account me(Authentication authentication) {
        return directory.find(authentication.getName()).orElseThrow();
    }

    @GetMapping
    String profile(Authentication authentication, Model model) {
        Account account = me(authentication);
        model.addAttribute("account", account);
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(account));
        // In full: this is the owner's own page.
        model.addAttribute("mobile", contacts.mobile(account));
        model.addAttribute("email", contacts.email(account));
        model.addAttribute("levels", RealNameLevel.values());
        model.addAttribute("person", account.type() == AccountType.PERSON);
        if (account.type() == AccountType.PERSON) {
            model.addAttribute("personalLinks", personalLinks);
            model.addAttribute("capacities", enterprises.capacities(account));
            model.addAttribute(
                    "acting",
                    enterprises
                            .actingFor(account, accounts.actingEnterprise(account.id()))
                            .orElse(null));
        }
        model.addAttribute("mobileChannel", notifications.canReach(Notifications.Channel.MOBILE));
        return "identity/account";
    }

    /** Keeps an idle session alive when its owner chooses to continue (see /js/session.js). */
    @GetMapping("/keepalive")
    org.springframework.http.ResponseEntity<Void> keepAlive() {
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @PostMapping("/identity-match")
    String matchIdentity(Authentication authentication, RedirectAttributes redirect) {
        Account account = me(authentication);
        boolean matched = account.type() == AccountType.PERSON && citizens.matchIdentity(account);
        if (!matched) {
            redirect.addFlashAttribute("problem", "account.level.not-matched");
        } else {
            // A mobile proved at registration takes the account straight to L3.
            redirect.addFlashAttribute(
                    "notice",
                    me(authentication).realNameLevel() == RealNameLevel.MOBILE_VERIFIED
                            ? "account.level.matched.l3"
                            : "account.level.matched");
        }
        return "redirect:/account";
    }

    /** Codes are limited per account, per mobile and per client address; the page says when to try again. */
    @PostMapping("/mobile/code")
    String sendMobileCode(
            Authentication authentication, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        Account account = me(authentication);
        String mobile = contacts.mobile(account);
        if (mobile == null || !notifications.canReach(Notifications.Channel.MOBILE)) {
            redirect.addFlashAttribute("problem", "account.mobile.unavailable");
            return "redirect:/account";
        }
        Optional<RateLimits.Refusal> refused = limits.take(RateLimits.all(
                limits.attemptsFrom(request.getRemoteAddr()), limits.messagesFor(account), limits.messagesTo(mobile)));
        if (refused.isPresent()) {
            redirect.addFlashAttribute("problem", refused.get().messageKey());
            redirect.addFlashAttribute("problemArguments", refusals.arguments(refused.get(), locale));
            return "redirect:/account";
        }
        String code = codes.issue(account.id(), OneTimeCodes.Purpose.MOBILE_VERIFICATION);
        notifications.send(
                Notifications.Channel.MOBILE,
                mobile,
                messages.getMessage("account.mobile.subject", null, locale),
                messages.getMessage("account.mobile.message", new Object[] {code}, locale));
        return "redirect:/account/mobile";
    }

    @GetMapping("/mobile")
    String mobileForm(Authentication authentication, Model model) {
        model.addAttribute("mobile", contacts.mobile(me(authentication)));
        model.addAttribute("mobileCode", new OneTimeCodeForm());
        return "identity/mobile-verify";
    }

    @PostMapping("/mobile")
    String verifyMobile(
            @Validated @ModelAttribute("mobileCode") OneTimeCodeForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Account account = me(authentication);
        model.addAttribute("mobile", contacts.mobile(account));
        if (binding.hasErrors()) {
            return "identity/mobile-verify";
        }
        if (codes.check(account.id(), OneTimeCodes.Purpose.MOBILE_VERIFICATION, form.getCode(), true)
                != OneTimeCodes.Check.ACCEPTED) {
            binding.rejectValue("code", "password.reset.code-invalid");
            return "identity/mobile-verify";
        }
        RealNameLevel level = citizens.mobileVerified(account);
        redirect.addFlashAttribute(
                "notice",
                level == RealNameLevel.MOBILE_VERIFIED ? "account.mobile.verified.l3" : "account.mobile.verified");
        return "redirect:/account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("passwordChange", new PasswordChangeForm());
        return "identity/password-change";
    }

    /**
     * Until the current password is proved, nothing is said about the new one: the check against the last five
     * passwords would otherwise let whoever holds a session probe them.
     */
    @PostMapping("/password")
    String changePassword(
            @Validated @ModelAttribute("passwordChange") PasswordChangeForm form,
            BindingResult binding,
            Authentication authentication,
            HttpSession session,
            RedirectAttributes redirect) {
        Account account = me(authentication);
        if (!binding.hasFieldErrors("current") && !passwords.matches(account, form.getCurrent())) {
            binding.rejectValue("current", "password.change.current-wrong");
        }
        if (!binding.hasFieldErrors("current")) {
            FormErrors.rejectEach(binding, "password", passwords.problems(account, form.getPassword()));
            form.rejectUnconfirmed(binding);
        }
        if (binding.hasErrors()) {
            return "identity/password-change";
        }
        passwords.change(account, form.getPassword(), "identity.password.change");
        session.removeAttribute(PasswordExpiredGate.PASSWORD_EXPIRED);
        redirect.addFlashAttribute("notice", "password.change.done");
        return account.type() == AccountType.STAFF ? "redirect:/admin" : "redirect:/account";
    }

    /** Act for one of one's enterprises (or for oneself again, with enterprise 0). */
    @PostMapping("/acting")
    String act(
            @RequestParam(defaultValue = "0") long enterprise,
            Authentication authentication,
            RedirectAttributes redirect) {
        Account account = me(authentication);
        if (enterprise == 0) {
            accounts.setActingEnterprise(account.id(), null);
        } else if (enterprises.capacity(account, enterprise).isPresent()) {
            accounts.setActingEnterprise(account.id(), enterprise);
        } else {
            throw new NotFoundException("enterprise.not-found");
        }
        redirect.addFlashAttribute("notice", "account.acting.changed");
        return "redirect:/account";
    }
}
