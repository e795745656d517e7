package org.zhengwu.exchange.resource;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.UserFacingException;

/**
 * The catalogue for staff: the list (published resources and those the staff member catalogues or reviews), a
 * resource's page, the form to enter or edit one (信息项 rows added by a button that sends the form back), and the
 * submit, publish and send-back actions. A resource is named in paths by its code with a hyphen for the slash.
 */
@Controller
class CatalogueController {

    static final String ANY = "hasAnyAuthority('exchange.catalogue','exchange.review','exchange.request',"
            + "'exchange.decide','exchange.supervise')";

    /** The reason a reviewer gives for sending back. */
    public static class ReturnForm {
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    private final Resources resources;
    private final Actors actors;
    private final org.zhengwu.basedata.Organisations organisations;

    CatalogueController(Resources resources, Actors actors, org.zhengwu.basedata.Organisations organisations) {
        this.organisations = organisations;
        this.resources = resources;
        this.actors = actors;
    }

    static String path(String code) {
        return code.replace('/', '-');
    }

    static String code(String path) {
        return path.replace('-', '/');
    }

    @GetMapping("/exchange/resources")
    @PreAuthorize(ANY)
    String list(Model model) {
        Actor staff = actors.require();
        List<Resource> all = resources.forStaff(staff);
        var today = resources.today();
        model.addAttribute("resources", all);
        model.addAttribute(
                "flagged",
                all.stream()
                        .filter(r -> resources.flagged(r, today))
                        .map(Resource::code)
                        .toList());
        model.addAttribute(
                "stale",
                all.stream()
                        .filter(r -> !resources.current(r, today))
                        .map(Resource::code)
                        .toList());
        model.addAttribute("mayCatalogue", staff.may(ExchangeAccess.CATALOGUE) && resources.hasOrganisation(staff));
        return "exchange/resources";
    }

    @GetMapping("/exchange/resources/new")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String newForm(Model model) {
        if (!resources.hasOrganisation(actors.require())) {
            throw new UserFacingException(
                    org.springframework.http.HttpStatus.FORBIDDEN, "exchange.resource.no-organisation");
        }
        if (!model.containsAttribute("resource")) {
            model.addAttribute("resource", new ResourceForm());
        }
        return form(null, model);
    }

    @PostMapping("/exchange/resources/new")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String create(
            @ModelAttribute("resource") ResourceForm form,
            BindingResult binding,
            @RequestParam(required = false) String addItem,
            Model model,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        if (!resources.hasOrganisation(staff)) {
            throw new UserFacingException(
                    org.springframework.http.HttpStatus.FORBIDDEN, "exchange.resource.no-organisation");
        }
        if (addItem != null) {
            form.getItems().add(new ResourceForm.ItemRow());
            return form(null, model);
        }
        ResourceForm.RULES.validate(form, binding);
        if (!binding.hasFieldErrors("code") && resources.find(form.getCode()).isPresent()) {
            binding.rejectValue("code", "exchange.resource.code.taken");
        }
        if (binding.hasErrors()) {
            return form(null, model);
        }
        resources.create(staff, form);
        redirect.addFlashAttribute("done", "exchange.resource.created");
        return "redirect:/exchange/resources/" + path(form.getCode());
    }

    @GetMapping("/exchange/resources/{ref}")
    @PreAuthorize(ANY)
    String one(@PathVariable String ref, Model model) {
        Actor staff = actors.require();
        Resource r = resources.visible(staff, code(ref));
        var today = resources.today();
        model.addAttribute("r", r);
        model.addAttribute(
                "providerName",
                organisations
                        .find(r.providerUscc())
                        .map(org.zhengwu.basedata.Organisation::name)
                        .orElse(null));
        model.addAttribute("ref", ref);
        model.addAttribute("flagged", resources.flagged(r, today));
        model.addAttribute("current", resources.current(r, today));
        model.addAttribute("mayEdit", resources.mayEdit(staff, r));
        model.addAttribute("mayReview", resources.mayReview(staff, r));
        model.addAttribute(
                "mayRequest",
                staff.may(ExchangeAccess.REQUEST)
                        && staff.scope().organisationUscc() != null
                        && r.published()
                        && r.shareType() != ShareType.NONE
                        && !r.providerUscc().equals(staff.scope().organisationUscc()));
        if (!model.containsAttribute("returning")) {
            model.addAttribute("returning", new ReturnForm());
        }
        if (!model.containsAttribute("withdrawing")) {
            model.addAttribute("withdrawing", new ReturnForm());
        }
        return "exchange/resource";
    }

