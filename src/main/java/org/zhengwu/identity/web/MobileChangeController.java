package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.MobileChanges;
import org.zhengwu.identity.account.Notifications;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 更换手机号码, in 个人中心: the new number, then the code sent to it ({@link MobileChanges}). The number waiting for its
 * code is kept in the session, never in a form the browser could alter between the two steps. Requests are limited per
 * client address, per account and per number, as every code sent is.
 */
@Controller
@RequestMapping("/account/mobile/change")
class MobileChangeController {

    static final String PENDING = MobileChangeController.class.getName() + ".number";

    /** The number that is to replace the account's mobile. */
    public static class NewMobileForm {
        static final Validator RULES = Validator.forInstanceOf(NewMobileForm.class, (form, errors) -> {
            if (form.getMobile() == null) {
                errors.rejectValue("mobile", "validation.required");
            } else if (!AccountDirectory.MOBILE.matcher(form.getMobile()).matches()) {
                errors.rejectValue("mobile", "register.mobile.format");
            }
        });

        private String mobile;

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }
    }

    private final AccountDirectory directory;
    private final ContactDetails contacts;
    private final MobileChanges changes;
    private final Notifications notifications;
    private final RateLimits limits;
    private final LimitRefusals refusals;

    MobileChangeController(
            AccountDirectory directory,
            ContactDetails contacts,
            MobileChanges changes,
            Notifications notifications,
            RateLimits limits,
            LimitRefusals refusals) {
        this.directory = directory;
        this.contacts = contacts;
        this.changes = changes;
        this.notifications = notifications;
        this.limits = limits;
        this.refusals = refusals;
    }

    @InitBinder("newMobile")
    void mobileRules(WebDataBinder binder) {
        binder.addValidators(NewMobileForm.RULES);
    }

    @InitBinder("mobileChangeCode")
    void codeRules(WebDataBinder binder) {
        binder.addValidators(OneTimeCodeForm.RULES);
    }

    /** A person's own account; staff accounts have no mobile to change. */
    private Account person(Authentication authentication) {
        Account account = directory.find(authentication.getName()).orElseThrow();
        if (account.type() != AccountType.PERSON) {
            throw new NotFoundException("account.mobile.change.persons-only");
        }
        return account;
    }

    @GetMapping
    String form(Authentication authentication, Model model) {
        person(authentication);
        model.addAttribute("newMobile", new NewMobileForm());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("mobileChannel", notifications.canReach(Notifications.Channel.MOBILE));
        return "identity/mobile-change";
    }

    @PostMapping
    String request(
            @Validated @ModelAttribute("newMobile") NewMobileForm form,
            BindingResult binding,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        Account account = person(authentication);
        if (!notifications.canReach(Notifications.Channel.MOBILE)) {
            binding.reject("account.mobile.unavailable");
        }
        if (!binding.hasFieldErrors("mobile")
                && ContactDetails.normalisedMobile(form.getMobile()).equals(contacts.mobile(account))) {
            binding.rejectValue("mobile", "account.mobile.change.same");
        }
        if (binding.hasErrors()) {
            return page(model);
        }
        Optional<RateLimits.Refusal> refused = limits.take(RateLimits.all(
                limits.attemptsFrom(request.getRemoteAddr()),
                limits.messagesFor(account),
                limits.messagesTo(form.getMobile())));
        if (refused.isPresent()) {
            refusals.reject(binding, refused.get(), locale);
            return page(model);
        }
        changes.request(account, form.getMobile(), locale);
        session.setAttribute(PENDING, form.getMobile());
        return "redirect:/account/mobile/change/confirm";
    }

    @GetMapping("/confirm")
    String confirmForm(Authentication authentication, HttpSession session, Model model) {
        person(authentication);
        String pending = (String) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:/account/mobile/change";
        }
        model.addAttribute("mobileChangeCode", new OneTimeCodeForm());
        return confirmPage(pending, model);
    }

    private String confirmPage(String pending, Model model) {
        model.addAttribute("maskedMobile", ContactDetails.masked(Notifications.Channel.MOBILE, pending));
        return "identity/mobile-change-confirm";
    }

    @PostMapping("/confirm")
    String confirm(
            @Validated @ModelAttribute("mobileChangeCode") OneTimeCodeForm form,
            BindingResult binding,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        String pending = (String) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:/account/mobile/change";
        }
        if (binding.hasErrors()) {
            return confirmPage(pending, model);
        }
        switch (changes.confirm(account, pending, form.getCode(), locale)) {
            case CHANGED -> {
                session.removeAttribute(PENDING);
                redirect.addFlashAttribute("notice", "account.mobile.changed");
                return "redirect:/account";
            }
            case TAKEN -> binding.rejectValue("code", "account.mobile.change.taken");
            case CODE_REFUSED -> binding.rejectValue("code", "password.reset.code-invalid");
        }
        return confirmPage(pending, model);
    }
}
