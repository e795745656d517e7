package org.zhengwu.catalog.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationFormCheck;
import org.zhengwu.catalog.ApplicationFormRules;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.Prefill;
import org.zhengwu.catalog.entry.CatalogConflictException;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRecord;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.entry.VersionStatus;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * The application form (申请表) of a version: a structured editor for a draft's form — one row of labelled controls
 * per field, with the same error summary as every form — and, for any version, the form as the applicant will see
 * it, which can be filled in and checked without saving anything.
 */
@Controller
@RequestMapping("/admin/catalog/versions/{id}/form")
class ApplicationFormController {

    /** Blank rows offered for new fields: several for a form not begun, one to add to one that is. */
    private static final int SPARE_ROWS_EMPTY = 3;

    private static final int SPARE_ROWS = 1;
    private static final Pattern MOVE = Pattern.compile("(up|down)-([0-9]{1,3})");

    /** The answers typed into the preview, by field key. */
    public static class Trial {
        private Map<String, String> values = new LinkedHashMap<>();

        public Map<String, String> getValues() {
            return values;
        }

        public void setValues(Map<String, String> values) {
            this.values = values;
        }
    }

    private final ItemRepository repository;
    private final CatalogEditing editing;
    private final ApplicationForms forms;
    private final Actors actors;

