package org.zhengwu.cases.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;

/**
 * 特别程序 on a case: the forms sit on the workbench's case page and post here; a form with problems comes back on the
 * case's clock page (its procedures and the forms), a success goes back to the case page.
 */
@Controller
@RequestMapping("/workbench/cases/{id}/clock")
@PreAuthorize("hasAnyAuthority('cases.review', 'cases.approve')")
class ClockController {

    static final int MAX_REASON = 2000;

    /** A pause: which procedure, why, from which day. */
    public static class PauseForm {
        static final Validator RULES = Validator.forInstanceOf(PauseForm.class, (form, errors) -> {
            if (form.pauseKind == null) {
                errors.rejectValue("pauseKind", "validation.choose");
            } else if (Arrays.stream(ClockEventKind.values())
                    .noneMatch(k -> k.pause() && k.name().equals(form.pauseKind))) {
                errors.rejectValue("pauseKind", "validation.choose");
            }
            ValidationUtils.rejectIfEmpty(errors, "pauseReason", "validation.required");
            if (form.pauseReason != null && form.pauseReason.length() > MAX_REASON) {
                errors.rejectValue("pauseReason", "validation.too-long", new Object[] {MAX_REASON}, null);
            }
            ValidationUtils.rejectIfEmpty(errors, "pauseStart", "validation.required");
        });

        private int version;
        private String pauseKind;
        private String pauseReason;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate pauseStart;

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getPauseKind() {
            return pauseKind;
        }

        public void setPauseKind(String pauseKind) {
            this.pauseKind = pauseKind;
        }

        public String getPauseReason() {
            return pauseReason;
        }

        public void setPauseReason(String pauseReason) {
            this.pauseReason = pauseReason;
        }

        public LocalDate getPauseStart() {
            return pauseStart;
        }

        public void setPauseStart(LocalDate pauseStart) {
            this.pauseStart = pauseStart;
        }
    }

    /** The end of the open pause. */
    public static class ResumeForm {
        static final Validator RULES = Validator.forInstanceOf(
                ResumeForm.class,
                (form, errors) -> ValidationUtils.rejectIfEmpty(errors, "resumeOn", "validation.required"));

        private int version;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate resumeOn;

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public LocalDate getResumeOn() {
            return resumeOn;
        }

        public void setResumeOn(LocalDate resumeOn) {
            this.resumeOn = resumeOn;
        }
    }

    /** The extension, with the reason the head of the organisation approved it for. */
    public static class ExtensionForm {
        static final Validator RULES = Validator.forInstanceOf(ExtensionForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "extensionReason", "validation.required");
            if (form.extensionReason != null && form.extensionReason.length() > MAX_REASON) {
                errors.rejectValue("extensionReason", "validation.too-long", new Object[] {MAX_REASON}, null);
            }
        });

        private int version;
        private String extensionReason;

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getExtensionReason() {
            return extensionReason;
        }

        public void setExtensionReason(String extensionReason) {
            this.extensionReason = extensionReason;
        }
    }

    private final SpecialProcedures procedures;
    private final ClockPanel panel;
    private final CaseLifecycle lifecycle;
    private final Actors actors;

    ClockController(SpecialProcedures procedures, ClockPanel panel, CaseLifecycle lifecycle, Actors actors) {
        this.procedures = procedures;
        this.panel = panel;
        this.lifecycle = lifecycle;
        this.actors = actors;
    }

    @InitBinder("pause")
    void pauseRules(WebDataBinder binder) {
        binder.addValidators(PauseForm.RULES);
    }

    @InitBinder("resume")
    void resumeRules(WebDataBinder binder) {
        binder.addValidators(ResumeForm.RULES);
    }

    @InitBinder("extension")
    void extensionRules(WebDataBinder binder) {
        binder.addValidators(ExtensionForm.RULES);
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        Actor actor = actors.require();
        return page(actor, lifecycle.reachable(actor, id), model);
    }

    @PostMapping("/pause")
    String pause(
            @PathVariable long id,
            @Validated @ModelAttribute("pause") PauseForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        CaseRow c = lifecycle.reachable(actor, id);
        procedures.requirePermitted(actor, c, ClockEventKind.HEARING, false);
        procedures.checkPauseStart(c, procedures.events(id), form.getPauseStart(), binding, "pauseStart");
        if (binding.hasErrors()) {
            return page(actor, c, model);
        }
        try {
            procedures.pause(
                    actor,
                    id,
                    form.getVersion(),
                    ClockEventKind.valueOf(form.getPauseKind()),
                    form.getPauseReason(),
                    form.getPauseStart());
        } catch (CaseConflictException e) {
            return conflict(actor, id, e, model, response);
        }
        redirect.addFlashAttribute("notice", "cases.clock.done.pause");
        return "redirect:/workbench/cases/" + id;
    }

    @PostMapping("/resume")
    String resume(
            @PathVariable long id,
            @Validated @ModelAttribute("resume") ResumeForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        CaseRow c = lifecycle.reachable(actor, id);
        procedures.requirePermitted(actor, c, ClockEventKind.HEARING, true);
        procedures.checkPauseEnd(procedures.events(id), form.getResumeOn(), binding, "resumeOn");
        if (binding.hasErrors()) {
            return page(actor, c, model);
        }
        try {
            procedures.resume(actor, id, form.getVersion(), form.getResumeOn());
        } catch (CaseConflictException e) {
            return conflict(actor, id, e, model, response);
        }
        redirect.addFlashAttribute("notice", "cases.clock.done.resume");
        return "redirect:/workbench/cases/" + id;
    }

    @PostMapping("/extension")
    @PreAuthorize("hasAuthority('cases.approve')")
    String extend(
            @PathVariable long id,
            @Validated @ModelAttribute("extension") ExtensionForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        CaseRow c = lifecycle.reachable(actor, id);
        procedures.requirePermitted(actor, c, ClockEventKind.EXTENSION, false);
        if (binding.hasErrors()) {
            return page(actor, c, model);
        }
        try {
            procedures.extend(actor, id, form.getVersion(), form.getExtensionReason());
        } catch (CaseConflictException e) {
            return conflict(actor, id, e, model, response);
        }
        redirect.addFlashAttribute("notice", "cases.clock.done.extension");
        return "redirect:/workbench/cases/" + id;
    }

    /** The clock page again, as it is now, saying why nothing changed. */
    private String conflict(Actor actor, long id, CaseConflictException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("problem", e.messageKey());
        model.addAttribute("problemArguments", e.arguments());
        model.asMap().remove("pause");
        model.asMap().remove("resume");
        model.asMap().remove("extension");
        return page(actor, lifecycle.reachable(actor, id), model);
    }

    private String page(Actor actor, CaseRow c, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("number", new CaseNumber(c.caseNumber()));
        panel.addTo(model, actor, c);
        return "cases/supervision/clock";
    }
}
