package org.zhengwu.licence.manage;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.UserFacingException;

/**
 * The issuing organisation's licences: a list within the staff member's reach, and per licence 注销, 加注 and 换发.
 */
@Controller
@PreAuthorize("hasAuthority('licence.manage')")
class ManageController {

    static final int PAGE = 50;
    static final int REASON_LIMIT = 500;
    static final int CONTENT_LIMIT = 1000;

    /** What the three forms post: a reason always; the annotation's text and how long it holds for 加注. */
    public static class ChangeForm {
        private String reason;
        private String content;

        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
        }

        String trimmedReason() {
            return reason == null ? null : reason.strip();
        }
    }

    private final LicenceManagement management;
    private final LicenceRecords records;
    private final LicenceTypes types;
    private final SealedFields sealed;
    private final Actors actors;
    private final Clock clock;

    ManageController(
            LicenceManagement management,
            LicenceRecords records,
            LicenceTypes types,
            SealedFields sealed,
            Actors actors,
            Clock clock) {
        this.management = management;
        this.records = records;
        this.types = types;
        this.sealed = sealed;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/licences/manage")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor staff = actors.require();
        int from = Math.max(0, page) * PAGE;
        var licences =
                records.issued(staff.reachCondition(LicenceRecords.SCOPE, LicenceAccess.MANAGE), q, PAGE + 1, from);
        model.addAttribute("licences", licences.stream().limit(PAGE).toList());
        model.addAttribute("more", licences.size() > PAGE);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("today", today());
        return "licence/manage/list";
    }

    @GetMapping("/licences/manage/{id}")
    String one(@PathVariable long id, Model model) {
        return page(management.reachable(actors.require(), id), model);
    }

    @GetMapping("/licences/manage/{id}/{action:revoke|annotate|reissue}")
    String changeForm(@PathVariable long id, @PathVariable String action, Model model) {
        return change(management.reachable(actors.require(), id), action, model);
    }

    @PostMapping("/licences/manage/{id}/revoke")
    String revoke(
            @PathVariable long id,
            @ModelAttribute("change") ChangeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        LicenceRow l = management.reachable(staff, id);
        checkReason(form, binding);
        if (binding.hasErrors()) {
            return change(l, "revoke", model);
        }
        return done(l, "revoke", model, response, redirect, "licence.manage.revoked", () -> {
            management.revoke(staff, id, form.trimmedReason());
            return id;
        });
    }

    @PostMapping("/licences/manage/{id}/annotate")
    String annotate(
            @PathVariable long id,
            @ModelAttribute("change") ChangeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        LicenceRow l = management.reachable(staff, id);
        checkReason(form, binding);
        ANNOTATION.validate(form, binding);
        if (binding.hasErrors()) {
            return change(l, "annotate", model);
        }
        return done(l, "annotate", model, response, redirect, "licence.manage.annotated", () -> {
            management.annotate(
                    staff, id, form.trimmedReason(), form.getContent().strip(), form.getValidUntil());
            return id;
        });
    }

    @PostMapping("/licences/manage/{id}/reissue")
    String reissue(
            @PathVariable long id,
            @ModelAttribute("change") ChangeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        LicenceRow l = management.reachable(staff, id);
        checkReason(form, binding);
        if (binding.hasErrors()) {
            return change(l, "reissue", model);
        }
        return done(
                l,
                "reissue",
                model,
                response,
                redirect,
                "licence.manage.reissued",
                () -> management.reissue(staff, id, form.trimmedReason()).id());
    }

    private static final Validator ANNOTATION = Validator.forInstanceOf(ChangeForm.class, (form, errors) -> {
        if (form.getContent() == null || form.getContent().isBlank()) {
            errors.rejectValue("content", "validation.required");
        } else if (form.getContent().length() > CONTENT_LIMIT) {
            errors.rejectValue("content", "validation.too-long", new Object[] {CONTENT_LIMIT}, null);
        }
    });

    private void checkReason(ChangeForm form, BindingResult binding) {
        if (form.getReason() == null || form.getReason().isBlank()) {
            binding.rejectValue("reason", "validation.required");
        } else if (form.getReason().length() > REASON_LIMIT) {
            binding.rejectValue("reason", "validation.too-long", new Object[] {REASON_LIMIT}, null);
        }
        if (form.getValidUntil() != null && form.getValidUntil().isBefore(today())) {
            binding.rejectValue("validUntil", "licence.manage.valid-until.past");
        }
    }

    private String done(
            LicenceRow l,
            String action,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            java.util.function.Supplier<Long> change) {
        long shown;
        try {
            shown = change.get();
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.messageKey());
            return change(records.find(l.id()).orElseThrow(), action, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/licences/manage/" + shown;
    }

    private String page(LicenceRow l, Model model) {
        model.addAttribute("licence", l);
        model.addAttribute("status", l.status(today()));
        model.addAttribute("holderName", sealed.holderName(l));
        model.addAttribute("holderCode", l.holderCodeMasked());
        model.addAttribute("values", sealed.values(l));
        model.addAttribute("type", types.find(l.typeCode()).orElseThrow());
        model.addAttribute("versions", records.versions(l));
        model.addAttribute("annotations", records.annotations(l.id()));
        return "licence/manage/licence";
    }

    /** The page of one change (注销, 加注 or 换发) of a licence, with its form. */
    private String change(LicenceRow l, String action, Model model) {
        model.addAttribute("licence", l);
        model.addAttribute("action", action);
        if (!model.containsAttribute("change")) {
            model.addAttribute("change", new ChangeForm());
        }
        return "licence/manage/change";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
