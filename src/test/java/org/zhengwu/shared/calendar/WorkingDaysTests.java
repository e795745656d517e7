package org.zhengwu.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.ZhengwuTest;

/**
 * The rule of 行政许可法 §82 and 民法典 §201 on the shipped schedules of 2025 and 2026: known answers worked out by
 * hand from the State Council's notices, the start day never counted, adjusted working days counted, and a year
 * without a schedule refused rather than guessed. The schedules are read from PostgreSQL as shipped by the migration.
 */
@ZhengwuTest
class WorkingDaysTests {

    @Autowired
    WorkingDays calendar;

    @Autowired
    CalendarAdministration administration;

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // 国庆节 1–7 Oct 2026 (Thu–Wed); Thursday 8 Oct is the first working day after it.
        "2026-09-30, 1, 2026-10-08",
        "2026-09-30, 2, 2026-10-09",
        // Saturday 10 Oct is 调休上班: it counts.
        "2026-09-30, 3, 2026-10-10",
        "2026-09-30, 4, 2026-10-12",
        // The start day is not counted whatever it is: a holiday, an adjusted working day, a weekend.
        "2026-10-03, 1, 2026-10-08",
        "2026-10-10, 1, 2026-10-12",
        "2026-03-07, 1, 2026-03-09",
        // An ordinary Friday: the weekend is not counted.
        "2026-03-06, 1, 2026-03-09",
        // Saturday 14 Feb is 调休上班; 春节 15–23 Feb.
        "2026-02-13, 1, 2026-02-14",
        "2026-02-13, 2, 2026-02-24",
        "2026-02-10, 15, 2026-03-09",
        // 元旦 1–3 Jan 2026; Sunday 4 Jan is 调休上班 — counted from the last day of 2025.
        "2025-12-31, 1, 2026-01-04",
        "2026-01-01, 20, 2026-01-29",
        // 清明节 4–6 Apr, 劳动节 1–5 May (Saturday 9 May 调休上班), 端午节 19–21 Jun.
        "2026-04-03, 1, 2026-04-07",
        "2026-04-30, 1, 2026-05-06",
        "2026-05-08, 1, 2026-05-09",
        "2026-06-18, 1, 2026-06-22",
        // A statutory twenty working days across 中秋节 (25–27 Sep, Sunday 20 Sep 调休上班) and 国庆节.
        "2026-09-10, 20, 2026-10-14",
        // Nothing to count: the start day itself.
        "2026-03-04, 0, 2026-03-04",
        "2026-12-30, 1, 2026-12-31",
        // 2025: Sunday 26 Jan 调休上班; 春节 28 Jan – 4 Feb.
        "2025-01-24, 1, 2025-01-26",
        "2025-01-27, 1, 2025-02-05",
        // 2025: 国庆节、中秋节 1–8 Oct, Saturday 11 Oct 调休上班.
        "2025-09-30, 1, 2025-10-09",
        "2025-09-30, 3, 2025-10-11",
    })
    void aTimeLimitEndsOnTheNthWorkingDayAfterTheStartDay(LocalDate from, int workingDays, LocalDate due) {
        assertThat(calendar.dueDate(from, workingDays)).isEqualTo(due);
        assertThat(calendar.workingDaysBetween(from, due)).isEqualTo(workingDays);
        assertThat(calendar.workingDaysBetween(due, from)).isEqualTo(-workingDays);
        if (workingDays > 0) {
            assertThat(calendar.isWorkingDay(due)).isTrue();
        }
    }

    @Test
    void eachDaySaysWhetherItIsAWorkingDayAndWhy() {
        assertThat(calendar.day(LocalDate.of(2026, 10, 1)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 1), false, "国庆节"));
        assertThat(calendar.day(LocalDate.of(2026, 10, 10)).workingDay()).isTrue();
        assertThat(calendar.day(LocalDate.of(2026, 10, 10)).reason()).contains("调休上班");
        // A holiday on a weekend carries its reason too.
        assertThat(calendar.day(LocalDate.of(2026, 4, 4)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 4, 4), false, "清明节"));
        // Ordinary days are as the week says, with no reason.
        assertThat(calendar.day(LocalDate.of(2026, 3, 4)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 3, 4), true, null));
        assertThat(calendar.day(LocalDate.of(2026, 3, 7)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 3, 7), false, null));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
    }

    @Test
    void theShippedSchedulesAreTheNotices() {
        // 365 days, 104 weekend days and 13 statutory holidays: 248 working days in each year.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
                .isEqualTo(248);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
                .isEqualTo(248);
        List<LocalDate> adjusted2026 = jdbc.sql("""
                        SELECT day FROM shared_calendar_day
                        WHERE working_day AND day BETWEEN DATE '2026-01-01' AND DATE '2026-12-31' ORDER BY day""").query(LocalDate.class).list();
        assertThat(adjusted2026)
                .containsExactly(
                        LocalDate.of(2026, 1, 4),
                        LocalDate.of(2026, 2, 14),
                        LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9),
                        LocalDate.of(2026, 9, 20),
                        LocalDate.of(2026, 10, 10))
                .allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_calendar_day
                        WHERE NOT working_day AND day BETWEEN DATE '2026-01-01' AND DATE '2026-12-31'""").query(Integer.class).single())
                .as("3 + 9 + 3 + 5 + 3 + 3 + 7 days of holiday periods")
                .isEqualTo(33);
    }

    @Test
    void aYearWithoutAScheduleIsNeverGuessed() {
        assertThatExceptionOfType(NoScheduleException.class)
                .isThrownBy(() -> calendar.dueDate(LocalDate.of(2026, 12, 30), 2))
                .satisfies(e -> assertThat(e.year()).isEqualTo(2027))
                .satisfies(e -> assertThat(e.status().value()).isEqualTo(422));
        assertThatExceptionOfType(NoScheduleException.class)
                .isThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 5)))
                .satisfies(e -> assertThat(e.year()).isEqualTo(2027));
        assertThatExceptionOfType(NoScheduleException.class)
                .isThrownBy(() -> calendar.day(LocalDate.of(2027, 1, 4)))
                .satisfies(e -> assertThat(e.year()).isEqualTo(2027));
        assertThatExceptionOfType(NoScheduleException.class)
                .isThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 5, 1)))
                .satisfies(e -> assertThat(e.year()).isEqualTo(2024));
        // Beyond the years a schedule can be entered for, and beyond the last day Java knows.
        assertThatExceptionOfType(NoScheduleException.class).isThrownBy(() -> calendar.day(LocalDate.of(1999, 6, 1)));
        assertThatExceptionOfType(NoScheduleException.class).isThrownBy(() -> calendar.dueDate(LocalDate.MAX, 1));
        assertThatExceptionOfType(NoScheduleException.class).isThrownBy(() -> calendar.dueDate(LocalDate.MIN, 1));
        // The start day's year needs no schedule: it is not counted.
        assertThat(calendar.dueDate(LocalDate.of(2024, 12, 31), 1)).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.dueDate(LocalDate.of(2026, 3, 4), -1));
    }

    @Test
    void aChangeIsCountedAtOnceAnnouncedAndLogged() {
        LocalDate thursday = LocalDate.of(2091, 3, 1);
        assertThat(thursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThatExceptionOfType(NoScheduleException.class).isThrownBy(() -> calendar.day(thursday));

        administration.enterYear(2091, "测试通知", "calendar-tester");
        assertThat(calendar.dueDate(thursday.minusDays(1), 1)).isEqualTo(thursday);

        List<String> listeners = new TransactionTemplate(transactions).execute(status -> {
            administration.setDay(thursday, false, "测试假日", "calendar-tester");
            return jdbc.sql("""
                            SELECT listener_id FROM event_publication
                            WHERE event_type = :type AND strpos(serialized_event, '2091') > 0""")
                    .param("type", CalendarChanged.class.getName())
                    .query(String.class)
                    .list();
        });
        assertThat(listeners)
                .as("the change is announced in the transaction that makes it")
                .contains("org.zhengwu.shared.calendar.WorkingDays.on(org.zhengwu.shared.calendar.CalendarChanged)");
        assertThat(calendar.day(thursday)).isEqualTo(new CalendarDay(thursday, false, "测试假日"));
        assertThat(calendar.dueDate(thursday.minusDays(1), 1)).isEqualTo(thursday.plusDays(1));

        assertThat(administration.removeDay(thursday, "calendar-tester")).isTrue();
        assertThat(administration.removeDay(thursday, "calendar-tester"))
                .as("removing a day that is not set changes nothing")
                .isFalse();
        assertThat(calendar.isWorkingDay(thursday)).isTrue();

        assertThat(administration.reopenYear(2091, "calendar-tester")).isTrue();
        assertThatExceptionOfType(NoScheduleException.class).isThrownBy(() -> calendar.day(thursday));

        assertThat(
                        log
                                .search(
                                        new AccountabilityLog.Query("calendar-tester", null, null, null, null, null),
                                        10,
                                        0)
                                .stream()
                                .map(e -> e.action() + " " + e.objectId())
                                .toList())
                .containsExactlyInAnyOrder(
                        "shared.calendar.year.enter 2091",
                        "shared.calendar.day.set 2091-03-01",
                        "shared.calendar.day.remove 2091-03-01",
                        "shared.calendar.year.reopen 2091");
    }
}
