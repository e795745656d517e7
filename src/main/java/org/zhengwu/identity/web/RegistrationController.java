package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.HumanChallenge;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.identity.account.RegistrationRequests;

/**
 * 个人注册: a natural person creates their account, in two steps — the form, then the code sent to the mobile typed.
 * The first answer is the same whether or not the identity number or the mobile already has an account
 * ({@link RegistrationRequests}); requests are limited per client address and per mobile.
 */
@Controller
class RegistrationController {

    static final String PENDING = RegistrationController.class.getName() + ".pending";

    private final CitizenAccounts citizens;
    private final RegistrationRequests registrations;
    private final RateLimits limits;
    private final HumanChallenge challenge;
    private final LimitRefusals refusals;

    RegistrationController(
            CitizenAccounts citizens,
            RegistrationRequests registrations,
            RateLimits limits,
            HumanChallenge challenge,
            LimitRefusals refusals) {
        this.citizens = citizens;
        this.registrations = registrations;
        this.limits = limits;
        this.challenge = challenge;
        this.refusals = refusals;
    }

    /** The registration form as posted. */
    public static class RegistrationForm extends NewPasswordForm {
        private String username;
        private String realName;
        private String idNumber;
        private String mobile;
        private String email;

        CitizenAccounts.Registration registration() {
            return new CitizenAccounts.Registration(
                    username, realName, idNumber, mobile, email, getPassword(), getConfirmation());
        }

        /** The form again, as typed, without the passwords. */
        static RegistrationForm of(CitizenAccounts.Registration typed) {
            RegistrationForm form = new RegistrationForm();
            form.username = typed.username();
            form.realName = typed.realName();
            form.idNumber = typed.idNumber();
            form.mobile = typed.mobile();
            form.email = typed.email();
            return form;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getRealName() {
            return realName;
        }

        public void setRealName(String realName) {
            this.realName = realName;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    /** The registration rules live with the accounts: formats, a free username, the password policy. */
    @InitBinder("registration")
    void rules(WebDataBinder binder) {
        binder.addValidators(Validator.forInstanceOf(
                RegistrationForm.class, (form, errors) -> citizens.validate(form.registration(), errors)));
    }

    @InitBinder("registrationCode")
    void codeRules(WebDataBinder binder) {
        binder.addValidators(OneTimeCodeForm.RULES);
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("registration", new RegistrationForm());
        return "identity/register";
    }

    /**
     * Every request counts against its address, then the challenge, then the form's rules; a valid one counts against
     * its mobile and gets the code page, whatever the numbers typed.
     */
    @PostMapping("/register")
    String register(
            @Validated @ModelAttribute("registration") RegistrationForm form,
            BindingResult binding,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        Optional<RateLimits.Refusal> refused = limits.take(limits.attemptsFrom(request.getRemoteAddr()));
        if (refused.isPresent()) {
            refusals.reject(binding, refused.get(), locale);
            return "identity/register";
        }
        if (!challenge.passed(request)) {
            binding.reject("challenge.failed");
            return "identity/register";
        }
        if (binding.hasErrors()) {
            return "identity/register";
        }
        refused = limits.take(limits.messagesTo(registrations.recipient(form.registration())));
        if (refused.isPresent()) {
            refusals.reject(binding, refused.get(), locale);
            return "identity/register";
        }
        RegistrationRequests.Pending pending = registrations.request(form.registration(), locale);
        session.setAttribute(PENDING, pending);
        model.addAttribute("pending", pending);
        model.addAttribute("registrationCode", new OneTimeCodeForm());
        return "identity/register-code";
    }

    @PostMapping("/register/confirm")
    String confirm(
            @Validated @ModelAttribute("registrationCode") OneTimeCodeForm form,
            BindingResult binding,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof RegistrationRequests.Pending pending)) {
            return "redirect:/register";
        }
        model.addAttribute("pending", pending);
        if (binding.hasErrors()) {
            return "identity/register-code";
        }
        RegistrationRequests.Confirmation confirmation = registrations.confirm(pending.reference(), form.getCode());
        switch (confirmation.outcome()) {
            case REGISTERED -> {
                session.removeAttribute(PENDING);
                redirect.addFlashAttribute(
                        "registeredLevel", confirmation.level().level());
                return "redirect:/login?registered";
            }
            case USERNAME_TAKEN -> {
                // Someone else's registration took the name since the form was checked: the form again, as typed.
                session.removeAttribute(PENDING);
                RegistrationForm again = RegistrationForm.of(confirmation.typed());
                BindingResult errors = new BeanPropertyBindingResult(again, "registration");
                errors.rejectValue("username", "register.username.taken");
                model.addAttribute("registration", again);
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "registration", errors);
                return "identity/register";
            }
            case ALREADY_REGISTERED -> {
                session.removeAttribute(PENDING);
                binding.reject("register.confirm.taken");
                return "identity/register-code";
            }
            default -> {
                binding.rejectValue("code", "password.reset.code-invalid");
                return "identity/register-code";
            }
        }
    }
}
