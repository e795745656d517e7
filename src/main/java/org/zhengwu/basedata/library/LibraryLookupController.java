package org.zhengwu.basedata.library;

import java.security.Principal;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.LegalEntityRecord;
import org.zhengwu.basedata.PersonRecord;
import org.zhengwu.basedata.Population;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.web.FormErrors;

/**
 * Staff look up one person by 公民身份号码 (posted, so that the number stays out of addresses and logs; there is no
 * list of the population to browse) and search legal entities by name or code. Every lookup is in the accountability
 * log, a person's by record id.
 */
@Controller
@RequestMapping("/admin/basedata/lookup")
@PreAuthorize("hasAuthority('basedata.lookup')")
class LibraryLookupController {

    /** The number of the person to look up. */
    public static class PersonLookupForm {
        static final Validator RULES = Validator.forInstanceOf(PersonLookupForm.class, (form, errors) -> {
            if (form.idNumber == null || form.idNumber.isBlank()) {
                errors.rejectValue("idNumber", "basedata.lookup.no-number");
            }
        });

        private String idNumber;

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }
    }

    static final int MAX_ENTITIES = 50;

    private final Population population;
    private final LegalEntities legalEntities;
    private final Divisions divisions;
    private final AccountabilityLog audit;

    LibraryLookupController(
            Population population, LegalEntities legalEntities, Divisions divisions, AccountabilityLog audit) {
        this.population = population;
        this.legalEntities = legalEntities;
        this.divisions = divisions;
        this.audit = audit;
    }

    @InitBinder("personLookup")
    void rules(WebDataBinder binder) {
        binder.addValidators(PersonLookupForm.RULES);
    }

    @GetMapping
    String page(@RequestParam(name = "entity", required = false) String entity, Principal principal, Model model) {
        if (!model.containsAttribute("personLookup")) {
            model.addAttribute("personLookup", new PersonLookupForm());
        }
        String text = entity == null ? "" : entity.strip();
        model.addAttribute("entity", text);
        if (!text.isEmpty()) {
            List<LegalEntityRecord> found = UnifiedCode.looksLikeCode(text)
                    ? legalEntities.find(text).map(List::of).orElse(List.of())
                    : legalEntities.search(text, MAX_ENTITIES);
            audit.record(AuditEvent.success(principal.getName(), "basedata.lookup.entity", "legal-entity-search", null)
                    .withDetails(text.length() > 60 ? text.substring(0, 60) : text));
            model.addAttribute("entities", found);
        }
        return "basedata/lookup";
    }

    @PostMapping("/person")
    String person(
            @Validated @ModelAttribute("personLookup") PersonLookupForm form,
            BindingResult binding,
            Principal principal,
            Model model) {
        if (!binding.hasErrors()) {
            CodeCheck check = CitizenIdNumber.check(form.getIdNumber(), divisions.today());
            if (!check.isValid()) {
                FormErrors.rejectIfInvalid(binding, "idNumber", check);
            }
        }
        if (binding.hasErrors()) {
            return page(null, principal, model);
        }
        Optional<PersonRecord> person = population.find(form.getIdNumber());
        audit.record(new AuditEvent(
                principal.getName(),
                null,
                "basedata.lookup.person",
                "person",
                person.map(p -> Long.toString(p.recordId())).orElse(null),
                person.isPresent() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                person.isPresent() ? null : "not found"));
        model.addAttribute("searched", true);
        person.ifPresent(p -> {
            model.addAttribute("person", p);
            model.addAttribute(
                    "household",
                    p.householdDivision() == null ? List.<Division>of() : divisions.pathFromTop(p.householdDivision()));
        });
        return page(null, principal, model);
    }

    /** Whether the text is an 18-character 统一社会信用代码 rather than part of a name. */
    static final class UnifiedCode {
        private UnifiedCode() {}

        static boolean looksLikeCode(String text) {
            return text.length() == 18 && text.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
        }
    }
}
