package org.zhengwu.shared.calendar;

import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/**
 * A working day would have to be counted in a year whose schedule of holidays and adjusted working days has not been
 * entered. Guessing from the weekdays would give a date that is wrong as soon as the schedule is published, so the
 * calendar refuses instead; the API answers 422 naming the year.
 */
public class NoScheduleException extends UserFacingException {

    private final int year;

    public NoScheduleException(int year) {
        // The year as text: a number argument would be formatted with a thousands separator (2,027).
        super(HttpStatus.UNPROCESSABLE_CONTENT, "calendar.no-schedule", String.valueOf(year));
        this.year = year;
    }

    /** The year without a schedule. */
    public int year() {
        return year;
    }
}
