package org.zhengwu.catalog.admin;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.shared.codes.CodeTable;

/** 基本目录: the base list with its codes, and new main items or sub-items. */
@Controller
@RequestMapping("/admin/catalog/base-items")
class BaseItemAdminController {

    private final ItemRepository repository;
    private final CatalogEditing editing;
    private final CatalogCodes codes;

    BaseItemAdminController(ItemRepository repository, CatalogEditing editing, CatalogCodes codes) {
        this.repository = repository;
        this.editing = editing;
        this.codes = codes;
    }

    /** A new base item: its name, type and, for a sub-item, its main item. */
    public static class BaseItemForm {
        private String name;
        private String type;
        private String mainItem;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getMainItem() { return mainItem; }
        public void setMainItem(String mainItem) { this.mainItem = mainItem; }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'CATALOG_REVIEWER')")
    String list(Model model) {
        model.addAttribute("baseItems", repository.baseItems());
        model.addAttribute("entryCounts", repository.entriesPerBaseItem());
        return "catalog/admin/base-items";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('CATALOG_EDITOR')")
    String form(Model model) {
        return formPage(new BaseItemForm(), model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('CATALOG_EDITOR')")
    String create(@ModelAttribute("form") BaseItemForm form, BindingResult binding, Principal principal, Model model,
                  RedirectAttributes redirect) {
        ItemType type = CodeTable.fromCode(ItemType.class, form.getType()).orElse(null);
        if (type == null) {
            binding.rejectValue("type", "validation.choose");
            return formPage(form, model);
        }
        try {
            BaseItemRecord item = editing.createBaseItem(form.getName(), type, form.getMainItem(), principal.getName());
            redirect.addFlashAttribute("notice", "catalog.admin.base.created");
            redirect.addFlashAttribute("createdCode", item.baseCode());
            return "redirect:/admin/catalog/base-items";
        } catch (GuideInvalidException e) {
            e.violations().forEach(v -> binding.rejectValue(v.field(), v.messageKey(), v.argumentArray(), null));
            return formPage(form, model);
        }
    }

    private String formPage(BaseItemForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("types", ItemType.values());
        model.addAttribute("mainItems", repository.baseItems().stream().filter(b -> codes.subItem(b.baseCode()) == 0).toList());
        return "catalog/admin/base-item-new";
    }
}
