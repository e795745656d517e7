package org.zhengwu.identity.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.FormErrors;

/** 窗口现场核验: a clerk who has seen a citizen and their identity card raises the account to L4. */
@Controller
@RequestMapping("/admin/identity/in-person")
@PreAuthorize("hasAuthority('identity.verify-in-person')")
class InPersonVerificationController {

    /** The number on the identity card the clerk holds. */
    public static class InPersonForm {
        private String idNumber;

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }
    }

    private final AccountDirectory directory;
    private final CitizenAccounts citizens;
    private final Clock clock;

    InPersonVerificationController(AccountDirectory directory, CitizenAccounts citizens, Clock clock) {
        this.directory = directory;
        this.citizens = citizens;
        this.clock = clock;
    }

    /** The number must be one that can exist today (GB 11643: its date of birth is not in the future). */
    @InitBinder("person")
    void rules(WebDataBinder binder) {
        binder.addValidators(Validator.forInstanceOf(
                InPersonForm.class,
                (form, errors) -> FormErrors.rejectIfInvalid(
                        errors,
                        "idNumber",
                        CitizenIdNumber.check(form.getIdNumber(), LocalDate.now(clock.withZone(BusinessTime.ZONE))))));
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("person", new InPersonForm());
        return "identity/in-person";
    }

    @PostMapping
    String find(@Validated @ModelAttribute("person") InPersonForm form, BindingResult binding, Model model) {
        Optional<Account> account = person(form, binding);
        if (account.isEmpty()) {
            return "identity/in-person";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(account.get()));
        return "identity/in-person";
    }

    @PostMapping("/confirm")
    String confirm(
            @Validated @ModelAttribute("person") InPersonForm form,
            BindingResult binding,
            Principal clerk,
            Model model) {
        Optional<Account> account = person(form, binding);
        if (account.isEmpty()) {
            return "identity/in-person";
        }
        if (citizens.seenInPerson(account.get(), clerk.getName())) {
            model.addAttribute("notice", "in-person.done");
        } else {
            binding.rejectValue("idNumber", "in-person.level-too-low");
        }
        return "identity/in-person";
    }

    /** The person's account, or empty with the reason on the form. */
    private Optional<Account> person(InPersonForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return Optional.empty();
        }
        Optional<Account> account = directory.find(form.getIdNumber()).filter(a -> a.type() == AccountType.PERSON);
        if (account.isEmpty()) {
            binding.rejectValue("idNumber", "in-person.no-account");
        }
        return account;
    }
}
