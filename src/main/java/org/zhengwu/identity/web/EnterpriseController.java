package org.zhengwu.identity.web;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 法人: a person registers the enterprise they legally represent, and manages its agents (经办人). Only the
 * representative sees an enterprise's agents; anyone else is told there is no such enterprise.
 */
@Controller
@RequestMapping("/account/enterprises")
class EnterpriseController {

    static final int MAX_NAME = 200;

    /** An enterprise to register: its 统一社会信用代码 and its name. */
    public static class EnterpriseForm {
        static final Validator RULES = Validator.forInstanceOf(EnterpriseForm.class, (form, errors) -> {
            FormErrors.rejectIfInvalid(errors, "uscc", UnifiedSocialCreditCode.check(form.uscc));
            ValidationUtils.rejectIfEmpty(errors, "name", "validation.required");
            if (form.name != null && form.name.length() > MAX_NAME) {
                FormErrors.reject(errors, "name", "validation.too-long", MAX_NAME);
            }
        });

        private String uscc;
        private String name;

        public String getUscc() {
            return uscc;
        }

        public void setUscc(String uscc) {
            this.uscc = uscc;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** An agent to authorise: who, for what, from when to when. */
    public static class AgentGrantForm {
        static final Validator RULES = Validator.forInstanceOf(AgentGrantForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "agent", "validation.required");
            if (scope(form.scope) == null) {
                errors.rejectValue("scope", "validation.choose");
            }
            if (!errors.hasFieldErrors("from")) {
                ValidationUtils.rejectIfEmpty(errors, "from", "validation.required");
            }
            if (!errors.hasFieldErrors("to")) {
                ValidationUtils.rejectIfEmpty(errors, "to", "validation.required");
            }
            if (form.from != null && form.to != null && form.to.isBefore(form.from)) {
                errors.rejectValue("to", "enterprise.agent.period");
            }
        });

        private String agent;
        private String scope;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        static Enterprises.AgentScope scope(String value) {
            for (Enterprises.AgentScope scope : Enterprises.AgentScope.values()) {
                if (scope.name().equals(value)) {
                    return scope;
                }
            }
            return null;
        }

        public String getAgent() {
            return agent;
        }

        public void setAgent(String agent) {
            this.agent = agent;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }
    }

    private final AccountDirectory directory;
    private final Enterprises enterprises;

    EnterpriseController(AccountDirectory directory, Enterprises enterprises) {
        this.directory = directory;
        this.enterprises = enterprises;
    }

    @InitBinder("newEnterprise")
    void enterpriseRules(WebDataBinder binder) {
        binder.addValidators(EnterpriseForm.RULES);
    }

    @InitBinder("grant")
    void grantRules(WebDataBinder binder) {
        binder.addValidators(AgentGrantForm.RULES);
    }

    private Account person(Authentication authentication) {
        Account account = directory.find(authentication.getName()).orElseThrow();
        if (account.type() != AccountType.PERSON) {
            throw new NotFoundException("enterprise.not-found");
        }
        return account;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        Account account = person(authentication);
        model.addAttribute("capacities", enterprises.capacities(account));
        model.addAttribute("canRegister", account.realNameLevel().atLeast(RealNameLevel.MOBILE_VERIFIED));
        if (!model.containsAttribute("newEnterprise")) {
            model.addAttribute("newEnterprise", new EnterpriseForm());
        }
        return "identity/enterprises";
    }

    @PostMapping
    String register(
            @Validated @ModelAttribute("newEnterprise") EnterpriseForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        if (!account.realNameLevel().atLeast(RealNameLevel.MOBILE_VERIFIED)) {
            binding.reject("enterprise.level-required");
        }
        String uscc = UnifiedSocialCreditCode.check(form.getUscc()).normalised();
        if (!binding.hasFieldErrors("uscc") && enterprises.registered(uscc)) {
            binding.rejectValue("uscc", "enterprise.registered");
        }
        if (binding.hasErrors()) {
            return list(authentication, model);
        }
        try {
            enterprises.register(uscc, form.getName(), account);
        } catch (DuplicateKeyException e) {
            // Registered by someone else since the check above.
            binding.rejectValue("uscc", "enterprise.registered");
            return list(authentication, model);
        }
        redirect.addFlashAttribute("notice", "enterprise.registered.done");
        return "redirect:/account/enterprises";
    }

    private Enterprises.Enterprise represented(long id, Account account) {
        return enterprises
                .find(id)
                .filter(e -> e.representativeId() == account.id())
                .orElseThrow(() -> new NotFoundException("enterprise.not-found"));
    }

    @GetMapping("/{id}")
    String enterprise(@PathVariable long id, Authentication authentication, Model model) {
        Account account = person(authentication);
        Enterprises.Enterprise enterprise = represented(id, account);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("grants", enterprises.grants(id));
        model.addAttribute("scopes", Enterprises.AgentScope.values());
        model.addAttribute("today", enterprises.today());
        if (!model.containsAttribute("grant")) {
            AgentGrantForm form = new AgentGrantForm();
            form.setFrom(enterprises.today());
            model.addAttribute("grant", form);
        }
        return "identity/enterprise";
    }

    @PostMapping("/{id}/agents")
    String grant(
            @PathVariable long id,
            @Validated @ModelAttribute("grant") AgentGrantForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        Enterprises.Enterprise enterprise = represented(id, account);
        Optional<Account> agent = directory.find(form.getAgent()).filter(a -> a.type() == AccountType.PERSON);
        if (!binding.hasFieldErrors("agent")) {
            if (agent.isEmpty()) {
                binding.rejectValue("agent", "enterprise.agent.unknown");
            } else if (agent.get().id() == account.id()) {
                binding.rejectValue("agent", "enterprise.agent.self");
            } else if (!agent.get().realNameLevel().atLeast(RealNameLevel.ID_MATCHED)) {
                binding.rejectValue("agent", "enterprise.agent.level");
            }
        }
        if (binding.hasErrors()) {
            return enterprise(id, authentication, model);
        }
        enterprises.grant(
                enterprise, account, agent.get(), AgentGrantForm.scope(form.getScope()), form.getFrom(), form.getTo());
        redirect.addFlashAttribute("notice", "enterprise.agent.granted");
        return "redirect:/account/enterprises/" + id;
    }

    @PostMapping("/{id}/agents/{grantId}/revoke")
    String revoke(
            @PathVariable long id,
            @PathVariable long grantId,
            Authentication authentication,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        Enterprises.Enterprise enterprise = represented(id, account);
        if (!enterprises.revoke(enterprise, grantId, account)) {
            throw new NotFoundException("enterprise.agent.not-found");
        }
        redirect.addFlashAttribute("notice", "enterprise.agent.revoked");
        return "redirect:/account/enterprises/" + id;
    }
}
