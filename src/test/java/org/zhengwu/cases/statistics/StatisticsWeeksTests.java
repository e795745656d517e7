package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which weeks a period's series reads whole, and which days it reads one by one. */
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
                        assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
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
