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
import org.zhengwu.basedata.ActingOrganisation;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.LegalEntityRecord;
import org.zhengwu.basedata.PersonLookups;
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

    /** The number of the person to look up, and why (shown to that person on their data-use page). */
    public static class PersonLookupForm {
        static final int MIN_PURPOSE = 4;
        static final int MAX_PURPOSE = 200;
        static final Validator RULES = Validator.forInstanceOf(PersonLookupForm.class, (form, errors) -> {
            if (form.idNumber == null || form.idNumber.isBlank()) {
                errors.rejectValue("idNumber", "basedata.lookup.no-number");
            }
            String purpose = form.purpose == null ? "" : form.purpose.strip();
            if (purpose.isEmpty()) {
                errors.rejectValue("purpose", "basedata.lookup.no-purpose");
            } else if (purpose.codePointCount(0, purpose.length()) < MIN_PURPOSE
                    || purpose.codePointCount(0, purpose.length()) > MAX_PURPOSE) {
                errors.rejectValue(
                        "purpose", "basedata.lookup.purpose-length", new Object[] {MIN_PURPOSE, MAX_PURPOSE}, null);
            }
        });

        private String idNumber;
        private String purpose;

        public String getPurpose() {
            return purpose;
        }

        public void setPurpose(String purpose) {
            this.purpose = purpose;
        }

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
    private final ActingOrganisation acting;

    LibraryLookupController(
            Population population,
            LegalEntities legalEntities,
            Divisions divisions,
            AccountabilityLog audit,
            ActingOrganisation acting) {
        this.population = population;
        this.legalEntities = legalEntities;
        this.divisions = divisions;
        this.audit = audit;
        this.acting = acting;
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
        if (!binding.hasFieldErrors("idNumber")) {
            CodeCheck check = CitizenIdNumber.check(form.getIdNumber(), divisions.today());
            if (!check.isValid()) {
                FormErrors.rejectIfInvalid(binding, "idNumber", check);
            }
        }
        if (binding.hasErrors()) {
            return page(null, principal, model);
        }
        Optional<PersonRecord> person = population.find(form.getIdNumber());
        // The purpose is the entry's details and the organisation its acting-for: the person's data-use page shows
        // both (PersonLookups).
        audit.record(new AuditEvent(
                principal.getName(),
                acting.uscc().orElse(null),
                PersonLookups.ACTION,
                PersonLookups.OBJECT_TYPE,
                person.map(p -> Long.toString(p.recordId())).orElse(null),
                person.isPresent() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                person.isPresent()
                        ? form.getPurpose().strip()
                        : "not found: " + form.getPurpose().strip()));
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
