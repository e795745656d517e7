package org.zhengwu.catalog.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.OnlineDepth;
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

    private final ItemRepository repository;
    private final CatalogEditing editing;
    private final Organisations organisations;
    private final MaterialFiles materialFiles;
    private final Actors actors;

    CatalogAdminController(
            ItemRepository repository,
            CatalogEditing editing,
            Organisations organisations,
            MaterialFiles materialFiles,
            Actors actors) {
        this.repository = repository;
        this.editing = editing;
        this.organisations = organisations;
        this.materialFiles = materialFiles;
        this.actors = actors;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        VersionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = VersionStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("status", "search.problem.unknown-code", status);
            }
        }
        if (page < 1) {
            throw new BadParameterException("page", "search.problem.number", 1, Integer.MAX_VALUE);
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        ItemRepository.EntryPage entries = repository.entries(
                text,
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
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status);
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
        model.addAttribute("mayApprove", editing.mayApprove(version, principal.getName()));
        return "catalog/admin/version";
    }

    // ---- creating and editing drafts ----

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String newEntry(
            @RequestParam(required = false) String baseCode,
            @RequestParam(required = false) String organisation,
            Model model) {
        NewEntryForm form = new NewEntryForm();
        form.setBaseCode(baseCode);
        form.setOrganisationUscc(organisation);
        form.setGuide(new GuideForm());
        form.getGuide().setOfficeHours("工作日 上午 9:00—12:00，下午 13:00—17:00（法定节假日除外）");
        form.getGuide().setComplaintPhone("12345");
        form.getGuide().addSpareRows(SPARE_ROWS);
        return newEntryPage(form, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String createEntry(
            @ModelAttribute("form") NewEntryForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        form.getGuide().compact();
        materialFiles.apply(form.getGuide().getMaterials(), "guide.", binding, principal.getName());
        if (GuideForm.realNameLevel(form.getGuide().getRealNameLevel()) == null) {
            binding.rejectValue("guide.realNameLevel", "validation.choose");
        }
        if (form.getOrganisationUscc() != null
                && !form.getOrganisationUscc().isBlank()
                && organisationsInScope().stream().noneMatch(o -> o.uscc().equals(form.getOrganisationUscc()))) {
            binding.rejectValue("organisationUscc", "catalog.admin.organisation-out-of-scope");
        }
        if (action.startsWith("add-") || binding.hasErrors()) {
            if (!action.startsWith("add-")) {
                alsoReject(GuideRules.check(form.getGuide().toGuide()), CatalogAdminController::formField, binding);
            }
            form.getGuide().addSpareRows(action.startsWith("add-") ? 1 : SPARE_ROWS);
            return newEntryPage(form, model);
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
            e.violations()
                    .forEach(v -> binding.rejectValue(formField(v.field()), v.messageKey(), v.argumentArray(), null));
            form.getGuide().addSpareRows(SPARE_ROWS);
            return newEntryPage(form, model);
        }
    }

    @GetMapping("/versions/{id}/edit")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String edit(@PathVariable long id, Model model) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        if (version.status() != VersionStatus.DRAFT) {
            return "redirect:/admin/catalog/versions/" + id;
        }
        GuideForm form = GuideForm.of(version.name(), version.guide());
        form.setChangeNote(version.changeNote());
        form.setRevision(version.revision());
        form.addSpareRows(SPARE_ROWS);
        return editPage(version, form, model);
    }

    @PostMapping("/versions/{id}/edit")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String save(
            @PathVariable long id,
            @ModelAttribute("form") GuideForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        form.compact();
        materialFiles.apply(form.getMaterials(), "", binding, principal.getName());
        if (GuideForm.realNameLevel(form.getRealNameLevel()) == null) {
            binding.rejectValue("realNameLevel", "validation.choose");
        }
        if (action.startsWith("add-") || binding.hasErrors()) {
            if (!action.startsWith("add-")) {
                alsoReject(GuideRules.check(form.toGuide()), field -> field, binding);
            }
            form.addSpareRows(action.startsWith("add-") ? 1 : SPARE_ROWS);
            return editPage(version, form, model);
        }
        try {
            editing.editDraft(
                    id, form.getRevision(), form.getName(), form.toGuide(), form.getChangeNote(), principal.getName());
        } catch (GuideInvalidException e) {
            e.violations().forEach(v -> binding.rejectValue(v.field(), v.messageKey(), v.argumentArray(), null));
            form.addSpareRows(SPARE_ROWS);
            return editPage(version, form, model);
        } catch (CatalogConflictException e) {
            // The editor's input stays on the page. Saving it again, having been warned, replaces what is there now.
            VersionRecord current = version(id, CatalogAccess.EDIT);
            form.setRevision(current.revision());
            form.addSpareRows(SPARE_ROWS);
            model.addAttribute("conflict", e);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editPage(current, form, model);
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
            @RequestParam(required = false) String reason,
            Principal principal,
            RedirectAttributes redirect) {
        version(id, CatalogAccess.REVIEW);
        try {
            editing.reject(id, reason, principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.rejected");
        } catch (GuideInvalidException e) {
            redirect.addFlashAttribute("problem", "catalog.admin.reason-required");
        }
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
            @RequestParam(required = false) String reason,
            Principal principal,
            RedirectAttributes redirect) {
        item(id, CatalogAccess.REVIEW);
        try {
            editing.withdraw(id, reason, principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.withdrawn");
        } catch (GuideInvalidException e) {
            redirect.addFlashAttribute("problem", "catalog.admin.reason-required");
        }
        return "redirect:/admin/catalog/items/" + id;
    }

    // ---- helpers ----

    private String newEntryPage(NewEntryForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("baseItems", repository.baseItems());
        model.addAttribute("organisations", organisationsInScope());
        addChoices(model);
        return "catalog/admin/new";
    }

    private String editPage(VersionRecord version, GuideForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("item", item(version.itemId(), CatalogAccess.EDIT));
        addChoices(model);
        return "catalog/admin/edit";
    }

    static void addChoices(Model model) {
        model.addAttribute("types", ItemType.values());
        model.addAttribute("depths", OnlineDepth.values());
        model.addAttribute("channels", HandlingChannel.values());
        model.addAttribute("caseKinds", CaseKind.values());
        model.addAttribute("scopes", GeneralScope.values());
        model.addAttribute("serviceObjects", ServiceObject.values());
        model.addAttribute("themes", ServiceTheme.values());
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("specialKinds", SpecialProcedureKind.values());
        model.addAttribute("realNameLevels", RealNameLevel.values());
    }

    /**
     * The guide's own problems next to those already found in the form, so that one round names them all; a field
     * already marked keeps its first message.
     */
    private static void alsoReject(
            List<GuideRules.Violation> violations,
            java.util.function.UnaryOperator<String> field,
            BindingResult binding) {
        violations.stream()
                .filter(v -> !binding.hasFieldErrors(field.apply(v.field())))
                .forEach(v -> binding.rejectValue(field.apply(v.field()), v.messageKey(), v.argumentArray(), null));
    }

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
