package org.zhengwu.identity.web;

import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/** 个人注册: a natural person creates their account. */
@Controller
class RegistrationController {

    private final CitizenAccounts citizens;

    RegistrationController(CitizenAccounts citizens) {
        this.citizens = citizens;
    }

    /** The registration form as posted. */
    public static class RegistrationForm {
        private String username;
        private String realName;
        private String idNumber;
        private String mobile;
        private String email;

        @AsTyped
        private String password;

        @AsTyped
        private String confirmation;

        CitizenAccounts.Registration registration() {
            return new CitizenAccounts.Registration(
                    username, realName, idNumber, mobile, email, password, confirmation);
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

    /** The registration rules live with the accounts: format, uniqueness, the password policy. */
    @InitBinder("registration")
    void rules(WebDataBinder binder) {
        binder.addValidators(Validator.forInstanceOf(
                RegistrationForm.class, (form, errors) -> citizens.validate(form.registration(), errors)));
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("registration", new RegistrationForm());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(
            @Validated @ModelAttribute("registration") RegistrationForm form,
            BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "identity/register";
        }
        RealNameLevel level;
        try {
            level = citizens.register(form.registration());
        } catch (DuplicateKeyException e) {
            // Someone registered the same username, number or mobile since the check: the check now says which.
            citizens.validate(form.registration(), binding);
            if (!binding.hasErrors()) {
                throw e;
            }
            return "identity/register";
        }
        redirect.addFlashAttribute("registeredLevel", level.level());
        return "redirect:/login?registered";
    }
}
