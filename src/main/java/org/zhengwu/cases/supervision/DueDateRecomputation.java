package org.zhengwu.cases.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.CalendarChanged;

/**
 * When a year's working days change, the due dates of the open cases whose clock touches that year — it started in or
 * before it and is due in or after it, or its due date was unknown — are counted again from the start, with their
 * pauses and extensions. Cases without special procedures are grouped by start day and limit, so that a year's change
 * costs one count per group, not one per case. The case's version does not move: a corrected holiday is no reason to
 * turn away a clerk's step. Cases whose limit is not in working days keep their due date. One entry in the
 * accountability log says how many cases moved.
 */
@Component
class DueDateRecomputation {

    private static final Logger log = LoggerFactory.getLogger(DueDateRecomputation.class);

    /** Open cases with a working-day limit whose clock touches :year; their start as c_start. */
    private static final String TOUCHING = """
            FROM (SELECT c.id, c.promised_days, c.due_on,
                         COALESCE(CAST((c.accepted_at AT TIME ZONE 'Asia/Shanghai') AS DATE), c.received_on) AS c_start,
                         EXISTS (SELECT 1 FROM cases_clock_event e WHERE e.case_id = c.id) AS procedures
                  FROM cases_case c
                  WHERE c.status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'UNDER_REVIEW') AND c.promised_days > 0) t
            WHERE EXTRACT(YEAR FROM t.c_start) <= :year
              AND (t.due_on IS NULL OR EXTRACT(YEAR FROM t.due_on) >= :year)""";

    private final JdbcClient jdbc;
    private final CaseRecords records;
    private final ClockRecords clockRecords;
    private final StatutoryClock statutoryClock;
    private final AccountabilityLog audit;
    private final Clock clock;

    DueDateRecomputation(
            JdbcClient jdbc,
            CaseRecords records,
            ClockRecords clockRecords,
            StatutoryClock statutoryClock,
            AccountabilityLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clockRecords = clockRecords;
        this.statutoryClock = statutoryClock;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CalendarChanged changed) {
        recompute(changed.year());
    }

    /** @return how many cases got another due date */
    @Transactional
    public int recompute(int year) {
        Instant now = clock.instant();
        int moved = 0;
        record Group(LocalDate start, int promisedDays) {}
        List<Group> groups = jdbc.sql(
                        "SELECT DISTINCT t.c_start, t.promised_days " + TOUCHING + " AND NOT t.procedures")
                .param("year", year)
                .query((rs, n) -> new Group(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list();
        for (Group group : groups) {
            LocalDate due = statutoryClock
                    .due(group.start(), group.promisedDays(), List.of())
                    .orElse(null);
            moved += jdbc.sql("""
                            UPDATE cases_case SET due_on = :due, updated_at = :now
                            WHERE id IN (SELECT t.id\s""" + TOUCHING + """
                                           AND NOT t.procedures AND t.c_start = :start AND t.promised_days = :days)
                              AND due_on IS DISTINCT FROM :due""")
                    .param("due", due, java.sql.Types.DATE)
                    .param("now", Timestamp.from(now))
                    .param("year", year)
                    .param("start", group.start())
                    .param("days", group.promisedDays())
                    .update();
        }
        List<Long> withProcedures = jdbc.sql("SELECT t.id " + TOUCHING + " AND t.procedures")
                .param("year", year)
                .query(Long.class)
                .list();
        for (long id : withProcedures) {
            Optional<CaseRow> c = records.find(id);
            if (c.isEmpty()) {
                continue;
            }
            LocalDate due = statutoryClock
                    .due(StatutoryClock.start(c.get()), c.get().promisedDays(), clockRecords.events(id))
                    .orElse(null);
            moved += jdbc.sql("""
                            UPDATE cases_case SET due_on = :due, updated_at = :now
                            WHERE id = :id AND due_on IS DISTINCT FROM :due""")
                    .param("due", due, java.sql.Types.DATE)
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
        }
        if (moved > 0) {
            log.info("The calendar of {} changed: {} open case(s) got another due date", year, moved);
            audit.record(AuditEvent.success(
                            ElectronicSupervision.SYSTEM, "cases.due.recompute", "calendar-year", String.valueOf(year))
                    .withDetails(moved + " case(s)"));
        }
        return moved;
    }
}
