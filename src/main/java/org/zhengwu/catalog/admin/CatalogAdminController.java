package org.zhengwu.catalog.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
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
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.CaseHandlingOptions;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.SpecialProcedureKind;
import org.zhengwu.catalog.entry.CatalogConflictException;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.entry.VersionStatus;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.FormChoices.Choice;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * Catalogue administration: the list of entries, one entry with its versions, the draft editor and the review and
 * publishing actions. Editors draft and submit; reviewers approve, send back, publish and withdraw.
 */
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminController {

    static final int PAGE_SIZE = 20;
    private static final int SPARE_ROWS = 2;

    /** The list's filters: words of the name or code, and the status of the latest version. */
    public static class EntryFilter {
        private String q;
        private String status;

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    /** Why a version is sent back or an entry withdrawn; the rules for it are the editing service's. */
    public static class ReasonForm {
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** The level an online application needs is one of the four; every other rule is the guide's own. */
    static final Validator GUIDE_FORM_RULES = Validator.forInstanceOf(GuideForm.class, (form, errors) -> {
        if (GuideForm.realNameLevel(form.getRealNameLevel()) == null) {
            errors.rejectValue("realNameLevel", "validation.choose");
        }
    });

    static final Validator NEW_ENTRY_RULES = Validator.forInstanceOf(NewEntryForm.class, (form, errors) -> {
        errors.pushNestedPath("guide");
        GUIDE_FORM_RULES.validate(form.getGuide(), errors);
        errors.popNestedPath();
    });

    private final ItemRepository repository;
    private final CatalogEditing editing;
    private final Organisations organisations;
    private final MaterialFiles materialFiles;
    private final Actors actors;
    private final MessageSource messages;
    private final CaseHandlingOptions handlingOptions;

    CatalogAdminController(
            ItemRepository repository,
            CatalogEditing editing,
            Organisations organisations,
            MaterialFiles materialFiles,
            Actors actors,
            MessageSource messages,
            CaseHandlingOptions handlingOptions) {
        this.handlingOptions = handlingOptions;
        this.repository = repository;
        this.editing = editing;
        this.organisations = organisations;
        this.materialFiles = materialFiles;
        this.actors = actors;
        this.messages = messages;
    }

    @InitBinder("newEntry")
    void newEntryRules(WebDataBinder binder) {
        binder.addValidators(NEW_ENTRY_RULES);
    }

    @InitBinder("draft")
    void draftRules(WebDataBinder binder) {
        binder.addValidators(GUIDE_FORM_RULES);
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String list(@ModelAttribute("filter") EntryFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        VersionStatus wanted = null;
        if (filter.getStatus() != null) {
            try {
                wanted = VersionStatus.valueOf(filter.getStatus());
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("status", "search.problem.unknown-code", filter.getStatus());
            }
        }
        if (page < 1) {
            throw new BadParameterException("page", "search.problem.number", 1, Integer.MAX_VALUE);
        }
        ItemRepository.EntryPage entries = repository.entries(
                filter.getQ(),
                wanted,
                actors.require(),
                List.of(CatalogAccess.EDIT, CatalogAccess.REVIEW),
                PAGE_SIZE,
                (long) (page - 1) * PAGE_SIZE);
        Map<String, String> names = organisations
                .findAll(entries.rows().stream()
                        .map(ItemRepository.EntryRow::organisationUscc)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(Organisation::uscc, Organisation::name));
        model.addAttribute("entries", entries);
        model.addAttribute("organisationNames", names);
        model.addAttribute("statuses", VersionStatus.values());
        model.addAttribute("page", page);
        model.addAttribute("pages", (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "catalog/admin/list";
    }

    @GetMapping("/items/{id}")
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String item(@PathVariable long id, Model model) {
        ItemRecord item = item(id, CatalogAccess.EDIT, CatalogAccess.REVIEW);
        List<VersionRecord> versions = repository.versionsOf(id);
        if (versions.isEmpty()) {
            // Only while its last draft is being discarded: the entry is going away.
            throw new NotFoundException("catalog.admin.entry-not-found", id);
        }
        model.addAttribute("item", item);
        model.addAttribute(
                "organisation", organisations.find(item.organisationUscc()).orElse(null));
        model.addAttribute("versions", versions);
        model.addAttribute(
                "working",
                versions.stream()
                        .filter(v -> v.status().isWorking())
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "published",
                versions.stream()
                        .filter(v -> v.status() == VersionStatus.PUBLISHED)
                        .findFirst()
                        .orElse(null));
        if (!model.containsAttribute("withdrawal")) {
            model.addAttribute("withdrawal", new ReasonForm());
        }
        return "catalog/admin/item";
    }

    @GetMapping("/versions/{id}")
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String version(@PathVariable long id, Model model, Principal principal) {
        VersionRecord version = version(id, CatalogAccess.EDIT, CatalogAccess.REVIEW);
        ItemRecord item = item(version.itemId(), CatalogAccess.EDIT, CatalogAccess.REVIEW);
        model.addAttribute("item", item);
        model.addAttribute(
                "organisation", organisations.find(item.organisationUscc()).orElse(null));
        model.addAttribute("version", version);
        model.addAttribute("guide", version.guide());
        model.addAttribute("itemType", editing.typeOfVersion(id));
        model.addAttribute("mayApprove", editing.mayApprove(version, principal.getName()));
        if (!model.containsAttribute("rejection")) {
            model.addAttribute("rejection", new ReasonForm());
        }
        return "catalog/admin/version";
    }

    // ---- creating and editing drafts ----

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String newEntry(
            @RequestParam(required = false) String baseCode,
            @RequestParam(required = false) String organisation,
            Model model,
            Locale locale) {
        NewEntryForm form = new NewEntryForm();
        form.setBaseCode(baseCode);
        form.setOrganisationUscc(organisation);
        form.setGuide(new GuideForm());
        form.getGuide().setOfficeHours("工作日 上午 9:00—12:00，下午 13:00—17:00（法定节假日除外）");
        form.getGuide().setComplaintPhone("12345");
        form.getGuide().addSpareRows(SPARE_ROWS);
        return newEntryPage(form, model, locale);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String createEntry(
            @Validated @ModelAttribute("newEntry") NewEntryForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        form.getGuide().compact();
        materialFiles.apply(form.getGuide().getMaterials(), "guide.", binding, principal.getName());
        materialFiles.applyResultSample(form.getGuide(), "guide.", binding, principal.getName());
        if (form.getOrganisationUscc() != null
                && organisationsInScope().stream().noneMatch(o -> o.uscc().equals(form.getOrganisationUscc()))) {
            binding.rejectValue("organisationUscc", "catalog.admin.organisation-out-of-scope");
        }
        if (action.startsWith("add-") || binding.hasErrors()) {
            if (!action.startsWith("add-")) {
                report(
                        editing.check(form.getGuide().toGuide(), editing.typeOfBase(form.getBaseCode())),
                        CatalogAdminController::formField,
                        binding);
            }
            form.getGuide().addSpareRows(action.startsWith("add-") ? 1 : SPARE_ROWS);
            return newEntryPage(form, model, locale);
        }
        try {
            VersionRecord draft = editing.createEntry(
                    form.getBaseCode(),
                    form.getOrganisationUscc(),
                    form.getGuide().getName(),
                    form.getGuide().toGuide(),
                    principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.created");
            return "redirect:/admin/catalog/versions/" + draft.id();
        } catch (GuideInvalidException e) {
            report(e.violations(), CatalogAdminController::formField, binding);
            form.getGuide().addSpareRows(SPARE_ROWS);
            return newEntryPage(form, model, locale);
        }
    }

    @GetMapping("/versions/{id}/edit")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String edit(@PathVariable long id, Model model, Locale locale) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        if (version.status() != VersionStatus.DRAFT) {
            return "redirect:/admin/catalog/versions/" + id;
        }
        GuideForm form = GuideForm.of(version.name(), version.guide());
        form.setChangeNote(version.changeNote());
        form.setRevision(version.revision());
        form.addSpareRows(SPARE_ROWS);
        return editPage(version, form, model, locale);
    }

    @PostMapping("/versions/{id}/edit")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String save(
            @PathVariable long id,
            @Validated @ModelAttribute("draft") GuideForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        form.compact();
        materialFiles.apply(form.getMaterials(), "", binding, principal.getName());
        materialFiles.applyResultSample(form, "", binding, principal.getName());
        // The application form has its own page; the guide's editor keeps the one the draft has.
        Guide guide = form.toGuide().toBuilder()
                .applicationForm(version.guide().applicationForm())
                .build();
        if (action.startsWith("add-") || binding.hasErrors()) {
            if (!action.startsWith("add-")) {
                report(editing.check(guide, editing.typeOfVersion(id)), UnaryOperator.identity(), binding);
            }
            form.addSpareRows(action.startsWith("add-") ? 1 : SPARE_ROWS);
            return editPage(version, form, model, locale);
        }
        try {
            editing.editDraft(id, form.getRevision(), form.getName(), guide, form.getChangeNote(), principal.getName());
        } catch (GuideInvalidException e) {
            report(e.violations(), UnaryOperator.identity(), binding);
            form.addSpareRows(SPARE_ROWS);
            return editPage(version, form, model, locale);
        } catch (CatalogConflictException e) {
            // The editor's input stays on the page. Saving it again, having been warned, replaces what is there now.
            VersionRecord current = version(id, CatalogAccess.EDIT);
            form.setRevision(current.revision());
            form.addSpareRows(SPARE_ROWS);
            model.addAttribute("conflict", e);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editPage(current, form, model, locale);
        }
        if ("submit".equals(action)) {
            editing.submit(id, principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.submitted");
        } else {
            redirect.addFlashAttribute("notice", "catalog.admin.saved");
        }
        return "redirect:/admin/catalog/versions/" + id;
    }

    // ---- transitions ----

    @PostMapping("/items/{id}/new-version")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String newVersion(@PathVariable long id, Principal principal) {
        item(id, CatalogAccess.EDIT);
        VersionRecord draft = editing.startNewVersion(id, principal.getName());
        return "redirect:/admin/catalog/versions/" + draft.id() + "/edit";
    }

    @PostMapping("/versions/{id}/submit")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String submit(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        version(id, CatalogAccess.EDIT);
        try {
            editing.submit(id, principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.submitted");
        } catch (GuideInvalidException e) {
            redirect.addFlashAttribute("problem", "catalog.admin.submit-invalid");
        }
        return "redirect:/admin/catalog/versions/" + id;
    }

    @PostMapping("/versions/{id}/discard")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        editing.discardDraft(id, principal.getName());
        redirect.addFlashAttribute("notice", "catalog.admin.discarded");
        return repository.versionsOf(version.itemId()).isEmpty()
                ? "redirect:/admin/catalog"
                : "redirect:/admin/catalog/items/" + version.itemId();
    }

    @PostMapping("/versions/{id}/approve")
    @PreAuthorize("hasAuthority('catalog.review')")
    String approve(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        version(id, CatalogAccess.REVIEW);
        editing.approve(id, principal.getName());
        redirect.addFlashAttribute("notice", "catalog.admin.approved");
        return "redirect:/admin/catalog/versions/" + id;
    }

    @PostMapping("/versions/{id}/reject")
    @PreAuthorize("hasAuthority('catalog.review')")
    String reject(
            @PathVariable long id,
            @ModelAttribute("rejection") ReasonForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        version(id, CatalogAccess.REVIEW);
        try {
            editing.reject(id, form.getReason(), principal.getName());
        } catch (GuideInvalidException e) {
            report(e.violations(), UnaryOperator.identity(), binding);
            return version(id, model, principal);
        }
        redirect.addFlashAttribute("notice", "catalog.admin.rejected");
        return "redirect:/admin/catalog/versions/" + id;
    }

    @PostMapping("/versions/{id}/publish")
    @PreAuthorize("hasAuthority('catalog.review')")
    String publish(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        version(id, CatalogAccess.REVIEW);
        editing.publish(id, principal.getName());
        redirect.addFlashAttribute("notice", "catalog.admin.published");
        return "redirect:/admin/catalog/versions/" + id;
    }

    @PostMapping("/items/{id}/withdraw")
    @PreAuthorize("hasAuthority('catalog.review')")
    String withdraw(
            @PathVariable long id,
            @ModelAttribute("withdrawal") ReasonForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        item(id, CatalogAccess.REVIEW);
        try {
            editing.withdraw(id, form.getReason(), principal.getName());
        } catch (GuideInvalidException e) {
            report(e.violations(), UnaryOperator.identity(), binding);
            return item(id, model);
        }
        redirect.addFlashAttribute("notice", "catalog.admin.withdrawn");
        return "redirect:/admin/catalog/items/" + id;
    }

    // ---- helpers ----

    private String newEntryPage(NewEntryForm form, Model model, Locale locale) {
        model.addAttribute("newEntry", form);
        model.addAttribute(
                "baseItems",
                repository.baseItems().stream()
                        .map(b -> Choice.of(b.baseCode(), b.baseCode() + " " + b.name()))
                        .toList());
        model.addAttribute(
                "organisations",
                organisationsInScope().stream()
                        .map(o -> Choice.of(o.uscc(), o.name()))
                        .toList());
        model.addAttribute("itemType", editing.typeOfBase(form.getBaseCode()));
        addChoices(model, locale);
        return "catalog/admin/new";
    }

    private String editPage(VersionRecord version, GuideForm form, Model model, Locale locale) {
        model.addAttribute("draft", form);
        model.addAttribute("version", version);
        model.addAttribute("item", item(version.itemId(), CatalogAccess.EDIT));
        model.addAttribute("itemType", editing.typeOfVersion(version.id()));
        addChoices(model, locale);
        return "catalog/admin/edit";
    }

    private void addChoices(Model model, Locale locale) {
        model.addAttribute(
                "processChoices",
                handlingOptions.processes().stream()
                        .map(p -> Choice.of(
                                p.key(),
                                messages.getMessage("handling.process." + p.key(), null, p.name(), locale) + " ("
                                        + p.key() + ", v" + p.version() + ")"))
                        .toList());
        model.addAttribute(
                "roleChoices",
                handlingOptions.roles().stream()
                        .map(r -> Choice.of(r.code(), r.label(locale)))
                        .toList());
        model.addAttribute("types", ItemType.values());
        model.addAttribute("depths", OnlineDepth.values());
        model.addAttribute("channels", HandlingChannel.values());
        model.addAttribute("caseKinds", CaseKind.values());
        model.addAttribute("scopes", GeneralScope.values());
        model.addAttribute("serviceObjects", ServiceObject.values());
        model.addAttribute("themes", ServiceTheme.values());
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("specialKinds", SpecialProcedureKind.values());
        model.addAttribute("powerSources", PowerSource.values());
        model.addAttribute("resultTypes", ResultType.values());
        model.addAttribute("materialForms", MaterialForm.values());
        model.addAttribute("materialSources", MaterialSource.values());
        model.addAttribute("penaltyKinds", PenaltyKind.values());
        model.addAttribute("compulsionKinds", CompulsionKind.values());
        model.addAttribute(
                "levelChoices",
                Arrays.stream(RealNameLevel.values())
                        .map(l -> Choice.of(
                                Integer.toString(l.level()),
                                "L" + l.level() + " " + messages.getMessage("account.level." + l.name(), null, locale)))
                        .toList());
    }

    /**
     * The catalogue's own problems (its guide rules, its editing service) as errors of the form's fields, next to
     * those already found, so that one round names them all; a field already marked keeps its first message.
     */
    private static void report(List<GuideRules.Violation> violations, UnaryOperator<String> field, Errors errors) {
        violations.forEach(v -> {
            if (v.field().equals(GuideRules.APPLICATION_FORM)
                    || v.field().startsWith(GuideRules.APPLICATION_FORM + ".")) {
                // Not a field of this form: the application form's page names the problem itself.
                if (errors.getGlobalErrors().stream().noneMatch(e -> APPLICATION_FORM_INVALID.equals(e.getCode()))) {
                    errors.reject(APPLICATION_FORM_INVALID);
                }
            } else if (WHOLE_GUIDE.equals(v.field())) {
                // Elements that do not fit the item's type: no one field of the form is wrong, the guide is.
                if (errors.getGlobalErrors().stream()
                        .noneMatch(e -> v.messageKey().equals(e.getCode()))) {
                    errors.reject(v.messageKey(), v.argumentArray(), null);
                }
            } else {
                FormErrors.rejectUnlessMarked(errors, field.apply(v.field()), v.messageKey(), v.argumentArray());
            }
        });
    }

    private static final String APPLICATION_FORM_INVALID = "applicationForm.editor.see-form-page";

    /** The field of the guide rules' violations that concern the entry's 事项类型, which the guide form does not edit. */
    private static final String WHOLE_GUIDE = "type";

    /** On the new-entry page the guide fields sit under {@code guide.}; entry fields do not. */
    private static String formField(String field) {
        return switch (field) {
            case "baseCode", "organisationUscc" -> field;
            default -> "guide." + field;
        };
    }

    /** The organisations the signed-in editor may create entries for. */
    private List<Organisation> organisationsInScope() {
        Actor actor = actors.require();
        return organisations.all().stream()
                .filter(o -> actor.mayReach(CatalogAccess.EDIT, o.uscc(), o.divisionCode()))
                .toList();
    }

    /**
     * The entry, if the signed-in member of staff may reach it in one of the roles; an entry out of scope is
     * answered as unknown, so that its existence is not revealed either.
     */
    private ItemRecord item(long id, String... acting) {
        Actor actor = actors.require();
        return repository
                .findItem(id)
                .filter(item -> actor.mayReachAny(item.organisationUscc(), item.divisionCode(), acting))
                .orElseThrow(() -> new NotFoundException("catalog.admin.entry-not-found", id));
    }

    private VersionRecord version(long id, String... acting) {
        VersionRecord version = repository
                .findVersion(id)
                .orElseThrow(() -> new NotFoundException("catalog.admin.version-not-found", id));
        try {
            item(version.itemId(), acting);
        } catch (NotFoundException e) {
            throw new NotFoundException("catalog.admin.version-not-found", id);
        }
        return version;
    }
}
