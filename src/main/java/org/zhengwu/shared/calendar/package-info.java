/**
 * The working-day calendar: which days are working days (工作日) under the State Council's yearly schedule of public
 * holidays and adjusted working days (调休), and statutory time limits counted in them — from the day after the start
 * day, the start day itself not counted (行政许可法 §82, 民法典 §201). {@link org.zhengwu.shared.calendar.WorkingDays}
 * answers; a year whose schedule has not been entered is never guessed
 * ({@link org.zhengwu.shared.calendar.NoScheduleException}). Administrators keep the calendar at
 * {@code /admin/calendar}; each change is announced as {@link org.zhengwu.shared.calendar.CalendarChanged}, so that
 * due dates computed from it can be computed again.
 */
@NamedInterface("calendar")
package org.zhengwu.shared.calendar;

import org.springframework.modulith.NamedInterface;
