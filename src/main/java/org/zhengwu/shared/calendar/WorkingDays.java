package org.zhengwu.shared.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Working days and time limits counted in them. Monday to Friday are working days and weekends are not, except where
 * the year's schedule says otherwise (a public holiday, or an adjusted working day 调休上班 on a weekend). A time limit
 * of N working days starting on a day ends on the Nth working day after it: the start day itself is never counted,
 * whatever it is (行政许可法 §82, 民法典 §201), and a limit that would end on a holiday ends on the next working day
 * because only working days are counted.
 *
 * <p>Every answer needs the schedule of each year it looks at; a year whose schedule has not been entered is never
 * guessed from the weekdays: the answer is a {@link NoScheduleException} naming the year.
 *
 * <p>A clock with pauses (hearings, expert review) counts the working days of each running period with
 * {@link #workingDaysBetween} and, once running again, ends at {@code dueDate(resumed, remaining)}.
 *
 * <p>Each year's schedule is read once and kept; a change on this node evicts the year at once, on other nodes within
 * {@link #CACHE_TTL}.
 */
@Service
public class WorkingDays {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    /** The years the calendar can hold a schedule for (the tables' checks say the same). */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2099;

    private final CalendarRepository repository;
    private final Cache<Integer, YearSchedule> years = Caffeine.newBuilder()
            .maximumSize(LAST_YEAR - FIRST_YEAR + 2)
            .expireAfterWrite(CACHE_TTL)
            .build();

    WorkingDays(CalendarRepository repository) {
        this.repository = repository;
    }

    /** Whether the day is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        return day(date).workingDay();
    }

    /** The day, whether it is a working day, and why where the schedule says. */
    public CalendarDay day(LocalDate date) {
        return schedule(date.getYear()).day(date);
    }

    /**
     * The day on which a time limit of {@code workingDays} working days that starts on {@code from} ends: the
     * {@code workingDays}th working day after {@code from} ({@code from} itself for 0).
     *
     * @throws NoScheduleException when a year the count passes through has no schedule
     */
    public LocalDate dueDate(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a time limit of " + workingDays + " working days");
        }
        Lookup lookup = new Lookup();
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = next(day);
            if (lookup.day(day).workingDay()) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The working days after {@code from}, up to and including {@code to}: how much of a time limit starting on
     * {@code from} has run by the end of {@code to}. Negative, as many, when {@code to} is before
     * {@code from} (a case overdue by so many working days).
     *
     * @throws NoScheduleException when a year of the period has no schedule
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        Lookup lookup = new Lookup();
        int counted = 0;
        for (LocalDate day = from; day.isBefore(to); ) {
            day = day.plusDays(1);
            if (lookup.day(day).workingDay()) {
                counted++;
            }
        }
        return counted;
    }

    /** The years whose schedule has been entered, in order; every other year's days are unknown. */
    private SortedSet<Integer> scheduledYears() {
        return repository.years().stream()
                .filter(CalendarRepository.YearSummary::entered)
                .map(CalendarRepository.YearSummary::year)
                .filter(year -> year >= FIRST_YEAR && year <= LAST_YEAR)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every scheduled year's days in order, each saying whether it is a working day — read from the database now, not
     * from this node's memory, which may hold for up to {@link #CACHE_TTL} a year another node has just changed: for
     * copies of the calendar kept elsewhere, which must be written from the schedule as it was committed.
     */
    public SortedMap<Integer, List<CalendarDay>> storedSchedules() {
        SortedMap<Integer, List<CalendarDay>> schedules = new TreeMap<>();
        for (int year : scheduledYears()) {
            YearSchedule schedule = load(year);
            if (!schedule.entered()) {
                continue; // reopened meanwhile
            }
            List<CalendarDay> days = new ArrayList<>(366);
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                days.add(schedule.day(day));
            }
            schedules.put(year, days);
        }
        return schedules;
    }

    /**
     * A year's schedule leaves this node's memory once it changed (after commit), before any other listener of the
     * change runs: those that count working days again (the cases' due dates) must count on the new schedule.
     */
    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(CalendarChanged event) {
        years.invalidate(event.year());
    }

    private static LocalDate next(LocalDate day) {
        if (day.getYear() == Year.MAX_VALUE) {
            // Past the last day Java knows; no schedule reaches it.
            throw new NoScheduleException(day.getYear());
        }
        return day.plusDays(1);
    }

    /** The schedule of an entered year, or the refusal for one that is not. */
    private YearSchedule schedule(int year) {
        YearSchedule schedule = years.get(year, this::load);
        if (!schedule.entered()) {
            throw new NoScheduleException(year);
        }
        return schedule;
    }

    private YearSchedule load(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR || repository.entered(year).isEmpty()) {
            return new YearSchedule(false, Map.of());
        }
        return new YearSchedule(
                true,
                repository.days(year).stream()
                        .map(d -> new CalendarDay(d.date(), d.workingDay(), d.reason()))
                        .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity())));
    }

    /** One year as the schedule sets it: the days that are not as the week says, and the holidays on weekends. */
    private record YearSchedule(boolean entered, Map<LocalDate, CalendarDay> days) {

        CalendarDay day(LocalDate date) {
            CalendarDay set = days.get(date);
            if (set != null) {
                return set;
            }
            DayOfWeek weekday = date.getDayOfWeek();
            return new CalendarDay(date, weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY, null);
        }
    }

    /** Walks day by day through one year's schedule at a time, asking the cache only when the year changes. */
    private final class Lookup {

        private int year = Integer.MIN_VALUE;
        private YearSchedule schedule;

        CalendarDay day(LocalDate date) {
            if (date.getYear() != year) {
                schedule = schedule(date.getYear());
                year = date.getYear();
            }
            return schedule.day(date);
        }
    }
}
