package org.zhengwu.cases.handling;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.HeldLicences;
import org.zhengwu.cases.lifecycle.BundleRecords;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.cases.lifecycle.LicenceMaterial;
import org.zhengwu.cases.lifecycle.MaterialDownloads;
import org.zhengwu.cases.notice.CaseNotice;
import org.zhengwu.cases.supervision.ClockPanel;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.web.BadParameterException;

/** The clerk workbench (办件工作台): 待办, 已办 and every case in reach; one case with the steps the clerk may take. */
@Controller
@RequestMapping("/workbench")
@PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review', 'cases.approve', 'cases.supervise')")
class WorkbenchController {

    /** The list's filters, as typed in the query string. */
    public static class FilterForm {
        private String status;
        private String item;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueBy;

        private String channel;
        private String number;

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
        }

        public LocalDate getDueBy() {
            return dueBy;
        }

        public void setDueBy(LocalDate dueBy) {
            this.dueBy = dueBy;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }
    }

    /** One step taken on a case, on the version the clerk was shown. */
    public static class ActionForm {
        static final Validator RULES = Validator.forInstanceOf(ActionForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "action", "validation.required");
            if (form.opinion != null && form.opinion.length() > 2000) {
                errors.rejectValue("opinion", "validation.too-long", new Object[] {2000}, null);
            }
        });

        private String action;
        private int version;
        private String opinion;

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getOpinion() {
            return opinion;
        }

        public void setOpinion(String opinion) {
            this.opinion = opinion;
        }
    }

    private final WorkbenchQueries queries;
    private final CaseLifecycle lifecycle;
    private final CaseRecords records;
    private final BundleRecords bundleRecords;
    private final Actors actors;
    private final Clock clock;
    private final FileStore store;
    private final PublishedCatalog catalog;
    private final ApplicationForms forms;
    private final ClockPanel clockPanel;

    /** A licence standing in for a material, verified as the page is shown. */
    record LicenceShown(LicenceMaterial material, HeldLicences.Checked checked) {}

    private final HeldLicences licences;

    private final WorkbenchRows rows;

    WorkbenchController(
            WorkbenchQueries queries,
            CaseLifecycle lifecycle,
            CaseRecords records,
            BundleRecords bundleRecords,
            Actors actors,
            Clock clock,
            FileStore store,
            PublishedCatalog catalog,
            ApplicationForms forms,
            ClockPanel clockPanel,
            HeldLicences licences,
            WorkbenchRows rows) {
        this.licences = licences;
        this.rows = rows;
        this.catalog = catalog;
        this.forms = forms;
        this.clock = clock;
        this.store = store;
        this.clockPanel = clockPanel;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.records = records;
        this.bundleRecords = bundleRecords;
        this.actors = actors;
    }

    @InitBinder("step")
    void stepRules(WebDataBinder binder) {
        binder.addValidators(ActionForm.RULES);
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "todo") String tab,
            @ModelAttribute("filter") FilterForm filter,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            Locale locale) {
        WorkbenchQueries.Tab chosen = switch (tab) {
            case "todo" -> WorkbenchQueries.Tab.TODO;
            case "done" -> WorkbenchQueries.Tab.DONE;
            case "all" -> WorkbenchQueries.Tab.ALL;
            case "warnings" -> WorkbenchQueries.Tab.WARNINGS;
            default -> throw new BadParameterException("tab", "search.problem.unknown-code", tab);
        };
        if (page < 1 || page > 10_000) {
            throw new BadParameterException("page", "search.problem.number", 1, 10_000);
        }
        CaseStatus status = null;
        if (filter.getStatus() != null) {
            try {
                status = CaseStatus.valueOf(filter.getStatus());
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("status", "search.problem.unknown-code", filter.getStatus());
            }
        }
        String number = null;
        if (filter.getNumber() != null) {
            CaseNumber parsed = CaseNumber.parseOrNull(filter.getNumber());
            if (parsed == null) {
                throw new BadParameterException("number", "cases.number.malformed");
            }
            number = parsed.value();
        }
        if (filter.getChannel() != null && !filter.getChannel().matches("[12349]")) {
            throw new BadParameterException("channel", "search.problem.unknown-code", filter.getChannel());
        }
        Actor actor = actors.require();
        WorkbenchQueries.Page cases = queries.list(
                actor,
                chosen,
                new WorkbenchQueries.Filter(status, filter.getItem(), filter.getDueBy(), filter.getChannel(), number),
                page);
        model.addAttribute("tab", tab);
        model.addAttribute("cases", cases);
        model.addAttribute("page", page);
        model.addAttribute("statuses", List.of(CaseStatus.values()).subList(1, CaseStatus.values().length));
        model.addAttribute("rows", rows.of(cases.rows(), LocalDate.now(clock), locale));
        return "cases/workbench/list";
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = actors.require();
        CaseRow c = lifecycle.reachable(actor, id);
        model.addAttribute("case", c);
        model.addAttribute("number", new CaseNumber(c.caseNumber()));
        model.addAttribute("applicantName", lifecycle.applicantName(c));
        model.addAttribute("counterApplicant", lifecycle.counterApplicant(c).orElse(null));
        model.addAttribute("values", lifecycle.values(c));
        model.addAttribute(
                "applicationForm",
                catalog.version(c.implementationCode(), c.itemVersion())
                        .map(item -> forms.formOf(item.guide()))
                        .orElse(null));
        model.addAttribute("materials", records.materials(id));
        // 电子证照 standing in for materials: verified live through the licence module each time the page is shown.
        model.addAttribute(
                "licenceMaterials",
                records.licenceMaterials(id).stream()
                        .map(m -> new LicenceShown(m, licences.check(m.identifier(), c.caseNumber(), actor)))
                        .toList());
        model.addAttribute("steps", records.steps(id));
        List<CaseRecords.Correction> corrections = records.corrections(id);
        model.addAttribute("corrections", corrections);
        model.addAttribute("notices", CaseNotice.of(c, corrections));
        model.addAttribute("licensing", CaseNotice.licensing(c));
        model.addAttribute("actions", lifecycle.actions(actor, c));
        // A branch of a 一件事 says so, by the bundle's name and number only: the other departments' branches are theirs.
        model.addAttribute(
                "bundle",
                c.bundleId() == null ? null : bundleRecords.find(c.bundleId()).orElse(null));
        clockPanel.addTo(model, actor, c);
        if (!model.containsAttribute("step")) {
            ActionForm form = new ActionForm();
            form.setVersion(c.lockVersion());
            model.addAttribute("step", form);
        }
        return "cases/workbench/case";
    }

    @GetMapping("/cases/{id}/materials/{materialId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long materialId) throws IOException {
        CaseRow c = lifecycle.reachable(actors.require(), id);
        return MaterialDownloads.download(records, store, c.id(), materialId);
    }

    @PostMapping("/cases/{id}/steps")
    String act(
            @PathVariable long id,
            @Validated @ModelAttribute("step") ActionForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        CaseRow c = lifecycle.reachable(actor, id);
        HandlingAction action = null;
        if (form.getAction() != null) {
            try {
                action = HandlingAction.valueOf(form.getAction());
            } catch (IllegalArgumentException e) {
                binding.rejectValue("action", "search.problem.unknown-code", new Object[] {form.getAction()}, null);
            }
        }
        if (action != null
                && action.needsReason()
                && (form.getOpinion() == null || form.getOpinion().isBlank())) {
            binding.rejectValue("opinion", "cases.action.reason-required");
        }
        if (binding.hasErrors()) {
            return detail(id, model);
        }
        try {
            // Checked here, outside act's transaction, so that a refusal stays in the accountability log.
            lifecycle.requirePermitted(actor, c, action);
            lifecycle.act(actor, c.id(), form.getVersion(), action, form.getOpinion());
        } catch (CaseConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.messageKey());
            model.addAttribute("problemArguments", e.arguments());
            model.asMap().remove("step");
            return detail(id, model);
        }
        redirect.addFlashAttribute("notice", "cases.workbench.done." + action.name());
        return "redirect:/workbench/cases/" + id;
    }
}
