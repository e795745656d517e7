package org.zhengwu.cases.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The warnings table. Raising and resolving in bulk are set-based statements, each answering what it changed so that
 * every warning raised and every resolution is written to the accountability log. A case is on the clock while it
 * waits at the counter (SUBMITTED) or is under review (UNDER_REVIEW) and no pause is open; 补正 is the applicant's time,
 * and the statutory clock stops at the decision (送达 is not counted).
 */
@Repository
class WarningRecords {

    static final String COLUMNS = """
            w.id, w.case_id, c.case_number, c.item_name, w.level, w.due_on, w.organisation_uscc, w.division_code,
            w.raised_at, w.resolved_at, w.resolution, w.resolution_note, w.resolved_by""";

    private static final String ON_THE_CLOCK = """
            c.status IN ('SUBMITTED', 'UNDER_REVIEW')
              AND NOT EXISTS (SELECT 1 FROM cases_clock_event e WHERE e.case_id = c.id AND e.ended_on IS NULL)""";

    /** A warning raised or resolved, as the accountability log names it. */
    record Change(long warningId, String caseNumber, WarningLevel level, LocalDate dueOn) {}

    private final JdbcClient jdbc;

    WarningRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Warning> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM cases_warning w JOIN cases_case c ON c.id = w.case_id WHERE w.id = :id")
                .param("id", id)
                .query(WarningRecords::warning)
                .optional();
    }

    List<Warning> ofCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM cases_warning w JOIN cases_case c ON c.id = w.case_id
                        WHERE w.case_id = :case ORDER BY w.raised_at, w.id""")
                .param("case", caseId)
                .query(WarningRecords::warning)
                .list();
    }

    /** Resolves the open warnings of cases no longer on the clock ({@code caseNumber} null: of every case). */
    List<Change> resolveOffTheClock(String caseNumber, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE cases_warning w SET resolved_at = :now, resolution = 'CLOCK_STOPPED', resolved_by = :by
                        FROM cases_case c
                        WHERE w.case_id = c.id AND w.resolved_at IS NULL
                          AND c.status NOT IN ('SUBMITTED', 'UNDER_REVIEW')
                          AND (CAST(:number AS VARCHAR) IS NULL OR c.case_number = :number)
                        RETURNING w.id, c.case_number, w.level, w.due_on""")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("number", caseNumber, java.sql.Types.VARCHAR)
                .query(WarningRecords::change)
                .list();
    }

    /** Resolves the open warnings raised against a due date the case no longer has. */
    List<Change> resolveMovedDue(Instant now) {
        return jdbc.sql("""
                        UPDATE cases_warning w SET resolved_at = :now, resolution = 'DUE_MOVED', resolved_by = 'system'
                        FROM cases_case c
                        WHERE w.case_id = c.id AND w.resolved_at IS NULL AND c.due_on IS DISTINCT FROM w.due_on
                        RETURNING w.id, c.case_number, w.level, w.due_on""")
                .param("now", Timestamp.from(now))
                .query(WarningRecords::change)
                .list();
    }

    /** Raises red on every case on the clock past its due date that has not had red for that date. */
    List<Change> raiseRed(LocalDate today, Instant now) {
        return jdbc.sql("""
                        WITH raised AS (
                            INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                            SELECT c.id, 'RED', c.due_on, c.organisation_uscc, c.division_code, :now
                            FROM cases_case c
                            WHERE c.due_on < :today AND\s""" + ON_THE_CLOCK + """
                              AND NOT EXISTS (SELECT 1 FROM cases_warning r
                                              WHERE r.case_id = c.id AND r.level = 'RED' AND r.due_on = c.due_on)
                            ON CONFLICT DO NOTHING
                            RETURNING id, case_id, level, due_on)
                        SELECT r.id, c.case_number, r.level, r.due_on FROM raised r JOIN cases_case c ON c.id = r.case_id
                        """)
                .param("today", today)
                .param("now", Timestamp.from(now))
                .query(WarningRecords::change)
                .list();
    }

    /**
     * Raises yellow on every case on the clock due from today up to the day before {@code yellowBefore} that has had
     * no warning for that date (a red one for it means the yellow one came too late to matter).
     */
    List<Change> raiseYellow(LocalDate today, LocalDate yellowBefore, Instant now) {
        return jdbc.sql("""
                        WITH raised AS (
                            INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                            SELECT c.id, 'YELLOW', c.due_on, c.organisation_uscc, c.division_code, :now
                            FROM cases_case c
                            WHERE c.due_on >= :today AND c.due_on < :before AND\s""" + ON_THE_CLOCK + """
                              AND NOT EXISTS (SELECT 1 FROM cases_warning r WHERE r.case_id = c.id AND r.due_on = c.due_on)
                            ON CONFLICT DO NOTHING
                            RETURNING id, case_id, level, due_on)
                        SELECT r.id, c.case_number, r.level, r.due_on FROM raised r JOIN cases_case c ON c.id = r.case_id
                        """)
                .param("today", today)
                .param("before", yellowBefore)
                .param("now", Timestamp.from(now))
                .query(WarningRecords::change)
                .list();
    }

    /** Red supersedes yellow: resolves the open yellow warnings of cases with an open red one. */
    List<Change> supersedeYellow(Instant now) {
        return jdbc.sql("""
                        UPDATE cases_warning w SET resolved_at = :now, resolution = 'SUPERSEDED', resolved_by = 'system'
                        FROM cases_case c
                        WHERE w.case_id = c.id AND w.level = 'YELLOW' AND w.resolved_at IS NULL
                          AND EXISTS (SELECT 1 FROM cases_warning r
                                      WHERE r.case_id = w.case_id AND r.level = 'RED' AND r.resolved_at IS NULL)
                        RETURNING w.id, c.case_number, w.level, w.due_on""")
                .param("now", Timestamp.from(now))
                .query(WarningRecords::change)
                .list();
    }

    /** Records 督办 on an open warning; false when it was resolved meanwhile. */
    boolean supervise(long id, String by, String note, Instant now) {
        return jdbc.sql("""
                                UPDATE cases_warning SET resolved_at = :now, resolution = 'SUPERVISED', resolved_by = :by,
                                    resolution_note = :note
                                WHERE id = :id AND resolved_at IS NULL""")
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("note", note)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Change change(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(
                rs.getLong("id"),
                rs.getString("case_number"),
                WarningLevel.valueOf(rs.getString("level")),
                rs.getObject("due_on", LocalDate.class));
    }

    static Warning warning(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        String resolution = rs.getString("resolution");
        return new Warning(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("item_name"),
                WarningLevel.valueOf(rs.getString("level")),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("organisation_uscc"),
                rs.getString("division_code"),
                rs.getTimestamp("raised_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                resolution == null ? null : Resolution.valueOf(resolution),
                rs.getString("resolution_note"),
                rs.getString("resolved_by"));
    }
}
