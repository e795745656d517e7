package org.zhengwu.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.CalendarRepository.EnteredYear;
import org.zhengwu.shared.calendar.CalendarRepository.SpecialDay;
import org.zhengwu.shared.calendar.CalendarRepository.YearSummary;

/**
 * Changes to the calendar, as administrators make them: each is written to the accountability log in the transaction
 * that makes it and announced as {@link CalendarChanged}. A change that changes nothing (a day removed twice) is
 * neither logged nor announced.
 */
@Service
class CalendarAdministration {

    static final int MAX_REASON = 50;
    static final int MAX_SOURCE = 200;

    private static final String DAY = "calendar-day";
    private static final String YEAR = "calendar-year";

    private final CalendarRepository repository;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;

    CalendarAdministration(CalendarRepository repository, AccountabilityLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    static boolean knownYear(int year) {
        return year >= WorkingDays.FIRST_YEAR && year <= WorkingDays.LAST_YEAR;
    }

    List<YearSummary> years() {
        return repository.years();
    }

    List<SpecialDay> days(int year) {
        return repository.days(year);
    }

    Optional<SpecialDay> day(LocalDate date) {
        return repository.find(date);
    }

    Optional<EnteredYear> entered(int year) {
        return repository.entered(year);
    }

    /**
     * The calendar's rules for a day an administrator sets in a year's page, on the form's fields {@code date} and
     * {@code working}: a day of that year, and a working day only on a weekend (every weekday already is one). The
     * form's own rules (each field given) are its validator's.
     */
    void checkDay(int year, LocalDate date, Boolean workingDay, Errors errors) {
        if (date != null && date.getYear() != year) {
            errors.rejectValue("date", "calendar.day.other-year", new Object[] {String.valueOf(year)}, null);
        }
        if (Boolean.TRUE.equals(workingDay) && date != null && !weekend(date)) {
            errors.rejectValue("working", "calendar.day.weekday-working");
        }
    }

    /** Sets a validated day, as new or in place of what it was. */
    @Transactional
    void setDay(LocalDate date, boolean workingDay, String reason, String actor) {
        Optional<SpecialDay> before = repository.find(date);
        repository.set(date, workingDay, reason, actor);
        events.publishEvent(new CalendarChanged(date.getYear()));
        audit.record(AuditEvent.success(actor, "shared.calendar.day.set", DAY, date.toString())
                .withDetails(describe(workingDay, reason)
                        + before.map(b -> " (was " + describe(b.workingDay(), b.reason()) + ")")
                                .orElse("")));
    }

    /** Removes a day, so that it is again as the week says; whether it was set. */
    @Transactional
    boolean removeDay(LocalDate date, String actor) {
        Optional<SpecialDay> before = repository.find(date);
        if (before.isEmpty() || !repository.remove(date)) {
            return false;
        }
        events.publishEvent(new CalendarChanged(date.getYear()));
        audit.record(AuditEvent.success(actor, "shared.calendar.day.remove", DAY, date.toString())
                .withDetails("was "
                        + describe(before.get().workingDay(), before.get().reason())));
        return true;
    }

    /** Records the year's schedule as entered from the named notice: from now on working days are counted in it. */
    @Transactional
    void enterYear(int year, String source, String actor) {
        repository.enter(year, source, actor);
        events.publishEvent(new CalendarChanged(year));
        audit.record(AuditEvent.success(actor, "shared.calendar.year.enter", YEAR, String.valueOf(year))
                .withDetails(source));
    }

    /** Takes back that the year's schedule is entered: counting in it is refused until it is entered again. */
    @Transactional
    boolean reopenYear(int year, String actor) {
        if (!repository.reopen(year)) {
            return false;
        }
        events.publishEvent(new CalendarChanged(year));
        audit.record(AuditEvent.success(actor, "shared.calendar.year.reopen", YEAR, String.valueOf(year)));
        return true;
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String describe(boolean workingDay, String reason) {
        return (workingDay ? "working day" : "not a working day") + ": " + reason;
    }
}
