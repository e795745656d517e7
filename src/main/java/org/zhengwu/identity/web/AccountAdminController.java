package org.zhengwu.identity.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import org.zhengwu.identity.account.AccessWithdrawal;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.AdministratorDuties;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.PasswordPolicy;
import org.zhengwu.identity.account.SecondFactor;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.FormChoices;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/**
 * 用户管理: accounts, their roles, unlocking, resetting a lost second factor, new staff. Each of the separated
 * administrators sees the accounts and does its own part only (三员分立): the system administrator creates, enables
 * and disables ({@code account.manage}), the security administrator grants roles ({@code account.grant}) and unlocks
 * and resets second factors ({@code account.secure}); the rules on roles are {@link AdministratorDuties}'.
 */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasAnyAuthority('account.manage', 'account.grant', 'account.secure')")
class AccountAdminController {

    static final int PAGE = 30;

    /** The account list's search: part of a username or name, or a whole mobile number. */
    public static class AccountSearch {
        private String q;

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }
    }

    /** The roles a member of staff holds, as the checkboxes post them. */
    public static class RolesForm {
        private List<String> roles = new ArrayList<>();

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }

    /** A new member of staff; the initial password is kept exactly as typed. */
    public static class StaffAccountForm extends RolesForm {
        private String username;
        private String displayName;
        private String organisation;

        @AsTyped
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    private final AccountRepository accounts;
    private final StaffAccounts staff;
    private final SignInAttempts attempts;
    private final SecondFactor secondFactor;
    private final CitizenAccounts citizens;
    private final ContactDetails contacts;
    private final Organisations organisations;
    private final AccountabilityLog audit;
    private final AccessRegistry registry;
    private final AdministratorDuties duties;
    private final AccessWithdrawal withdrawal;

    AccountAdminController(
            AccountRepository accounts,
            StaffAccounts staff,
            SignInAttempts attempts,
            SecondFactor secondFactor,
            CitizenAccounts citizens,
            ContactDetails contacts,
            Organisations organisations,
            AccountabilityLog audit,
            AccessRegistry registry,
            AdministratorDuties duties,
            AccessWithdrawal withdrawal) {
        this.accounts = accounts;
        this.staff = staff;
        this.attempts = attempts;
        this.secondFactor = secondFactor;
        this.citizens = citizens;
        this.contacts = contacts;
        this.organisations = organisations;
        this.audit = audit;
        this.registry = registry;
        this.duties = duties;
        this.withdrawal = withdrawal;
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

    @InitBinder("staffAccount")
    void staffRules(WebDataBinder binder) {
        binder.addValidators(Validator.forInstanceOf(StaffAccountForm.class, (form, errors) -> {
            if (form.getUsername() == null
                    || !CitizenAccounts.USERNAME.matcher(form.getUsername()).matches()) {
                errors.rejectValue("username", "register.username.format");
            }
            ValidationUtils.rejectIfEmpty(errors, "displayName", "validation.required");
            if (form.getOrganisation() != null
                    && organisations.find(form.getOrganisation()).isEmpty()) {
                errors.rejectValue("organisation", "organisation.not-found");
            }
            FormErrors.rejectEach(
                    errors, "password", PasswordPolicy.check(form.getPassword(), form.getUsername(), null));
        }));
    }

    /**
     * The roles named, each one a role some module declares or — on an account that holds it already — a retired
     * one (a retired role stays on its holders until removed, but is never granted anew); any other name is an error
     * of the field {@code roles}.
     */
    private Set<String> roles(List<String> names, Set<String> retiredHeld, Errors errors) {
        Set<String> chosen = new TreeSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            if (registry.staffRole(name).isPresent() || retiredHeld.contains(name)) {
                chosen.add(name);
            } else {
                FormErrors.rejectUnlessMarked(errors, "roles", "validation.choose");
            }
        }
        return chosen;
    }

    @GetMapping
    String list(
            @ModelAttribute("search") AccountSearch search, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        String q = search.getQ();
        // Mobiles are kept encrypted: a whole number is found through its blind index, never by part.
        String mobileIndex = q != null && AccountDirectory.MOBILE.matcher(q).matches() ? contacts.mobileIndex(q) : null;
        model.addAttribute("accounts", accounts.list(q, mobileIndex, PAGE + 1, (long) (current - 1) * PAGE));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("page", current);
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
        if (!model.containsAttribute("accountRoles")) {
            RolesForm roles = new RolesForm();
            roles.getRoles().addAll(account.roles());
            roles.getRoles().addAll(account.retiredRoles());
            model.addAttribute("accountRoles", roles);
        }
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(account));
        model.addAttribute("maskedMobile", contacts.maskedMobile(account));
        model.addAttribute("maskedEmail", contacts.maskedEmail(account));
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

    /** Each problem of a set of roles, as an error of the form's roles. */
    private void rejectProblems(String organisationUscc, Set<String> roles, Errors errors) {
        for (AdministratorDuties.RoleProblem problem : duties.problems(organisationUscc, roles)) {
            FormErrors.reject(errors, "roles", problem.messageKey(), problem.arguments());
        }
    }

    private static boolean holds(Authentication authentication, String permission) {
        return authentication.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }

    private void recordRefusal(String actor, String username, String details) {
        audit.record(new AuditEvent(
                actor, null, "identity.account.roles", "account", username, AuditEvent.Outcome.DENIED, details));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('account.secure')")
    String unlock(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        attempts.unlock(account(id), principal.getName());
        redirect.addFlashAttribute("notice", "account.admin.unlocked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/mfa-reset")
    @PreAuthorize("hasAuthority('account.secure')")
    String resetSecondFactor(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        Account account = account(id);
        secondFactor.reset(account, principal.getName());
        // Whoever holds the lost authenticator may have signed in with it.
        withdrawal.withdraw(account, principal.getName(), AccessWithdrawal.Reason.SECOND_FACTOR_RESET);
        redirect.addFlashAttribute("notice", "account.admin.mfa-reset");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('account.manage')")
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
        if (!enabled) {
            withdrawal.withdraw(account, principal.getName(), AccessWithdrawal.Reason.DISABLED);
        }
        redirect.addFlashAttribute("notice", enabled ? "account.admin.enabled" : "account.admin.disabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('account.grant')")
    String setRoles(
            @PathVariable long id,
            @ModelAttribute("accountRoles") RolesForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Account account = account(id);
        if (account.type() != AccountType.STAFF) {
            throw new NotFoundException("account.admin.not-found", id);
        }
        Set<String> chosen = roles(form.getRoles(), account.retiredRoles(), binding);
        if (account.username().equals(principal.getName())) {
            // Nobody decides their own roles, not even to keep them: that is what keeps the duties apart.
            FormErrors.reject(binding, "roles", "account.admin.not-your-roles");
            recordRefusal(principal.getName(), account.username(), "own roles " + chosen);
            return account(id, model);
        }
        if (!binding.hasErrors()) {
            rejectProblems(account.organisationUscc(), chosen, binding);
            if (binding.hasErrors()) {
                recordRefusal(principal.getName(), account.username(), chosen.toString());
            }
        }
        if (binding.hasErrors()) {
            return account(id, model);
        }
        accounts.setRoles(id, chosen);
        audit.record(AuditEvent.success(principal.getName(), "identity.account.roles", "account", account.username())
                .withDetails(chosen.toString()));
        // A retired role grants nothing: removing one withdraws no access. Sessions keep the roles they began with,
        // so one that lost a role must end; a role added takes effect at the next sign-in.
        if (!chosen.containsAll(account.roles())) {
            withdrawal.withdraw(account, principal.getName(), AccessWithdrawal.Reason.ROLE_REMOVED);
        }
        redirect.addFlashAttribute("notice", "account.admin.roles-saved");
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('account.manage')")
    String newStaff(Model model) {
        addVocabulary(model);
        model.addAttribute(
                "organisations",
                organisations.all().stream()
                        .map(o -> FormChoices.Choice.of(o.uscc(), o.name()))
                        .toList());
        if (!model.containsAttribute("staffAccount")) {
            model.addAttribute("staffAccount", new StaffAccountForm());
        }
        return "identity/admin-account-new";
    }

    /**
     * A new member of staff, with roles only when the creator may grant them ({@code account.grant}); otherwise the
     * security administrator grants them afterwards.
     */
    @PostMapping("/new")
    @PreAuthorize("hasAuthority('account.manage')")
    String createStaff(
            @Validated @ModelAttribute("staffAccount") StaffAccountForm form,
            BindingResult binding,
            Authentication principal,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("username") && accounts.usernameTaken(form.getUsername())) {
            binding.rejectValue("username", "register.username.taken");
        }
        Set<String> chosen = Set.of();
        if (holds(principal, IdentityAccess.ACCOUNT_GRANT)) {
            chosen = roles(form.getRoles(), Set.of(), binding);
            if (chosen.isEmpty() && !binding.hasFieldErrors("roles")) {
                binding.rejectValue("roles", "account.admin.roles-required");
            }
            if (!binding.hasFieldErrors("roles") && !binding.hasFieldErrors("organisation")) {
                rejectProblems(form.getOrganisation(), chosen, binding);
                if (binding.hasFieldErrors("roles")) {
                    recordRefusal(principal.getName(), form.getUsername(), chosen.toString());
                }
            }
        } else if (form.getRoles() != null && !form.getRoles().isEmpty()) {
            recordRefusal(principal.getName(), form.getUsername(), "roles without account.grant " + form.getRoles());
            throw new AccessDeniedException("granting roles needs " + IdentityAccess.ACCOUNT_GRANT);
        }
        if (binding.hasErrors()) {
            return newStaff(model);
        }
        long id;
        try {
            id = staff.create(
                    form.getUsername(),
                    form.getDisplayName(),
                    form.getPassword(),
                    form.getOrganisation(),
                    chosen,
                    principal.getName());
        } catch (DuplicateKeyException e) {
            // Taken by someone else since the check above.
            binding.rejectValue("username", "register.username.taken");
            return newStaff(model);
        }
        accounts.expirePassword(id);
        redirect.addFlashAttribute("notice", "account.admin.created");
        return "redirect:/admin/accounts/" + id;
    }
}
