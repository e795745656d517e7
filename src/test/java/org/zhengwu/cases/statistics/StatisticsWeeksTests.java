package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which weeks a period reads whole, and which days it reads one by one: for its series and for its edges. */
class StatisticsWeeksTests {

    @Test
    void byWeekEveryWholeWeekOfThePeriodIsReadAsOneAndOnlyTheEdgesAsDays() {
        StatisticsQueries.Weeks weeks = weeks("2026-09-08", "2026-12-06", CaseStatistics.Granularity.WEEK);
        assertThat(weeks.mondays()).hasSize(12).startsWith(day("2026-09-14")).endsWith(day("2026-11-30"));
        assertThat(weeks.days()).isEqualTo(days("2026-09-08", "2026-09-13"));
    }

    @Test
    void byMonthAWeekAcrossTwoMonthsIsReadAsItsDays() {
        StatisticsQueries.Weeks weeks = weeks("2026-09-08", "2026-12-06", CaseStatistics.Granularity.MONTH);
        // 2026-09-28 to 10-04 and 10-26 to 11-01 cross a month's end; 11-30 to 12-06 too.
        assertThat(weeks.mondays())
                .containsExactly(
                        day("2026-09-14"),
                        day("2026-09-21"),
                        day("2026-10-05"),
                        day("2026-10-12"),
                        day("2026-10-19"),
                        day("2026-11-02"),
                        day("2026-11-09"),
                        day("2026-11-16"),
                        day("2026-11-23"));
        List<LocalDate> expected = new ArrayList<>(days("2026-09-08", "2026-09-13"));
        expected.addAll(days("2026-09-28", "2026-10-04"));
        expected.addAll(days("2026-10-26", "2026-11-01"));
        expected.addAll(days("2026-11-30", "2026-12-06"));
        assertThat(weeks.days()).isEqualTo(expected);
    }

    @Test
    void everyDayOfThePeriodIsReadOnceWhateverItsLengthAndStart() {
        for (CaseStatistics.Granularity by : CaseStatistics.Granularity.values()) {
            for (int start = 0; start < 14; start++) {
                for (int length = 1; length < 80; length += 3) {
                    LocalDate from = day("2025-12-22").plusDays(start);
                    LocalDate to = from.plusDays(length - 1);
                    StatisticsQueries.Weeks weeks = StatisticsQueries.Weeks.of(new CaseStatistics.Period(from, to, by));
                    List<LocalDate> covered = new ArrayList<>(weeks.days());
                    for (LocalDate monday : weeks.mondays()) {
                        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                        if (by == CaseStatistics.Granularity.MONTH) {
                            assertThat(monday.plusDays(6).getMonth()).isEqualTo(monday.getMonth());
                        }
                        for (int d = 0; d < 7; d++) {
                            covered.add(monday.plusDays(d));
                        }
                    }
                    covered.sort(null);
                    assertThat(covered).as("%s %s %s", by, from, to).isEqualTo(days(from.toString(), to.toString()));
                }
            }
        }
    }

    @Test
    void theDefaultPeriodsEdgesAreReadAsTwoWeeksAndThreeDays() {
        StatisticsQueries.Edges edges =
                StatisticsQueries.Edges.of(StatisticsQueries.Span.of(day("2026-09-08"), day("2026-12-06")));
        // September less its first seven days: the week of 08-31 less 08-31, and 09-07 alone; December's six days:
        // the week of 11-30 less 11-30.
        assertThat(edges.weeks()).isEqualTo(Map.of(-1, List.of(day("2026-08-31")), 1, List.of(day("2026-11-30"))));
        assertThat(edges.days())
                .isEqualTo(Map.of(1, List.of(day("2026-08-31")), -1, List.of(day("2026-09-07"), day("2026-11-30"))));
    }

    @Test
    void monthsWeeksAndDaysCountEveryDayOfThePeriodOnceAndNoOtherDay() {
        Random random = new Random(20261206);
        for (int i = 0; i < 3_000; i++) {
            LocalDate from = day("2025-10-01").plusDays(random.nextInt(500));
            LocalDate to = from.plusDays(random.nextInt(i % 3 == 0 ? 20 : 400));
            StatisticsQueries.Span span = StatisticsQueries.Span.of(from, to);
            StatisticsQueries.Edges edges = StatisticsQueries.Edges.of(span);
            Map<LocalDate, Integer> coefficients = new TreeMap<>();
            for (LocalDate month = span.monthFrom(); !month.isAfter(span.monthTo()); month = month.plusMonths(1)) {
                month.datesUntil(month.plusMonths(1)).forEach(d -> coefficients.merge(d, 1, Integer::sum));
            }
            edges.weeks()
                    .forEach((coefficient, mondays) -> mondays.forEach(monday -> {
                        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                        monday.datesUntil(monday.plusDays(7))
                                .forEach(d -> coefficients.merge(d, coefficient, Integer::sum));
                    }));
            edges.days()
                    .forEach(
                            (coefficient, days) -> days.forEach(d -> coefficients.merge(d, coefficient, Integer::sum)));
            coefficients.values().removeIf(c -> c == 0);
            Map<LocalDate, Integer> expected = new TreeMap<>();
            from.datesUntil(to.plusDays(1)).forEach(d -> expected.put(d, 1));
            assertThat(coefficients).as("%s to %s", from, to).isEqualTo(expected);
            // Never more rows than the edges' days one by one.
            int pieces = edges.weeks().values().stream().mapToInt(List::size).sum()
                    + edges.days().values().stream().mapToInt(List::size).sum();
            assertThat(pieces).isLessThanOrEqualTo(edgeDays(span));
        }
    }

    private static int edgeDays(StatisticsQueries.Span span) {
        return (int) (days(span.add1From(), span.add1To())
                + days(span.add2From(), span.add2To())
                + days(span.sub1From(), span.sub1To())
                + days(span.sub2From(), span.sub2To()));
    }

    private static long days(LocalDate from, LocalDate to) {
        return to.isBefore(from) ? 0 : from.until(to.plusDays(1), java.time.temporal.ChronoUnit.DAYS);
    }

    private static StatisticsQueries.Weeks weeks(String from, String to, CaseStatistics.Granularity by) {
        return StatisticsQueries.Weeks.of(new CaseStatistics.Period(day(from), day(to), by));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> days(String from, String to) {
        return day(from).datesUntil(day(to).plusDays(1)).toList();
    }
}
