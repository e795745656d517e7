package org.zhengwu.shared.calendar;

/**
 * The working days of a year have changed: a day was set or removed, or the year's schedule was recorded as entered
 * or reopened. Due dates that count working days in that year may have moved and should be computed again.
 *
 * @param year the calendar year that changed
 */
public record CalendarChanged(int year) {}
