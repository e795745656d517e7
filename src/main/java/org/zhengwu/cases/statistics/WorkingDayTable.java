package org.zhengwu.cases.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.calendar.CalendarChanged;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;

/**
 * Keeps {@code cases_working_day} (V43) equal to the working-day calendar, so that the decisions' roll-ups can sum the
 * working days from receipt to decision in the transaction of each decision: at the application's start and after
 * every change of the calendar it writes one row per day of each scheduled year — whether it is a working day, and the
 * working days of its run of consecutive scheduled years before it — and, when that differs from what the table held,
 * counts every decision again on the new calendar ({@code cases_statistics_recount_decisions()}). Several nodes may
 * do it at once; the first does the work and the others find the table as they would write it.
 */
@Component
class WorkingDayTable {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayTable.class);

    /** One row of the table. */
    record Day(LocalDate day, LocalDate segmentStart, int beforeDay, int working) {}

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final TransactionTemplate transactions;

    WorkingDayTable(JdbcClient jdbc, WorkingDays workingDays, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.transactions = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refresh();
    }

    @ApplicationModuleListener
    void on(CalendarChanged changed) {
        refresh();
    }

    /** @return whether the table changed, and with it the decisions' working days */
    public boolean refresh() {
        return Boolean.TRUE.equals(transactions.execute(status -> refreshInTransaction()));
    }

    private boolean refreshInTransaction() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cases_working_day'))")
                .query()
                .singleValue();
        List<Day> calendar = calendar();
        List<Day> kept = jdbc.sql("SELECT day, segment_start, before_day, working FROM cases_working_day ORDER BY day")
                .query((rs, n) -> new Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getObject("segment_start", LocalDate.class),
                        rs.getInt("before_day"),
                        rs.getInt("working")))
                .list();
        if (kept.equals(calendar)) {
            return false;
        }
        // No decision may be counted on the old calendar after the recount has read the cases.
        jdbc.sql("LOCK TABLE cases_case IN SHARE MODE").update();
        jdbc.sql("DELETE FROM cases_working_day").update();
        for (Day day : calendar) {
            jdbc.sql("""
                            INSERT INTO cases_working_day (day, segment_start, before_day, working)
                            VALUES (:day, :segmentStart, :beforeDay, :working)""")
                    .param("day", day.day())
                    .param("segmentStart", day.segmentStart())
                    .param("beforeDay", day.beforeDay())
                    .param("working", day.working())
                    .update();
        }
        jdbc.sql("SELECT cases_statistics_recount_decisions()").query().singleValue();
        log.info(
                "The working-day calendar of the statistics now holds {} day(s); every decision counted again",
                calendar.size());
        return true;
    }

    /**
     * The days of every scheduled year in order; the working days before a day count from the first day of its run of
     * consecutive scheduled years. A year whose schedule is withdrawn while this reads it is left out.
     */
    List<Day> calendar() {
        List<Day> days = new ArrayList<>();
        LocalDate segmentStart = null;
        int before = 0;
        int previousYear = Integer.MIN_VALUE;
        for (int year : workingDays.scheduledYears()) {
            List<Day> ofYear = new ArrayList<>();
            LocalDate start = year == previousYear + 1 ? segmentStart : LocalDate.of(year, 1, 1);
            int counted = year == previousYear + 1 ? before : 0;
            try {
                for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                    int working = workingDays.isWorkingDay(day) ? 1 : 0;
                    ofYear.add(new Day(day, start, counted, working));
                    counted += working;
                }
            } catch (NoScheduleException e) {
                previousYear = Integer.MIN_VALUE;
                continue;
            }
            days.addAll(ofYear);
            segmentStart = start;
            before = counted;
            previousYear = year;
        }
        return days;
    }
}
