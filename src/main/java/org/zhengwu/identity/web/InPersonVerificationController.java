package org.zhengwu.identity.web;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;

/** 窗口现场核验: a clerk who has seen a citizen and their identity card raises the account to L4. */
@Controller
@RequestMapping("/admin/identity/in-person")
@PreAuthorize("hasAuthority('identity.verify-in-person')")
class InPersonVerificationController {

    private final AccountDirectory directory;
    private final CitizenAccounts citizens;
    private final MessageSource messages;

    InPersonVerificationController(AccountDirectory directory, CitizenAccounts citizens, MessageSource messages) {
        this.directory = directory;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form() {
        return "identity/in-person";
    }

    @PostMapping
    String find(@RequestParam(required = false) String idNumber, Model model, Locale locale) {
        CodeCheck check =
                CitizenIdNumber.check(idNumber, java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE));
        model.addAttribute("idNumber", idNumber);
        if (!check.isValid()) {
            model.addAttribute(
                    "problem", messages.getMessage(check.defect().messageKey(), check.argumentArray(), locale));
            return "identity/in-person";
        }
        Optional<Account> account = directory.find(check.normalised()).filter(a -> a.type() == AccountType.PERSON);
        if (account.isEmpty()) {
            model.addAttribute("problem", messages.getMessage("in-person.no-account", null, locale));
            return "identity/in-person";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(account.get()));
        return "identity/in-person";
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam String idNumber, Principal clerk, Model model, Locale locale) {
        Optional<Account> account = directory.find(idNumber).filter(a -> a.type() == AccountType.PERSON);
        if (account.isEmpty()) {
            model.addAttribute("problem", messages.getMessage("in-person.no-account", null, locale));
            return "identity/in-person";
        }
        boolean raised = citizens.seenInPerson(account.get(), clerk.getName());
        if (raised) {
            model.addAttribute("notice", "in-person.done");
        } else {
            model.addAttribute("problem", messages.getMessage("in-person.level-too-low", null, locale));
        }
        return "identity/in-person";
    }
}
