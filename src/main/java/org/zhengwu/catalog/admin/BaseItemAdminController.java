package org.zhengwu.catalog.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.web.FormChoices.Choice;
import org.zhengwu.shared.web.FormErrors;

/** 基本目录: the base list with its codes, and new main items or sub-items. */
@Controller
@RequestMapping("/admin/catalog/base-items")
class BaseItemAdminController {

    private final ItemRepository repository;
    private final CatalogEditing editing;
    private final CatalogCodes codes;
    private final Actors actors;

    BaseItemAdminController(ItemRepository repository, CatalogEditing editing, CatalogCodes codes, Actors actors) {
        this.repository = repository;
        this.editing = editing;
        this.codes = codes;
        this.actors = actors;
    }

    /**
     * A new base item: its name, type and, for a sub-item, its main item. The form checks the type; the name and
     * the main item are checked by the editing service, which numbers the item.
     */
    public static class BaseItemForm {
        static final Validator RULES = Validator.forInstanceOf(BaseItemForm.class, (form, errors) -> {
            if (form.itemType() == null) {
                errors.rejectValue("type", "validation.choose");
            }
            if (form.levels().isEmpty()) {
                errors.rejectValue("exerciseLevels", "catalog.base.levels-required");
            }
        });

        ItemType itemType() {
            return CodeTable.fromCode(ItemType.class, type).orElse(null);
        }

        private String name;
        private String type;
        private String mainItem;
        private List<String> exerciseLevels = new ArrayList<>();

        Set<ExerciseLevel> levels() {
            Set<ExerciseLevel> levels = EnumSet.noneOf(ExerciseLevel.class);
            exerciseLevels.forEach(
                    code -> CodeTable.fromCode(ExerciseLevel.class, code).ifPresent(levels::add));
            return levels;
        }

        public List<String> getExerciseLevels() {
            return exerciseLevels;
        }

        public void setExerciseLevels(List<String> exerciseLevels) {
            this.exerciseLevels = exerciseLevels;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getMainItem() {
            return mainItem;
        }

        public void setMainItem(String mainItem) {
            this.mainItem = mainItem;
        }
    }

    @InitBinder("baseItem")
    void rules(WebDataBinder binder) {
        binder.addValidators(BaseItemForm.RULES);
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('catalog.edit', 'catalog.review')")
    String list(Model model) {
        model.addAttribute("baseItems", repository.baseItems());
        model.addAttribute("entryCounts", repository.entriesPerBaseItem());
        return "catalog/admin/base-items";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String form(Model model) {
        requireProvinceWideEditor();
        return formPage(new BaseItemForm(), model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('catalog.edit')")
    String create(
            @Validated @ModelAttribute("baseItem") BaseItemForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        requireProvinceWideEditor();
        if (binding.hasErrors()) {
            return formPage(form, model);
        }
        try {
            BaseItemRecord item = editing.createBaseItem(
                    form.getName(), form.itemType(), form.getMainItem(), form.levels(), principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.base.created");
            redirect.addFlashAttribute("createdCode", item.baseCode());
            return "redirect:/admin/catalog/base-items";
        } catch (GuideInvalidException e) {
            e.violations()
                    .forEach(v -> FormErrors.rejectUnlessMarked(binding, v.field(), v.messageKey(), v.argumentArray()));
            return formPage(form, model);
        }
    }

    /**
     * The base catalogue (基本目录) is one for the whole province: only the platform's own editors extend it; a
     * department's editors implement it in their entries.
     */
    private void requireProvinceWideEditor() {
        if (!actors.require().scope().platform()) {
            throw new AccessDeniedException("the base catalogue is edited by the platform's editors only");
        }
    }

    private String formPage(BaseItemForm form, Model model) {
        model.addAttribute("baseItem", form);
        model.addAttribute("types", ItemType.values());
        model.addAttribute(
                "levels",
                EnumSet.range(ExerciseLevel.NATIONAL, ExerciseLevel.VILLAGE).toArray(ExerciseLevel[]::new));
        model.addAttribute(
                "mainItems",
                repository.baseItems().stream()
                        .filter(b -> codes.subItem(b.baseCode()) == 0)
                        .map(b -> Choice.of(b.baseCode(), b.baseCode() + " " + b.name()))
                        .toList());
        return "catalog/admin/base-item-new";
    }
}
