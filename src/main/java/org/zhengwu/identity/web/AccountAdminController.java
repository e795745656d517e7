package org.zhengwu.identity.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.PasswordPolicy;
import org.zhengwu.identity.account.SecondFactor;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.NotFoundException;

/** 用户管理: accounts, their roles, unlocking, resetting a lost second factor, new staff. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasAuthority('account.manage')")
class AccountAdminController {

    static final int PAGE = 30;

    private final AccountRepository accounts;
    private final StaffAccounts staff;
    private final SignInAttempts attempts;
    private final SecondFactor secondFactor;
    private final CitizenAccounts citizens;
    private final Organisations organisations;
    private final AccountabilityLog audit;
    private final AccessRegistry registry;

    AccountAdminController(
            AccountRepository accounts,
            StaffAccounts staff,
            SignInAttempts attempts,
            SecondFactor secondFactor,
            CitizenAccounts citizens,
            Organisations organisations,
            AccountabilityLog audit,
            AccessRegistry registry) {
        this.accounts = accounts;
        this.staff = staff;
        this.attempts = attempts;
        this.secondFactor = secondFactor;
        this.citizens = citizens;
        this.organisations = organisations;
        this.audit = audit;
        this.registry = registry;
    }

    /**
     * The roles and permissions the modules declare, for the screens that show or choose them: {@code modules}
     * (each with its roles and permissions, in module order), {@code declaredRoles} and {@code declaredPermissions}
     * by code.
     */
    private void addVocabulary(Model model) {
        model.addAttribute("modules", registry.modules());
        model.addAttribute(
                "declaredRoles", registry.staffRoles().stream().collect(Collectors.toMap(SuggestedRole::code, r -> r)));
        model.addAttribute("declaredPermissions", registry.permissions());
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        model.addAttribute(
                "accounts",
                accounts.list(q == null || q.isBlank() ? null : q.strip(), PAGE + 1, (long) (current - 1) * PAGE));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("page", current);
        model.addAttribute("q", q == null ? "" : q);
        addVocabulary(model);
        return "identity/admin-accounts";
    }

    private Account account(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.admin.not-found", id));
    }

    @GetMapping("/{id}")
    String account(@PathVariable long id, Model model) {
        Account account = account(id);
        model.addAttribute("account", account);
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(account));
        addVocabulary(model);
        model.addAttribute(
                "organisation",
                account.organisationUscc() == null
                        ? null
                        : organisations.find(account.organisationUscc()).orElse(null));
        model.addAttribute(
                "locked", account.lockedUntil() != null && account.lockedUntil().isAfter(java.time.Instant.now()));
        return "identity/admin-account";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        attempts.unlock(account(id), principal.getName());
        redirect.addFlashAttribute("notice", "account.admin.unlocked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/mfa-reset")
    String resetSecondFactor(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        secondFactor.reset(account(id), principal.getName());
        redirect.addFlashAttribute("notice", "account.admin.mfa-reset");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(
            @PathVariable long id, @RequestParam boolean enabled, Principal principal, RedirectAttributes redirect) {
        Account account = account(id);
        if (account.username().equals(principal.getName())) {
            redirect.addFlashAttribute("problem", "account.admin.not-yourself");
            return "redirect:/admin/accounts/" + id;
        }
        accounts.setEnabled(id, enabled);
        audit.record(AuditEvent.success(
                principal.getName(),
                enabled ? "identity.account.enable" : "identity.account.disable",
                "account",
                account.username()));
        redirect.addFlashAttribute("notice", enabled ? "account.admin.enabled" : "account.admin.disabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/roles")
    String setRoles(
            @PathVariable long id,
            @RequestParam(required = false) List<String> roles,
            Principal principal,
            RedirectAttributes redirect) {
        Account account = account(id);
        if (account.type() != AccountType.STAFF) {
            throw new NotFoundException("account.admin.not-found", id);
        }
        Set<String> chosen = new TreeSet<>();
        if (roles != null) {
            for (String role : roles) {
                // A retired role stays only on the accounts that hold it already; it is never granted anew.
                if (registry.staffRole(role).isEmpty()
                        && !account.retiredRoles().contains(role)) {
                    redirect.addFlashAttribute("problem", "validation.choose");
                    return "redirect:/admin/accounts/" + id;
                }
                chosen.add(role);
            }
        }
        if (account.username().equals(principal.getName()) && !chosen.contains(IdentityAccess.ADMIN)) {
            redirect.addFlashAttribute("problem", "account.admin.not-yourself");
            return "redirect:/admin/accounts/" + id;
        }
        accounts.setRoles(id, chosen);
        audit.record(AuditEvent.success(principal.getName(), "identity.account.roles", "account", account.username())
                .withDetails(chosen.toString()));
        redirect.addFlashAttribute("notice", "account.admin.roles-saved");
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/new")
    String newStaff(Model model) {
        addVocabulary(model);
        model.addAttribute("organisations", organisations.all());
        return "identity/admin-account-new";
    }

    @PostMapping("/new")
    String createStaff(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String password,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (username == null
                || !CitizenAccounts.USERNAME.matcher(username.strip()).matches()) {
            problems.put("username", "register.username.format");
        } else if (accounts.usernameTaken(username.strip())) {
            problems.put("username", "register.username.taken");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.put("displayName", "validation.required");
        }
        String organisationUscc = organisation == null || organisation.isBlank() ? null : organisation.strip();
        if (organisationUscc != null && organisations.find(organisationUscc).isEmpty()) {
            problems.put("organisation", "organisation.not-found");
        }
        Set<String> chosen = new TreeSet<>();
        if (roles != null) {
            roles.forEach(r -> {
                if (registry.staffRole(r).isPresent()) {
                    chosen.add(r);
                } else {
                    problems.put("roles", "validation.choose");
                }
            });
        }
        if (chosen.isEmpty()) {
            problems.putIfAbsent("roles", "account.admin.roles-required");
        }
        List<String> passwordProblems = PasswordPolicy.check(password, username, null);
        if (!passwordProblems.isEmpty()) {
            problems.put("password", passwordProblems.get(0));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("organisationChosen", organisation);
            model.addAttribute("rolesChosen", roles == null ? List.of() : roles);
            return newStaff(model);
        }
        long id = staff.create(
                username.strip(), displayName.strip(), password, organisationUscc, chosen, principal.getName());
        accounts.expirePassword(id);
        redirect.addFlashAttribute("notice", "account.admin.created");
        return "redirect:/admin/accounts/" + id;
    }
}
