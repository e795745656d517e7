package org.zhengwu.cases.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;

/**
 * The statutory clocks of a case on the working-day calendar: working days count from the day after the start day
 * (行政许可法 §82, 民法典 §201). A due date in a year whose schedule has not been entered is unknown, never guessed.
 */
@Component
public class CaseClock {

    /** 行政许可法 §32: 补正 must be notified within five working days of receipt. */
    public static final int CORRECTION_NOTICE_DAYS = 5;

    private final WorkingDays workingDays;
    private final Clock clock;

    CaseClock(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The committed completion date of a case started on {@code start}, or empty when it cannot be known yet. */
    public Optional<LocalDate> due(LocalDate start, Guide.TimeLimit limit) {
        if (limit == null || limit.value() <= 0) {
            return Optional.of(start);
        }
        try {
            return Optional.of(
                    switch (limit.unit()) {
                        case WORKING_DAYS -> workingDays.dueDate(start, limit.value());
                        case NATURAL_DAYS -> start.plusDays(limit.value());
                        case HOURS -> start.plusDays((limit.value() + 23) / 24);
                    });
        } catch (NoScheduleException e) {
            return Optional.empty();
        }
    }

    /** Whether the five working days for a 补正 notice after receipt on {@code receivedOn} have run out by today. */
    public boolean correctionNoticeExpired(LocalDate receivedOn) {
        try {
            return today().isAfter(workingDays.dueDate(receivedOn, CORRECTION_NOTICE_DAYS));
        } catch (NoScheduleException e) {
            return false;
        }
    }

    static int days(Guide.TimeLimit limit) {
        return limit == null || limit.unit() != LimitUnit.WORKING_DAYS ? 0 : limit.value();
    }
}
