package org.zhengwu.shared.calendar;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.shared.calendar.CalendarRepository.YearSummary;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 工作日历 administration: the years the calendar knows, one year's holidays and adjusted working days, setting and
 * removing a day, and recording a year's schedule as entered (or taking that back).
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasAuthority('shared.calendar.manage')")
class CalendarAdminController {

    /** What a working-day choice posts: not a working day (a holiday), or a working day (调休上班). */
    static final List<String> WORKING_CHOICES = List.of("false", "true");

    private final CalendarAdministration calendar;
    private final Clock clock;

    CalendarAdminController(CalendarAdministration calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A day as set on the form: the date, whether it is a working day ("true"/"false"), and why. */
    public static class DayForm {
        static final Validator RULES = Validator.forInstanceOf(DayForm.class, (form, errors) -> {
            if (form.date == null && !errors.hasFieldErrors("date")) {
                errors.rejectValue("date", "validation.required");
            }
            if (form.workingDay() == null) {
                errors.rejectValue("working", "validation.choose");
            }
            if (form.reason == null) {
                errors.rejectValue("reason", "validation.required");
            } else if (form.reason.length() > CalendarAdministration.MAX_REASON) {
                errors.rejectValue(
                        "reason", "validation.too-long", new Object[] {CalendarAdministration.MAX_REASON}, null);
            }
        });

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;

        private String working;
        private String reason;

        Boolean workingDay() {
            return working == null || !WORKING_CHOICES.contains(working) ? null : Boolean.valueOf(working);
        }

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public String getWorking() {
            return working;
        }

        public void setWorking(String working) {
            this.working = working;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** The notice a year's schedule was entered from. */
    public static class ScheduleForm {
        static final Validator RULES = Validator.forInstanceOf(ScheduleForm.class, (form, errors) -> {
            if (form.source == null) {
                errors.rejectValue("source", "validation.required");
            } else if (form.source.length() > CalendarAdministration.MAX_SOURCE) {
                errors.rejectValue(
                        "source", "validation.too-long", new Object[] {CalendarAdministration.MAX_SOURCE}, null);
            }
        });

        private String source;

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }
    }

    @InitBinder("calendarDay")
    void dayRules(WebDataBinder binder) {
        binder.addValidators(DayForm.RULES);
    }

    @InitBinder("schedule")
    void scheduleRules(WebDataBinder binder) {
        binder.addValidators(ScheduleForm.RULES);
    }

    @GetMapping
    String years(Model model) {
        List<YearSummary> years = calendar.years();
        int thisYear = Year.now(clock).getValue();
        // This year and the next are always offered, so that the next year's schedule can be entered when published.
        Set<Integer> unlisted = new TreeSet<>(List.of(thisYear, thisYear + 1));
        years.forEach(y -> unlisted.remove(y.year()));
        unlisted.removeIf(y -> !CalendarAdministration.knownYear(y));
        model.addAttribute("years", years);
        model.addAttribute("unlisted", unlisted);
        return "shared/calendar";
    }

    @GetMapping("/{year}")
    String year(
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        requireKnown(year);
        if (!model.containsAttribute("calendarDay")) {
            DayForm form = new DayForm();
            if (date != null && date.getYear() == year) {
                // The day to change, as it is set now (or only its date, for a day not yet set).
                form.setDate(date);
                calendar.day(date).ifPresent(d -> {
                    form.setWorking(String.valueOf(d.workingDay()));
                    form.setReason(d.reason());
                });
            }
            model.addAttribute("calendarDay", form);
        }
        if (!model.containsAttribute("schedule")) {
            ScheduleForm schedule = new ScheduleForm();
            calendar.entered(year).ifPresent(e -> schedule.setSource(e.source()));
            model.addAttribute("schedule", schedule);
        }
        model.addAttribute("year", year);
        model.addAttribute("days", calendar.days(year));
        model.addAttribute("entered", calendar.entered(year).orElse(null));
        model.addAttribute("workingChoices", WORKING_CHOICES);
        return "shared/calendar-year";
    }

    @PostMapping("/{year}/days")
    String setDay(
            @PathVariable int year,
            @Validated @ModelAttribute("calendarDay") DayForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        requireKnown(year);
        calendar.checkDay(year, form.getDate(), form.workingDay(), binding);
        if (binding.hasErrors()) {
            return year(year, null, model);
        }
        calendar.setDay(form.getDate(), form.workingDay(), form.getReason(), principal.getName());
        redirect.addFlashAttribute("notice", "calendar.admin.day-set");
        return "redirect:/admin/calendar/" + year;
    }

    @PostMapping("/{year}/days/{date}/remove")
    String removeDay(
            @PathVariable int year,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Principal principal,
            RedirectAttributes redirect) {
        requireKnown(year);
        if (date.getYear() != year) {
            throw new NotFoundException("calendar.day.not-in-year", date.toString(), String.valueOf(year));
        }
        boolean removed = calendar.removeDay(date, principal.getName());
        redirect.addFlashAttribute("notice", removed ? "calendar.admin.day-removed" : "calendar.admin.day-not-set");
        return "redirect:/admin/calendar/" + year;
    }

    @PostMapping("/{year}/entered")
    String enter(
            @PathVariable int year,
            @Validated @ModelAttribute("schedule") ScheduleForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        requireKnown(year);
        if (binding.hasErrors()) {
            return year(year, null, model);
        }
        calendar.enterYear(year, form.getSource(), principal.getName());
        redirect.addFlashAttribute("notice", "calendar.admin.year-entered");
        return "redirect:/admin/calendar/" + year;
    }

    @PostMapping("/{year}/reopen")
    String reopen(@PathVariable int year, Principal principal, RedirectAttributes redirect) {
        requireKnown(year);
        boolean reopened = calendar.reopenYear(year, principal.getName());
        redirect.addFlashAttribute(
                "notice", reopened ? "calendar.admin.year-reopened" : "calendar.admin.year-not-entered");
        return "redirect:/admin/calendar/" + year;
    }

    private static void requireKnown(int year) {
        if (!CalendarAdministration.knownYear(year)) {
            throw new NotFoundException(
                    "calendar.year.out-of-range",
                    String.valueOf(year),
                    String.valueOf(WorkingDays.FIRST_YEAR),
                    String.valueOf(WorkingDays.LAST_YEAR));
        }
    }
}
