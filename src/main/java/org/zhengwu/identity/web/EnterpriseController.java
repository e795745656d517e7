package org.zhengwu.identity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 法人: a person registers the enterprise they legally represent, and manages its agents (经办人). Only the
 * representative sees an enterprise's agents; anyone else is told there is no such enterprise.
 */
@Controller
@RequestMapping("/account/enterprises")
class EnterpriseController {

    static final int MAX_NAME = 200;

    private final AccountDirectory directory;
    private final Enterprises enterprises;
    private final MessageSource messages;

    EnterpriseController(AccountDirectory directory, Enterprises enterprises, MessageSource messages) {
        this.directory = directory;
        this.enterprises = enterprises;
        this.messages = messages;
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
        return "identity/enterprises";
    }

    @PostMapping
    String register(
            @RequestParam(required = false) String uscc,
            @RequestParam(required = false) String name,
            Authentication authentication,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!account.realNameLevel().atLeast(RealNameLevel.MOBILE_VERIFIED)) {
            problems.put("level", "enterprise.level-required");
        }
        CodeCheck code = UnifiedSocialCreditCode.check(uscc);
        if (!code.isValid()) {
            problems.put("uscc", messages.getMessage(code.defect().messageKey(), code.argumentArray(), locale));
        } else if (enterprises.registered(code.normalised())) {
            problems.put("uscc", "enterprise.registered");
        }
        if (name == null || name.isBlank()) {
            problems.put("name", "validation.required");
        } else if (name.strip().length() > MAX_NAME) {
            problems.put("name", "validation.too-long");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", resolved(problems, locale));
            model.addAttribute("uscc", uscc);
            model.addAttribute("name", name);
            return list(authentication, model);
        }
        enterprises.register(code.normalised(), name.strip(), account);
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
        return "identity/enterprise";
    }

    @PostMapping("/{id}/agents")
    String grant(
            @PathVariable long id,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Authentication authentication,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Account account = person(authentication);
        Enterprises.Enterprise enterprise = represented(id, account);
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<Account> agentAccount = directory.find(agent).filter(a -> a.type() == AccountType.PERSON);
        if (agent == null || agent.isBlank()) {
            problems.put("agent", "validation.required");
        } else if (agentAccount.isEmpty()) {
            problems.put("agent", "enterprise.agent.unknown");
        } else if (agentAccount.get().id() == account.id()) {
            problems.put("agent", "enterprise.agent.self");
        } else if (!agentAccount.get().realNameLevel().atLeast(RealNameLevel.ID_MATCHED)) {
            problems.put("agent", "enterprise.agent.level");
        }
        Enterprises.AgentScope agentScope = null;
        try {
            agentScope = Enterprises.AgentScope.valueOf(String.valueOf(scope));
        } catch (IllegalArgumentException e) {
            problems.put("scope", "validation.choose");
        }
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.put("to", "enterprise.agent.period");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", resolved(problems, locale));
            return enterprise(id, authentication, model);
        }
        enterprises.grant(enterprise, account, agentAccount.get(), agentScope, fromDate, toDate);
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

    /** Problems as messages in the reader's language; entries already resolved are kept as they are. */
    private Map<String, String> resolved(Map<String, String> problems, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        problems.forEach(
                (field, key) -> texts.put(field, messages.getMessage(key, new Object[] {MAX_NAME}, key, locale)));
        return texts;
    }

    private static LocalDate date(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            problems.put(field, "validation.required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "import.date");
            return null;
        }
    }
}
