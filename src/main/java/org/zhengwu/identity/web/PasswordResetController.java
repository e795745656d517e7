package org.zhengwu.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Notifications;
import org.zhengwu.identity.account.OneTimeCodes;
import org.zhengwu.identity.account.PasswordPolicy;
import org.zhengwu.identity.account.Passwords;

/**
 * 找回密码: a one-time code to the account's mobile (or mailbox), then a new password. Every answer reads the same
 * whether or not the account exists.
 */
@Controller
@RequestMapping("/password/reset")
class PasswordResetController {

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

    @GetMapping
    String start() {
        return "identity/password-reset";
    }

    @PostMapping
    String sendCode(@RequestParam(required = false) String identifier, Model model, Locale locale) {
        if (identifier == null || identifier.isBlank()) {
            model.addAttribute("identifierMissing", true);
            return "identity/password-reset";
        }
        Optional<Account> account = directory.find(identifier);
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
        model.addAttribute("identifier", identifier.strip());
        return "identity/password-reset-code";
    }

    @PostMapping("/confirm")
    String confirm(
            @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation,
            Model model) {
        model.addAttribute("identifier", identifier);
        // Until the code is proved, nothing said depends on the account: not even whether it exists.
        List<String> general = new ArrayList<>(PasswordPolicy.check(password, null, null));
        if (password != null && !password.equals(confirmation)) {
            general.add("register.confirmation");
        }
        if (!general.isEmpty()) {
            model.addAttribute("passwordProblems", general);
            return "identity/password-reset-code";
        }
        Optional<Account> account = directory.find(identifier);
        if (account.isEmpty()
                || codes.check(account.get().id(), OneTimeCodes.Purpose.PASSWORD_RESET, code, false)
                        != OneTimeCodes.Check.ACCEPTED) {
            model.addAttribute("codeProblem", "password.reset.code-invalid");
            return "identity/password-reset-code";
        }
        List<String> problems = passwords.problems(account.get(), password);
        if (!problems.isEmpty()) {
            model.addAttribute("passwordProblems", problems);
            model.addAttribute("code", code);
            return "identity/password-reset-code";
        }
        if (codes.check(account.get().id(), OneTimeCodes.Purpose.PASSWORD_RESET, code, true)
                != OneTimeCodes.Check.ACCEPTED) {
            model.addAttribute("codeProblem", "password.reset.code-invalid");
            return "identity/password-reset-code";
        }
        passwords.change(account.get(), password, "identity.password.reset");
        return "redirect:/login?reset";
    }
}
