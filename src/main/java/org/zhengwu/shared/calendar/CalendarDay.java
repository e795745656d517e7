package org.zhengwu.shared.calendar;

import java.time.LocalDate;

/**
 * One day of the calendar.
 *
 * @param date       the day
 * @param workingDay whether it is a working day
 * @param reason     why, where the schedule says: the holiday (元旦, 春节, …) or the adjusted working day (调休上班);
 *                   null for an ordinary weekday or weekend
 */
public record CalendarDay(LocalDate date, boolean workingDay, String reason) {}
