package org.zhengwu.basedata.organisation;

import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.OrganisationExistsException;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.basedata.SubjectNature;
import org.zhengwu.shared.web.NotFoundException;

/** 实施主体 administration: the register of organisations, a new registration, and changes to one. */
@Controller
@RequestMapping("/admin/organisations")
@PreAuthorize("hasAuthority('basedata.manage')")
class OrganisationAdminController {

    private final Organisations organisations;

    OrganisationAdminController(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The form as posted; the code is read-only once registered. Its rules are the register's own. */
    public static class OrganisationForm {
        private String uscc;
        private String name;
        private String divisionCode;
        private String exerciseLevel;
        private String nature;
        private String parentUscc;
        private String address;
        private String phone;
        private boolean acceptLegacyCode;

        static OrganisationForm of(OrganisationDraft d) {
            OrganisationForm f = new OrganisationForm();
            f.uscc = d.uscc();
            f.name = d.name();
            f.divisionCode = d.divisionCode();
            f.exerciseLevel = d.exerciseLevel();
            f.nature = d.nature();
            f.parentUscc = d.parentUscc();
            f.address = d.address();
            f.phone = d.phone();
            f.acceptLegacyCode = d.acceptLegacyCode();
            return f;
        }

        OrganisationDraft draft() {
            return new OrganisationDraft(
                    uscc, name, divisionCode, exerciseLevel, nature, parentUscc, address, phone, acceptLegacyCode);
        }

        public String getUscc() {
            return uscc;
        }

        public void setUscc(String uscc) {
            this.uscc = uscc;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDivisionCode() {
            return divisionCode;
        }

        public void setDivisionCode(String divisionCode) {
            this.divisionCode = divisionCode;
        }

        public String getExerciseLevel() {
            return exerciseLevel;
        }

        public void setExerciseLevel(String exerciseLevel) {
            this.exerciseLevel = exerciseLevel;
        }

        public String getNature() {
            return nature;
        }

        public void setNature(String nature) {
            this.nature = nature;
        }

        public String getParentUscc() {
            return parentUscc;
        }

        public void setParentUscc(String parentUscc) {
            this.parentUscc = parentUscc;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public boolean isAcceptLegacyCode() {
            return acceptLegacyCode;
        }

        public void setAcceptLegacyCode(boolean acceptLegacyCode) {
            this.acceptLegacyCode = acceptLegacyCode;
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organisations", organisations.all());
        return "basedata/organisations";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return formPage(new OrganisationForm(), true, model);
    }

    @PostMapping("/new")
    String register(
            @ModelAttribute("organisation") OrganisationForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        organisations.validate(form.draft(), true, binding);
        if (binding.hasErrors()) {
            return formPage(form, true, model);
        }
        try {
            organisations.register(form.draft(), principal.getName());
        } catch (OrganisationExistsException e) {
            binding.rejectValue("uscc", e.messageKey());
            return formPage(form, true, model);
        }
        redirect.addFlashAttribute("notice", "organisation.admin.registered");
        return "redirect:/admin/organisations";
    }

    @GetMapping("/{uscc}")
    String editForm(@PathVariable String uscc, Model model) {
        OrganisationDraft draft = organisations
                .find(uscc)
                .map(OrganisationDraft::of)
                .orElseThrow(() -> new NotFoundException("organisation.not-found", uscc));
        return formPage(OrganisationForm.of(draft), false, model);
    }

    @PostMapping("/{uscc}")
    String update(
            @PathVariable String uscc,
            @ModelAttribute("organisation") OrganisationForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        var existing =
                organisations.find(uscc).orElseThrow(() -> new NotFoundException("organisation.not-found", uscc));
        form.setUscc(existing.uscc());
        form.setAcceptLegacyCode(existing.legacyCode());
        organisations.validate(form.draft(), false, binding);
        if (binding.hasErrors()) {
            return formPage(form, false, model);
        }
        organisations.update(existing.uscc(), form.draft(), principal.getName());
        redirect.addFlashAttribute("notice", "organisation.admin.updated");
        return "redirect:/admin/organisations";
    }

    private String formPage(OrganisationForm form, boolean creating, Model model) {
        model.addAttribute("organisation", form);
        model.addAttribute("creating", creating);
        model.addAttribute("levels", ExerciseLevel.values());
        model.addAttribute("natures", SubjectNature.values());
        return "basedata/organisation-form";
    }
}
