package org.zhengwu.cases.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The special procedures of cases (cases_clock_event) and the due dates they move. */
@Repository
class ClockRecords {

    private final JdbcClient jdbc;

    ClockRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClockEvent> events(long caseId) {
        return jdbc.sql("""
                        SELECT id, case_id, kind, reason, started_on, ended_on, extension_days, started_by, ended_by,
                            recorded_at, ended_at
                        FROM cases_clock_event WHERE case_id = :case ORDER BY started_on, id""").param("case", caseId).query(ClockRecords::event).list();
    }

    void startPause(long caseId, ClockEventKind kind, String reason, LocalDate startedOn, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO cases_clock_event (case_id, kind, reason, started_on, started_by, recorded_at)
                        VALUES (:case, :kind, :reason, :started, :by, :now)""")
                .param("case", caseId)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("started", startedOn)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Ends the case's open pause; false when there was none (ended by someone else meanwhile). */
    boolean endPause(long caseId, LocalDate endedOn, String by, Instant now) {
        return jdbc.sql("""
                                UPDATE cases_clock_event SET ended_on = :ended, ended_by = :by, ended_at = :now
                                WHERE case_id = :case AND ended_on IS NULL""")
                        .param("ended", endedOn)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .param("case", caseId)
                        .update()
                == 1;
    }

    void addExtension(long caseId, String reason, int days, LocalDate on, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO cases_clock_event (case_id, kind, reason, started_on, ended_on, extension_days,
                            started_by, ended_by, recorded_at, ended_at)
                        VALUES (:case, 'EXTENSION', :reason, :on, :on, :days, :by, :by, :now, :now)""")
                .param("case", caseId)
                .param("reason", reason)
                .param("on", on)
                .param("days", days)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Ends the pauses still open on cases that left the clock (decided, refused, withdrawn, sent back for 补正): on the
     * day of the decision, else on {@code today}, never before the pause started. {@code caseId} null: every case.
     */
    int endPausesOffTheClock(Long caseId, LocalDate today, Instant now) {
        return jdbc.sql("""
                        UPDATE cases_clock_event e
                        SET ended_on = GREATEST(e.started_on,
                                COALESCE(CAST((c.decided_at AT TIME ZONE 'Asia/Shanghai') AS DATE), :today)),
                            ended_by = 'system', ended_at = :now
                        FROM cases_case c
                        WHERE e.case_id = c.id AND e.ended_on IS NULL AND c.status <> 'UNDER_REVIEW'
                          AND (CAST(:case AS BIGINT) IS NULL OR c.id = :case)""")
                .param("today", today)
                .param("now", Timestamp.from(now))
                .param("case", caseId, java.sql.Types.BIGINT)
                .update();
    }

    /**
     * Sets the due date of a case under review (null: unknown) if nobody changed the case since it was read at
     * {@code expectedVersion}; the version moves on, so that forms shown before this change are stale.
     */
    boolean reschedule(long caseId, int expectedVersion, LocalDate due, Instant now) {
        return jdbc.sql("""
                                UPDATE cases_case SET due_on = :due, updated_at = :now, lock_version = lock_version + 1
                                WHERE id = :id AND lock_version = :version AND status = 'UNDER_REVIEW'""")
                        .param("due", due)
                        .param("now", Timestamp.from(now))
                        .param("id", caseId)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    static ClockEvent event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp endedAt = rs.getTimestamp("ended_at");
        return new ClockEvent(
                rs.getLong("id"),
                rs.getLong("case_id"),
                ClockEventKind.valueOf(rs.getString("kind")),
                rs.getString("reason"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                (Integer) rs.getObject("extension_days"),
                rs.getString("started_by"),
                rs.getString("ended_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                endedAt == null ? null : endedAt.toInstant());
    }
}