    ApplicationFormController(
            ItemRepository repository, CatalogEditing editing, ApplicationForms forms, Actors actors) {
        this.repository = repository;
        this.editing = editing;
        this.forms = forms;
        this.actors = actors;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String show(@PathVariable long id, Model model) {
        VersionRecord version = version(id, CatalogAccess.EDIT, CatalogAccess.REVIEW);
        if (editable(version)) {
            FormDefinitionForm definition =
                    FormDefinitionForm.of(version.guide().applicationForm(), version.revision());
            definition.addSpareRows(version.guide().applicationForm() == null ? SPARE_ROWS_EMPTY : SPARE_ROWS);
            model.addAttribute("definition", definition);
        }
        return page(version, new Trial(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('catalog.edit')")
    String save(
            @PathVariable long id,
            @ModelAttribute("definition") FormDefinitionForm definition,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VersionRecord version = version(id, CatalogAccess.EDIT);
        if (!editable(version)) {
            redirect.addFlashAttribute("problem", "applicationForm.editor.not-editable");
            return "redirect:/admin/catalog/versions/" + id + "/form";
        }
        Matcher move = MOVE.matcher(action);
        if (move.matches()) {
            definition.move(Integer.parseInt(move.group(2)), move.group(1).equals("up") ? -1 : 1);
            return page(version, new Trial(), null, model);
        }
        definition.compact();
        if (action.equals("add-field")) {
            definition.addSpareRows(SPARE_ROWS);
            return page(version, new Trial(), null, model);
        }
        if (action.equals("standard")) {
            // A start, not a decision: the editor sees the standard fields in the rows and saves them or not.
            if (definition.getFields().isEmpty()) {
                definition = FormDefinitionForm.of(
                        ApplicationForm.standard(version.guide().serviceObjects()), definition.getRevision());
                model.addAttribute("definition", definition);
            }
            definition.addSpareRows(SPARE_ROWS);
            return page(version, new Trial(), null, model);
        }
        List<GuideRules.Violation> problems = new ArrayList<>();
        ApplicationForm form = definition.toForm(problems);
        problems.addAll(ApplicationFormRules.check(form));
        report(problems, "", binding);
        if (binding.hasErrors()) {
            definition.addSpareRows(SPARE_ROWS);
            return page(version, new Trial(), null, model);
        }
        Guide guide = version.guide().toBuilder().applicationForm(form).build();
        try {
            editing.editDraft(
                    id, definition.getRevision(), version.name(), guide, version.changeNote(), principal.getName());
        } catch (GuideInvalidException e) {
            // The form is fine; the rest of the guide no longer meets a rule, which the guide's own editor names.
            report(e.violations(), GuideRules.APPLICATION_FORM + ".", binding);
            if (!binding.hasErrors()) {
                binding.reject("applicationForm.editor.guide-invalid");
            }
            definition.addSpareRows(SPARE_ROWS);
            return page(version, new Trial(), null, model);
        } catch (CatalogConflictException e) {
            VersionRecord current = version(id, CatalogAccess.EDIT);
            definition.setRevision(current.revision());
            definition.addSpareRows(SPARE_ROWS);
            model.addAttribute("conflict", e);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(current, new Trial(), null, model);
        }
        redirect.addFlashAttribute(
                "notice", form.fields().isEmpty() ? "applicationForm.editor.cleared" : "applicationForm.editor.saved");
        return "redirect:/admin/catalog/versions/" + id + "/form";
    }

    /** The preview filled in and checked as a case would check it; nothing is kept. */
    @PostMapping("/try")
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String tryOut(@PathVariable long id, @ModelAttribute("trial") Trial trial, Model model) {
        VersionRecord version = version(id, CatalogAccess.EDIT, CatalogAccess.REVIEW);
        if (editable(version)) {
            FormDefinitionForm definition =
                    FormDefinitionForm.of(version.guide().applicationForm(), version.revision());
            definition.addSpareRows(version.guide().applicationForm() == null ? SPARE_ROWS_EMPTY : SPARE_ROWS);
            model.addAttribute("definition", definition);
        }
        ApplicationForm form = version.guide().applicationForm();
        ApplicationFormCheck.Result result = form == null ? null : forms.check(form, trial.getValues());
        return page(version, trial, result, model);
    }

    /**
     * Problems of the form's rules as errors of the editor's rows; of the guide's violations only those under
     * {@code prefix} concern the form. A choice's options are one box, so an option's problem is the box's, its
     * message naming the option; a condition's field and value are two controls of the row.
     */
    private static void report(List<GuideRules.Violation> violations, String prefix, BindingResult binding) {
        for (GuideRules.Violation v : violations) {
            if (v.field().startsWith(prefix)) {
                String field = editorField(v.field().substring(prefix.length()));
                if (field.equals("fields") || field.startsWith("fields[")) {
                    FormErrors.reject(binding, field, v.messageKey(), v.argumentArray());
                } else {
                    binding.reject(v.messageKey(), v.argumentArray(), null);
                }
            }
        }
    }

    /** The editor's control of a rule's path: {@code fields[2].shownWhen.value} → {@code fields[2].shownWhenValue}. */
    static String editorField(String path) {
        Matcher condition = CONDITION.matcher(path);
        if (condition.matches()) {
            return condition.group(1) + condition.group(2) + (condition.group(3).equals("field") ? "Field" : "Value");
        }
        return OPTION.matcher(path).replaceFirst(".options");
    }

    private static final Pattern CONDITION =
            Pattern.compile("(fields\\[[0-9]+]\\.)(requiredWhen|shownWhen)\\.(field|value)");
    private static final Pattern OPTION = Pattern.compile("\\.options\\[[0-9]+]\\..*$");

    private String page(VersionRecord version, Trial trial, ApplicationFormCheck.Result result, Model model) {
        model.addAttribute("version", version);
        model.addAttribute("item", item(version.itemId(), CatalogAccess.EDIT, CatalogAccess.REVIEW));
        model.addAttribute("preview", version.guide().applicationForm());
        model.addAttribute("trial", trial);
        model.addAttribute("result", result);
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("prefills", Prefill.values());
        model.addAttribute("editable", editable(version));
        model.addAttribute("itemType", editing.typeOfVersion(version.id()));
        return "catalog/admin/application-form";
    }

    /** A draft of an item somebody applies for, and the signed-in editor may change it. */
    private boolean editable(VersionRecord version) {
        Actor actor = actors.require();
        ItemRecord item = item(version.itemId(), CatalogAccess.EDIT, CatalogAccess.REVIEW);
        return version.status() == VersionStatus.DRAFT
                && !editing.typeOfVersion(version.id()).enforcement()
                && actor.mayReach(CatalogAccess.EDIT, item.organisationUscc(), item.divisionCode());
    }

    /** The entry, if the signed-in member of staff may reach it in one of the roles; else as if it did not exist. */
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
