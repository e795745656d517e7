package org.zhengwu.cases.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;

/**
 * The arithmetic of a case's clock with its special procedures. The clock starts on the day the case was accepted (for
 * one not yet accepted, the day it was received) and runs for the promised working days, counted from the day after
 * (行政许可法 §82); each ended pause adds the working days it covered — those after the day it started up to the day it
 * ended, the same count as a limit's (so a pause started and ended on one day covers none) — and each extension its
 * days. Equivalently: the running periods of the clock add up to the limit, as {@link WorkingDays} describes. A due
 * date that would have to count a day of a year with no schedule is unknown (empty), never guessed.
 */
@Component
class StatutoryClock {

    private final WorkingDays workingDays;

    StatutoryClock(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The day the case's clock started. */
    static LocalDate start(CaseRow c) {
        return c.acceptedAt() != null ? LocalDate.ofInstant(c.acceptedAt(), BusinessTime.ZONE) : c.receivedOn();
    }

    /** Whether the case's limit is counted in working days, so that its due date follows from the calendar. */
    static boolean countedInWorkingDays(CaseRow c) {
        return c.promisedDays() != null && c.promisedDays() > 0;
    }

    /** The due date of a clock of {@code promisedDays} working days from {@code start} with these procedures. */
    Optional<LocalDate> due(LocalDate start, int promisedDays, List<ClockEvent> events) {
        try {
            int days = promisedDays;
            for (ClockEvent event : events) {
                days += added(event);
            }
            return Optional.of(workingDays.dueDate(start, days));
        } catch (NoScheduleException e) {
            return Optional.empty();
        }
    }

    /**
     * The due date after one more procedure ended, for a case whose limit is not in working days (its due date was
     * set from natural days or hours when it was accepted, so it cannot be counted again from the start).
     */
    Optional<LocalDate> moved(LocalDate due, ClockEvent ended) {
        if (due == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(workingDays.dueDate(due, added(ended)));
        } catch (NoScheduleException e) {
            return Optional.empty();
        }
    }

    /** The working days a pause covered so far, up to {@code until} when it is still open. */
    int covered(ClockEvent pause, LocalDate until) {
        LocalDate end = pause.endedOn() != null ? pause.endedOn() : until;
        return end.isAfter(pause.startedOn()) ? workingDays.workingDaysBetween(pause.startedOn(), end) : 0;
    }

    /** The working days an event adds to the clock: an extension's days, an ended pause's covered days. */
    private int added(ClockEvent event) {
        if (event.kind() == ClockEventKind.EXTENSION) {
            return event.extensionDays();
        }
        return event.endedOn() == null ? 0 : covered(event, event.endedOn());
    }
}
