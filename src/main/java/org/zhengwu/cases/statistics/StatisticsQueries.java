package org.zhengwu.cases.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;

/**
 * The aggregates behind the statistics page, each one query over the cases a supervisor reaches (the data scope is a
 * condition of every query). No case is read into memory: the database returns counts per group, and per day where
 * working days are to be counted.
 */
@Repository
class StatisticsQueries {

    static final ScopeColumns TASK_SCOPE = new ScopeColumns("t.organisation_uscc", "t.division_code");

    /** The business day of a decision: its instant in Asia/Shanghai (shared.time.BusinessTime). */
    private static final String DECIDED_ON = "CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE)";

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a group of received cases is grouped by; {@link #TOTAL} is every case of the period. */
    enum Grouping {
        STATUS,
        CHANNEL,
        ORGANISATION,
        DIVISION,
        ITEM,
        DAY,
        TOTAL
    }

    /** Cases received in the period: how many in a group, and how many of them were asked for 补正. */
    record ReceivedGroup(Grouping by, String key, String itemName, LocalDate day, long cases, long corrected) {}

    /**
     * Cases received from {@code from} to {@code to} (both included), counted by status, channel, department,
     * division, item and day and in total, in one pass over the cases (GROUPING SETS).
     */
    List<ReceivedGroup> received(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        return jdbc.sql("""
                        SELECT GROUPING(c.status) AS no_status, GROUPING(c.channel) AS no_channel,
                               GROUPING(c.organisation_uscc) AS no_organisation, GROUPING(c.division_code) AS no_division,
                               GROUPING(c.implementation_code) AS no_item, GROUPING(c.received_on) AS no_day,
                               c.status, c.channel, c.organisation_uscc, c.division_code, c.implementation_code,
                               c.received_on, max(c.item_name) AS item_name, count(*) AS cases,
                               sum(CASE WHEN EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = c.id)
                                   THEN 1 ELSE 0 END) AS corrected
                        FROM cases_case c
                        WHERE c.status <> 'DRAFT' AND c.received_on >= :from AND c.received_on <= :to
                          AND\s""" + scope.sql() + """

                        GROUP BY GROUPING SETS ((c.status), (c.channel), (c.organisation_uscc), (c.division_code),
                                                (c.implementation_code), (c.received_on), ())""")
                .params(parameters)
                .query((rs, n) -> {
                    Grouping by;
                    String key = null;
                    if (rs.getInt("no_status") == 0) {
                        by = Grouping.STATUS;
                        key = rs.getString("status");
                    } else if (rs.getInt("no_channel") == 0) {
                        by = Grouping.CHANNEL;
                        key = rs.getString("channel");
                    } else if (rs.getInt("no_organisation") == 0) {
                        by = Grouping.ORGANISATION;
                        key = rs.getString("organisation_uscc");
                    } else if (rs.getInt("no_division") == 0) {
                        by = Grouping.DIVISION;
                        key = rs.getString("division_code");
                    } else if (rs.getInt("no_item") == 0) {
                        by = Grouping.ITEM;
                        key = rs.getString("implementation_code");
                    } else if (rs.getInt("no_day") == 0) {
                        by = Grouping.DAY;
                    } else {
                        by = Grouping.TOTAL;
                    }
                    return new ReceivedGroup(
                            by,
                            key,
                            by == Grouping.ITEM ? rs.getString("item_name") : null,
                            by == Grouping.DAY ? rs.getObject("received_on", LocalDate.class) : null,
                            rs.getLong("cases"),
                            rs.getLong("corrected"));
                })
                .list();
    }

    /**
     * Cases decided (准予 or 不予) in the period, per department and day. Each decision counts +1 on the day it was
     * decided and −1 on the day its case was received, so that the working days from receipt to decision, summed over
     * the cases, are Σ weight × (working days from any fixed day to that day): the page need count working days of
     * the days alone, never of each case. {@code decided} and {@code onTime} count on the decision's day.
     */
    record DecidedDay(String organisationUscc, LocalDate day, long weight, long decided, long withDue, long onTime) {}

    List<DecidedDay> decided(Actor supervisor, Instant start, Instant end) {
        ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("start", Timestamp.from(start));
        parameters.put("end", Timestamp.from(end));
        String decidedInPeriod =
                "c.decision IS NOT NULL AND c.decided_at >= :start AND c.decided_at < :end AND " + scope.sql();
        return jdbc.sql("SELECT w.organisation_uscc, w.day, sum(w.weight) AS weight, sum(w.decided) AS decided,"
                        + " sum(w.with_due) AS with_due, sum(w.on_time) AS on_time FROM ("
                        + " SELECT c.organisation_uscc, " + DECIDED_ON + " AS day, 1 AS weight, 1 AS decided,"
                        + " CASE WHEN c.due_on IS NULL THEN 0 ELSE 1 END AS with_due,"
                        + " CASE WHEN c.due_on IS NOT NULL AND " + DECIDED_ON + " <= c.due_on THEN 1 ELSE 0 END"
                        + " AS on_time"
                        + " FROM cases_case c WHERE " + decidedInPeriod
                        + " UNION ALL"
                        + " SELECT c.organisation_uscc, c.received_on, -1, 0, 0, 0"
                        + " FROM cases_case c WHERE " + decidedInPeriod
                        + ") w GROUP BY w.organisation_uscc, w.day")
                .params(parameters)
                .query((rs, n) -> new DecidedDay(
                        rs.getString("organisation_uscc"),
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("weight"),
                        rs.getLong("decided"),
                        rs.getLong("with_due"),
                        rs.getLong("on_time")))
                .list();
    }

    /** Ratings given in the period by score (index 1 to 5; 0 unused). */
    long[] satisfaction(Actor supervisor, Instant start, Instant end) {
        ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("start", Timestamp.from(start));
        parameters.put("end", Timestamp.from(end));
        long[] counts = new long[6];
        jdbc.sql("""
                        SELECT r.score, count(*) AS ratings
                        FROM cases_rating r JOIN cases_case c ON c.id = r.case_id
                        WHERE r.rated_at >= :start AND r.rated_at < :end AND\s""" + scope.sql() + """

                        GROUP BY r.score""")
                .params(parameters)
                .query((rs, n) -> counts[rs.getInt("score")] = rs.getLong("ratings"))
                .list();
        return counts;
    }

    /** The 差评 given in the period, per department: how many, how many rectified, how many open past due. */
    record RectificationGroup(String organisationUscc, long bad, long rectified, long overdue) {}

    List<RectificationGroup> rectification(Actor supervisor, Instant start, Instant end, LocalDate today) {
        ScopeCondition scope = supervisor.reachCondition(TASK_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("start", Timestamp.from(start));
        parameters.put("end", Timestamp.from(end));
        parameters.put("today", today);
        return jdbc.sql("""
                        SELECT t.organisation_uscc, count(*) AS bad,
                               sum(CASE WHEN t.status = 'RECTIFIED' THEN 1 ELSE 0 END) AS rectified,
                               sum(CASE WHEN t.status = 'OPEN' AND t.due_on < :today THEN 1 ELSE 0 END) AS overdue
                        FROM cases_rectification t JOIN cases_rating r ON r.id = t.rating_id
                        WHERE r.rated_at >= :start AND r.rated_at < :end AND\s""" + scope.sql() + """

                        GROUP BY t.organisation_uscc""")
                .params(parameters)
                .query((rs, n) -> new RectificationGroup(
                        rs.getString("organisation_uscc"),
                        rs.getLong("bad"),
                        rs.getLong("rectified"),
                        rs.getLong("overdue")))
                .list();
    }
}
