package org.zhengwu.cases.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.zhengwu.shared.calendar.WorkingDays;

/**
 * Keeps {@code cases_working_day} (V43) equal to the working-day calendar, so that the decisions' roll-ups can sum the
 * working days from receipt to decision in the transaction of each decision. At the application's start and after
 * every change of the calendar it reads the schedules as committed ({@link WorkingDays#storedSchedules}, not this
 * node's cache, which may be behind another node's change) and, where a day's working or not — or whether its year is
 * scheduled at all — differs from the copy, takes the decisions whose days counted touch the changed days out of the
 * roll-ups on the old copy, writes the new copy, and adds them back on it, under a SHARE lock of {@code cases_case}:
 * entering next year's schedule touches next year's few decisions only, not every decision. An empty copy (the first
 * start after V43, or a platform without any schedule) is written and every decision counted afresh. Several nodes may
 * do it at once; an advisory lock orders them, and the later finds the copy as it would write it.
 */
@Component
class WorkingDayTable {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayTable.class);

    /** A scheduled year as the copy starts it: its run of consecutive scheduled years, and that run's working days before it. */
    record YearStart(LocalDate first, LocalDate segmentStart, int beforeYear) {}

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

    public void refresh() {
        transactions.executeWithoutResult(status -> refreshInTransaction());
    }

    private void refreshInTransaction() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cases_working_day'))")
                .query()
                .singleValue();
        Map<Integer, String> flags = new TreeMap<>();
        workingDays.storedSchedules().forEach((year, days) -> {
            StringBuilder ofYear = new StringBuilder(366);
            days.forEach(day -> ofYear.append(day.workingDay() ? '1' : '0'));
            flags.put(year, ofYear.toString());
        });
        Map<LocalDate, Integer> kept = new TreeMap<>();
        jdbc.sql("SELECT day, working FROM cases_working_day")
                .query((rs, n) -> kept.put(rs.getObject("day", LocalDate.class), rs.getInt("working")))
                .list();
        if (kept.isEmpty()) {
            // The first start (V43 leaves the decisions uncounted): every decision counted into empty tables, in
            // the order of their rows, rather than each row taken out and put back.
            writeCopy(flags);
            jdbc.sql("SELECT cases_statistics_recount_decisions()").query().singleValue();
            log.info("The statistics' copy of the working-day calendar written; every decision counted");
            return;
        }
        // The days whose working or not, or whose year's being scheduled, differs between the copy and the calendar.
        TreeSet<LocalDate> changed = new TreeSet<>(kept.keySet());
        flags.forEach((year, ofYear) -> {
            LocalDate day = LocalDate.of(year, 1, 1);
            for (int i = 0; i < ofYear.length(); i++, day = day.plusDays(1)) {
                Integer was = kept.get(day);
                if (was != null && was == ofYear.charAt(i) - '0') {
                    changed.remove(day);
                } else {
                    changed.add(day);
                }
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        // The decisions touching the changed days out on the old copy and back on the new, nothing changing between.
        jdbc.sql("LOCK TABLE cases_case IN SHARE MODE").update();
        countDecisionsTouching(changed.first(), changed.last(), -1);
        writeCopy(flags);
        countDecisionsTouching(changed.first(), changed.last(), 1);
        log.info(
                "The statistics' copy of the working-day calendar changed on {} day(s) from {} to {}; the decisions"
                        + " touching them counted again",
                changed.size(),
                changed.first(),
                changed.last());
    }

    /** The copy rewritten: each scheduled year's days in one statement. */
    private void writeCopy(Map<Integer, String> flags) {
        jdbc.sql("DELETE FROM cases_working_day").update();
        for (YearStart year : yearStarts(flags)) {
            String ofYear = flags.get(year.first().getYear());
            // Each day's working days before it: the run's before the year, and the year's days before it.
            jdbc.sql("""
                            INSERT INTO cases_working_day (day, segment_start, before_day, working)
                            SELECT CAST(:first AS DATE) + (i - 1), :segmentStart,
                                   :beforeYear + CAST(coalesce(sum(CAST(substr(:flags, i, 1) AS INTEGER)) OVER (
                                       ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS INTEGER),
                                   CAST(substr(:flags, i, 1) AS SMALLINT)
                            FROM generate_series(1, :length) i""")
                    .param("first", year.first())
                    .param("segmentStart", year.segmentStart())
                    .param("beforeYear", year.beforeYear())
                    .param("flags", ofYear)
                    .param("length", ofYear.length())
                    .update();
        }
    }

    private void countDecisionsTouching(LocalDate from, LocalDate to, int sign) {
        jdbc.sql("SELECT cases_stat_count_decisions_touching(:from, :to, :sign)")
                .param("from", from)
                .param("to", to)
                .param("sign", sign)
                .query()
                .singleValue();
    }

    /**
     * Where each scheduled year starts in the copy: a year right after a scheduled year continues that year's run of
     * working days; any other starts a run of its own. {@code flags}: each year's days, '1' for a working day.
     */
    static List<YearStart> yearStarts(Map<Integer, String> flags) {
        List<YearStart> firsts = new ArrayList<>();
        LocalDate segmentStart = null;
        int before = 0;
        int previousYear = Integer.MIN_VALUE;
        for (Map.Entry<Integer, String> year : flags.entrySet()) {
            if (year.getKey() != previousYear + 1) {
                segmentStart = LocalDate.of(year.getKey(), 1, 1);
                before = 0;
            }
            firsts.add(new YearStart(LocalDate.of(year.getKey(), 1, 1), segmentStart, before));
            before += (int) year.getValue().chars().filter(c -> c == '1').count();
            previousYear = year.getKey();
        }
        return firsts;
    }
}
