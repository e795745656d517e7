package org.zhengwu.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar's two tables: the days a schedule sets, and the years whose schedule is entered. */
@Repository
class CalendarRepository {

    /** A day the schedule sets (a holiday, or a weekend made a working day), with who set it last and when. */
    record SpecialDay(LocalDate date, boolean workingDay, String reason, Instant changedAt, String changedBy) {}

    /** A year whose schedule is entered, and the notice it was entered from. */
    record EnteredYear(int year, String source, Instant enteredAt, String enteredBy) {}

    /** A year the calendar knows of: entered, or with days set, or both. */
    record YearSummary(int year, String source, Instant enteredAt, int holidays, int adjustedWorkingDays) {
        public boolean entered() {
            return source != null;
        }
    }

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SpecialDay> days(int year) {
        return jdbc.sql("""
                        SELECT day, working_day, reason, changed_at, changed_by FROM shared_calendar_day
                        WHERE day BETWEEN :first AND :last ORDER BY day""")
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new SpecialDay(
                        rs.getObject("day", LocalDate.class),
                        rs.getBoolean("working_day"),
                        rs.getString("reason"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("changed_by")))
                .list();
    }

    Optional<SpecialDay> find(LocalDate date) {
        return jdbc.sql("""
                        SELECT day, working_day, reason, changed_at, changed_by FROM shared_calendar_day
                        WHERE day = :day""")
                .param("day", date)
                .query((rs, n) -> new SpecialDay(
                        rs.getObject("day", LocalDate.class),
                        rs.getBoolean("working_day"),
                        rs.getString("reason"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("changed_by")))
                .optional();
    }

    Optional<EnteredYear> entered(int year) {
        return jdbc.sql("SELECT year, source, entered_at, entered_by FROM shared_calendar_year WHERE year = :year")
                .param("year", year)
                .query((rs, n) -> new EnteredYear(
                        rs.getInt("year"),
                        rs.getString("source"),
                        rs.getObject("entered_at", OffsetDateTime.class).toInstant(),
                        rs.getString("entered_by")))
                .optional();
    }

    /** Every year that is entered or has days set, newest first. */
    List<YearSummary> years() {
        return jdbc.sql("""
                        SELECT known.year, y.source, y.entered_at,
                               COALESCE(d.holidays, 0) AS holidays, COALESCE(d.working, 0) AS working
                        FROM (SELECT year FROM shared_calendar_year
                              UNION
                              SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER) FROM shared_calendar_day) known
                        LEFT JOIN shared_calendar_year y ON y.year = known.year
                        LEFT JOIN (SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER) AS year,
                                          SUM(CASE WHEN working_day THEN 0 ELSE 1 END) AS holidays,
                                          SUM(CASE WHEN working_day THEN 1 ELSE 0 END) AS working
                                   FROM shared_calendar_day
                                   GROUP BY CAST(EXTRACT(YEAR FROM day) AS INTEGER)) d ON d.year = known.year
                        ORDER BY known.year DESC""")
                .query((rs, n) -> {
                    OffsetDateTime enteredAt = rs.getObject("entered_at", OffsetDateTime.class);
                    return new YearSummary(
                            rs.getInt("year"),
                            rs.getString("source"),
                            enteredAt == null ? null : enteredAt.toInstant(),
                            rs.getInt("holidays"),
                            rs.getInt("working"));
                })
                .list();
    }

    /** Sets a day, whether or not it was set before. */
    void set(LocalDate date, boolean workingDay, String reason, String actor) {
        jdbc.sql("""
                        INSERT INTO shared_calendar_day (day, working_day, reason, changed_at, changed_by)
                        VALUES (:day, :working, :reason, now(), :actor)
                        ON CONFLICT (day) DO UPDATE SET working_day = EXCLUDED.working_day, reason = EXCLUDED.reason,
                                                        changed_at = EXCLUDED.changed_at,
                                                        changed_by = EXCLUDED.changed_by""")
                .param("day", date)
                .param("working", workingDay)
                .param("reason", reason)
                .param("actor", actor)
                .update();
    }

    /** Whether the day was set (and is no longer). */
    boolean remove(LocalDate date) {
        return jdbc.sql("DELETE FROM shared_calendar_day WHERE day = :day")
                        .param("day", date)
                        .update()
                > 0;
    }

    /** Records the year's schedule as entered, or names another notice for a year already entered. */
    void enter(int year, String source, String actor) {
        jdbc.sql("""
                        INSERT INTO shared_calendar_year (year, source, entered_at, entered_by)
                        VALUES (:year, :source, now(), :actor)
                        ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, entered_at = EXCLUDED.entered_at,
                                                         entered_by = EXCLUDED.entered_by""")
                .param("year", year)
                .param("source", source)
                .param("actor", actor)
                .update();
    }

    /** Whether the year was entered (and is no longer). */
    boolean reopen(int year) {
        return jdbc.sql("DELETE FROM shared_calendar_year WHERE year = :year")
                        .param("year", year)
                        .update()
                > 0;
    }
}