    @GetMapping("/exchange/resources/{ref}/edit")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String editForm(@PathVariable String ref, Model model) {
        Resource r = editable(ref);
        model.addAttribute("resource", resources.form(r));
        return form(r, model);
    }

    @PostMapping("/exchange/resources/{ref}/edit")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String edit(
            @PathVariable String ref,
            @ModelAttribute("resource") ResourceForm form,
            BindingResult binding,
            @RequestParam(required = false) String addItem,
            Model model,
            RedirectAttributes redirect) {
        Resource r = editable(ref);
        form.setCode(r.code());
        if (addItem != null) {
            form.getItems().add(new ResourceForm.ItemRow());
            return form(r, model);
        }
        ResourceForm.RULES.validate(form, binding);
        if (binding.hasErrors()) {
            return form(r, model);
        }
        resources.update(actors.require(), r.code(), form);
        redirect.addFlashAttribute("done", "exchange.resource.saved");
        return "redirect:/exchange/resources/" + ref;
    }

    @PostMapping("/exchange/resources/{ref}/submit")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String submit(@PathVariable String ref, RedirectAttributes redirect) {
        resources.submit(actors.require(), code(ref));
        redirect.addFlashAttribute("done", "exchange.resource.submitted");
        return "redirect:/exchange/resources/" + ref;
    }

    @PostMapping("/exchange/resources/{ref}/publish")
    @PreAuthorize("hasAuthority('exchange.review')")
    String publish(@PathVariable String ref, RedirectAttributes redirect) {
        resources.publish(actors.require(), code(ref));
        redirect.addFlashAttribute("done", "exchange.resource.published");
        return "redirect:/exchange/resources/" + ref;
    }

    @PostMapping("/exchange/resources/{ref}/return")
    @PreAuthorize("hasAuthority('exchange.review')")
    String sendBack(
            @PathVariable String ref,
            @ModelAttribute("returning") ReturnForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        Resource r = resources.visible(staff, code(ref));
        if (!resources.mayReview(staff, r)) {
            throw new org.zhengwu.shared.web.NotFoundException("exchange.resource.not-found");
        }
        if (!reasonGiven(form, binding)) {
            return one(ref, model);
        }
        resources.sendBack(staff, r.code(), form.getReason());
        redirect.addFlashAttribute("done", "exchange.resource.returned");
        return "redirect:/exchange/resources/" + ref;
    }

    @PostMapping("/exchange/resources/{ref}/withdraw")
    @PreAuthorize("hasAuthority('exchange.catalogue')")
    String withdraw(
            @PathVariable String ref,
            @ModelAttribute("withdrawing") ReturnForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Resource r = editable(ref);
        if (!r.published()) {
            throw new UserFacingException(
                    org.springframework.http.HttpStatus.CONFLICT, "exchange.resource.not-published");
        }
        if (!reasonGiven(form, binding)) {
            return one(ref, model);
        }
        resources.withdraw(actors.require(), r.code(), form.getReason());
        redirect.addFlashAttribute("done", "exchange.resource.withdrawn");
        return "redirect:/exchange/resources/" + ref;
    }

    /** A reason for sending back or withdrawing: required, at most 1,000 characters. */
    private static boolean reasonGiven(ReturnForm form, BindingResult binding) {
        if (form.getReason() == null) {
            binding.rejectValue("reason", "validation.required");
        } else if (form.getReason().length() > 1000) {
            binding.rejectValue("reason", "exchange.resource.too-long", new Object[] {1000}, null);
        }
        return !binding.hasErrors();
    }

    private Resource editable(String ref) {
        Actor staff = actors.require();
        Resource r = resources.visible(staff, code(ref));
        if (!resources.mayEdit(staff, r)) {
            throw new org.zhengwu.shared.web.NotFoundException("exchange.resource.not-found");
        }
        return r;
    }

    private String form(Resource r, Model model) {
        model.addAttribute("existing", r);
        model.addAttribute("shareTypes", ShareType.values());
        model.addAttribute("openTypes", OpenType.values());
        model.addAttribute("cycles", UpdateCycle.values());
        model.addAttribute("methods", ShareMethod.values());
        model.addAttribute("dataTypes", DataType.values());
        return "exchange/resource-form";
    }
}
