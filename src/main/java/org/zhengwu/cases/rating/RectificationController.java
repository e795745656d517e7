package org.zhengwu.cases.rating;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.BadParameterException;

/**
 * 差评整改 tasks: the list of the departments in reach, one task with its rating, the rectification and the follow-ups
 * (回访). Staff who accept or examine the department's cases record; the region's supervisors look on.
 */
@Controller
@RequestMapping("/ratings/tasks")
class RectificationController {

    /** What the department did about a bad rating. */
    public static class RectifyForm {
        static final Validator RULES = Validator.forInstanceOf(RectifyForm.class, (form, errors) -> {
            ValidationUtils.rejectIfEmpty(errors, "measures", "validation.required");
            if (form.measures != null && form.measures.length() > Rectifications.MEASURES_LIMIT) {
                errors.rejectValue(
                        "measures", "validation.too-long", new Object[] {Rectifications.MEASURES_LIMIT}, null);
            }
        });

        private String measures;

        public String getMeasures() {
            return measures;
        }

        public void setMeasures(String measures) {
            this.measures = measures;
        }
    }

    /** One follow-up with the applicant: when, whether they were reached, how satisfied they are now. */
    public static class FollowUpForm {
        static final Validator RULES = Validator.forInstanceOf(FollowUpForm.class, (form, errors) -> {
            if (form.visitedOn == null && !errors.hasFieldErrors("visitedOn")) {
                errors.rejectValue("visitedOn", "validation.required");
            }
            FollowUp.Contact contact = form.contact();
            if (contact == null) {
                errors.rejectValue("contact", "validation.choose");
            }
            if (!errors.hasFieldErrors("satisfactionAfter")) {
                if (contact == FollowUp.Contact.REACHED && form.satisfactionAfter == null) {
                    errors.rejectValue("satisfactionAfter", "cases.follow-up.satisfaction.required");
                } else if (contact != FollowUp.Contact.REACHED && form.satisfactionAfter != null) {
                    errors.rejectValue("satisfactionAfter", "cases.follow-up.satisfaction.only-reached");
                } else if (form.satisfactionAfter != null
                        && (form.satisfactionAfter < Rating.LOWEST || form.satisfactionAfter > Rating.HIGHEST)) {
                    errors.rejectValue("satisfactionAfter", "cases.rating.score.invalid");
                }
            }
            if (form.notes != null && form.notes.length() > Rectifications.NOTES_LIMIT) {
                errors.rejectValue("notes", "validation.too-long", new Object[] {Rectifications.NOTES_LIMIT}, null);
            }
        });

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate visitedOn;

        private String contact;
        private Integer satisfactionAfter;
        private String notes;

        FollowUp.Contact contact() {
            return Arrays.stream(FollowUp.Contact.values())
                    .filter(c -> c.name().equals(contact))
                    .findFirst()
                    .orElse(null);
        }

        public LocalDate getVisitedOn() {
            return visitedOn;
        }

