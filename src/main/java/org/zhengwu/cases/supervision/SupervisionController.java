package org.zhengwu.cases.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.FormChoices;

/**
 * 电子监察 for supervisors: the open warnings of their region counted by department and by region, the warnings
 * themselves with filters, each leading to its case, and 督办 on one warning.
 */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasAuthority('cases.supervise')")
class SupervisionController {

    static final int MAX_NOTE = 2000;

    /** 督办: what the supervisor asks of the department. */
    public static class SuperviseForm {
        static final Validator RULES = Validator.forInstanceOf(SuperviseForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "note", "validation.required");
            if (form.note != null && form.note.length() > MAX_NOTE) {
                errors.rejectValue("note", "validation.too-long", new Object[] {MAX_NOTE}, null);
            }
        });

        private String note;

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** The list's filters, as given in the query string. */
    public static class FilterForm {
        private String level;
        private String organisation;
        private String state;

        public String getLevel() {
            return level;
        }

        public void setLevel(String level) {
            this.level = level;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getState() {
            return state;
        }

        public void setState(String state) {
            this.state = state;
        }
    }

    /** A count with the name of what it counts. */
    record NamedCount(String code, String name, int yellow, int red) {}

    private final SupervisionQueries queries;
    private final Supervision supervision;
    private final Organisations organisations;
    private final Divisions divisions;
    private final Actors actors;

    SupervisionController(
            SupervisionQueries queries,
            Supervision supervision,
            Organisations organisations,
            Divisions divisions,
            Actors actors) {
        this.queries = queries;
        this.supervision = supervision;
        this.organisations = organisations;
        this.divisions = divisions;
        this.actors = actors;
    }

    @InitBinder("supervise")
    void superviseRules(WebDataBinder binder) {
        binder.addValidators(SuperviseForm.RULES);
    }

    @GetMapping
    String overview(
            @ModelAttribute("filter") FilterForm filter, @RequestParam(defaultValue = "1") int page, Model model) {
        WarningLevel level = filter.getLevel() == null ? null : parse(WarningLevel.class, "level", filter.getLevel());
        SupervisionQueries.State state = filter.getState() == null
                ? SupervisionQueries.State.OPEN
                : parse(SupervisionQueries.State.class, "state", filter.getState());
        String organisation = filter.getOrganisation() == null
                ? null
                : filter.getOrganisation().toUpperCase(Locale.ROOT);
        if (organisation != null && !organisation.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            throw new BadParameterException("organisation", "search.problem.unknown-code", filter.getOrganisation());
        }
        if (page < 1 || page > 10_000) {
            throw new BadParameterException("page", "search.problem.number", 1, 10_000);
        }
        filter.setState(state.name());
        Actor actor = actors.require();
        Map<String, String> names = organisationNames(queries.organisations(actor));
        model.addAttribute(
                "byOrganisation",
                queries.openByOrganisation(actor).stream()
                        .map(c -> new NamedCount(c.key(), names.getOrDefault(c.key(), c.key()), c.yellow(), c.red()))
                        .toList());
        model.addAttribute(
                "byDivision",
                queries.openByDivision(actor).stream()
                        .map(c -> new NamedCount(
                                c.key(),
                                divisions.current(c.key()).map(Division::name).orElse(c.key()),
                                c.yellow(),
                                c.red()))
                        .toList());
        model.addAttribute("organisationNames", names);
        model.addAttribute(
                "organisationChoices",
                names.entrySet().stream()
                        .map(e -> FormChoices.Choice.of(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "warnings", queries.list(actor, new SupervisionQueries.Filter(level, organisation, state), page));
        model.addAttribute("page", page);
        model.addAttribute("levels", WarningLevel.values());
        model.addAttribute("states", SupervisionQueries.State.values());
        return "cases/supervision/overview";
    }

    @GetMapping("/warnings/{id}")
    String warning(@PathVariable long id, Model model) {
        Actor actor = actors.require();
        Warning warning = supervision.reachable(actor, id);
        model.addAttribute("warning", warning);
        model.addAttribute(
                "organisationName",
                organisations
                        .find(warning.organisationUscc())
                        .map(Organisation::name)
                        .orElse(warning.organisationUscc()));
        model.addAttribute(
                "divisionName",
                divisions.current(warning.divisionCode()).map(Division::name).orElse(warning.divisionCode()));
        if (!model.containsAttribute("supervise")) {
            model.addAttribute("supervise", new SuperviseForm());
        }
        return "cases/supervision/warning";
    }

    @PostMapping("/warnings/{id}/supervise")
    String supervise(
            @PathVariable long id,
            @Validated @ModelAttribute("supervise") SuperviseForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        supervision.reachable(actor, id);
        if (binding.hasErrors()) {
            return warning(id, model);
        }
        try {
            supervision.supervise(actor, id, form.getNote());
        } catch (CaseConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.messageKey());
            model.addAttribute("problemArguments", e.arguments());
            return warning(id, model);
        }
        redirect.addFlashAttribute("notice", "cases.supervision.supervised");
        return "redirect:/supervision/warnings/" + id;
    }

    private Map<String, String> organisationNames(List<String> usccs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Organisation o : organisations.findAll(usccs)) {
            names.put(o.uscc(), o.name());
        }
        // Those base data does not know are listed by their code.
        usccs.forEach(uscc -> names.putIfAbsent(uscc, uscc));
        return names;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, "search.problem.unknown-code", value);
        }
    }
}
