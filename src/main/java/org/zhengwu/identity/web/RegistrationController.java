package org.zhengwu.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.CitizenAccounts;

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
        private String password;
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

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, RedirectAttributes redirect) {
        citizens.validate(form.registration(), binding);
        if (binding.hasErrors()) {
            form.setPassword(null);
            form.setConfirmation(null);
            return "identity/register";
        }
        RealNameLevel level = citizens.register(form.registration());
        redirect.addFlashAttribute("registeredLevel", level.level());
        return "redirect:/login?registered";
    }
}