        public void setVisitedOn(LocalDate visitedOn) {
            this.visitedOn = visitedOn;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public Integer getSatisfactionAfter() {
            return satisfactionAfter;
        }

        public void setSatisfactionAfter(Integer satisfactionAfter) {
            this.satisfactionAfter = satisfactionAfter;
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(String notes) {
            this.notes = notes;
        }
    }

    private final Rectifications rectifications;
    private final RatingRecords records;
    private final CaseRecords cases;
    private final Organisations organisations;
    private final Actors actors;
    private final Clock clock;

    RectificationController(
            Rectifications rectifications,
            RatingRecords records,
            CaseRecords cases,
            Organisations organisations,
            Actors actors,
            Clock clock) {
        this.rectifications = rectifications;
        this.records = records;
        this.cases = cases;
        this.organisations = organisations;
        this.actors = actors;
        this.clock = clock;
    }

    @InitBinder("rectify")
    void rectifyRules(WebDataBinder binder) {
        binder.addValidators(RectifyForm.RULES);
    }

    @InitBinder("followUp")
    void followUpRules(WebDataBinder binder) {
        binder.addValidators(FollowUpForm.RULES);
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review', 'cases.supervise')")
    String list(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Rectification.Status chosen = switch (status) {
            case "open" -> Rectification.Status.OPEN;
            case "rectified" -> Rectification.Status.RECTIFIED;
            case "all" -> null;
            default -> throw new BadParameterException("status", "search.problem.unknown-code", status);
        };
        if (page < 1 || page > 10_000) {
            throw new BadParameterException("page", "search.problem.number", 1, 10_000);
        }
        model.addAttribute("status", status);
        model.addAttribute("tasks", records.tasks(actors.require(), chosen, page));
        model.addAttribute("page", page);
        model.addAttribute("today", LocalDate.now(clock));
        return "cases/rating/tasks";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review', 'cases.supervise')")
    String task(@PathVariable long id, Model model) {
        return task(rectifications.reachable(actors.require(), id), model);
    }

    @PostMapping("/{id}/rectification")
    @PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review')")
    String rectify(
            @PathVariable long id,
            @Validated @ModelAttribute("rectify") RectifyForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        Rectification task = rectifications.requireActable(actor, id, "cases.rectification.record");
        if (binding.hasErrors()) {
            return task(task, model);
        }
        try {
            rectifications.rectify(actor, task.id(), form.getMeasures());
        } catch (CaseConflictException e) {
            return conflict(task.id(), e, model, response);
        }
        redirect.addFlashAttribute("notice", "cases.rectification.recorded");
        return "redirect:/ratings/tasks/" + task.id();
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review')")
    String followUp(
            @PathVariable long id,
            @Validated @ModelAttribute("followUp") FollowUpForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = actors.require();
        Rectification task = rectifications.requireActable(actor, id, "cases.follow-up.record");
        LocalDate visited = form.getVisitedOn();
        if (visited != null && !binding.hasFieldErrors("visitedOn")) {
            LocalDate today = LocalDate.now(clock);
            if (visited.isAfter(today)) {
                binding.rejectValue("visitedOn", "cases.follow-up.visited.future");
            } else if (task.rectifiedAt() != null
                    && visited.isBefore(LocalDate.ofInstant(task.rectifiedAt(), BusinessTime.ZONE))) {
                binding.rejectValue("visitedOn", "cases.follow-up.visited.before-rectified");
            }
        }
        if (binding.hasErrors()) {
            return task(task, model);
        }
        try {
            rectifications.followUp(
                    actor,
                    task.id(),
                    new Rectifications.FollowUpInput(
                            visited, form.contact(), form.getSatisfactionAfter(), form.getNotes()));
        } catch (CaseConflictException e) {
            return conflict(task.id(), e, model, response);
        }
        redirect.addFlashAttribute("notice", "cases.follow-up.recorded");
        return "redirect:/ratings/tasks/" + task.id();
    }

    private String conflict(long id, CaseConflictException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("problem", e.messageKey());
        model.asMap().remove("rectify");
        model.asMap().remove("followUp");
        return task(records.rectification(id).orElseThrow(), model);
    }

    private String task(Rectification task, Model model) {
        Actor actor = actors.require();
        CaseRow c = cases.find(task.caseId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("task", task);
        model.addAttribute("case", c);
        model.addAttribute("number", new CaseNumber(c.caseNumber()));
        model.addAttribute(
                "department",
                organisations
                        .find(task.organisationUscc())
                        .map(Organisation::name)
                        .orElse(task.organisationUscc()));
        model.addAttribute("rating", records.rating(task.ratingId()).orElseThrow());
        model.addAttribute("followUps", records.followUps(task.id()));
        model.addAttribute("mayAct", Rectifications.mayAct(actor, task));
        model.addAttribute("workingDays", rectifications.workingDaysAllowed());
        model.addAttribute(
                "late",
                task.late(
                        today,
                        task.rectifiedAt() == null
                                ? null
                                : LocalDate.ofInstant(task.rectifiedAt(), BusinessTime.ZONE)));
        model.addAttribute("contacts", List.of(FollowUp.Contact.values()));
        model.addAttribute("scores", RatingController.SCORES);
        if (!model.containsAttribute("rectify")) {
            model.addAttribute("rectify", new RectifyForm());
        }
        if (!model.containsAttribute("followUp")) {
            FollowUpForm form = new FollowUpForm();
            form.setVisitedOn(today);
            model.addAttribute("followUp", form);
        }
        return "cases/rating/task";
    }
}
