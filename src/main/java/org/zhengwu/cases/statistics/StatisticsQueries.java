package org.zhengwu.cases.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;

/**
 * The aggregates behind the statistics page, each one query over the roll-up tables of {@code V38__statistics_rollup}
 * (counts per day, department, division and entry, kept by triggers in the transaction of every change to a case, a
 * 补正 notice, a rating or a rectification task; the received cases' changes appended as deltas that {@code
 * StatisticsFold} sums into their rows every few seconds, {@code V39}) within the data scope of the supervisor: the
 * page sums the days of its
 * period, never the cases. The per-case aggregation these answers equal is kept as the oracle of
 * {@code StatisticsRollUpTests}.
 */
@Repository
class StatisticsQueries {

    /** The scope columns of every roll-up table: the department and division of the cases counted in a row. */
    static final ScopeColumns ROLL_UP_SCOPE = new ScopeColumns("r.organisation_uscc", "r.division_code");

    private static final List<String> STATUSES = List.of(
            "SUBMITTED", "CORRECTION_REQUESTED", "REFUSED", "WITHDRAWN", "UNDER_REVIEW", "COMPLETED", "DELIVERED");
    private static final List<String> CHANNELS = List.of("1", "2", "3", "4", "9");

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

    /**
     * Cases received in the period: how many in a group, and how many of them were asked for 补正 (counted for every
     * grouping but {@link Grouping#STATUS} and {@link Grouping#CHANNEL}, where it is 0: the page does not show it).
     * A group is returned only when a case is in it.
     */
    record ReceivedGroup(Grouping by, String key, String itemName, LocalDate day, long cases, long corrected) {}

    /**
     * Cases received from {@code from} to {@code to} (both included), counted by department, division, entry and day
     * and in total, in one pass over the roll-up rows of those days and the deltas not yet folded into them (GROUPING
     * SETS; a group whose deltas cancel out is left out, as if its row were gone); by status and channel from the
     * total's columns.
     */
    List<ReceivedGroup> received(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        List<ReceivedGroup> groups = new ArrayList<>();
        jdbc.sql("""
                        SELECT GROUPING(r.organisation_uscc) AS no_organisation, GROUPING(r.division_code) AS no_division,
                               GROUPING(r.implementation_code) AS no_item, GROUPING(r.received_on) AS no_day,
                               r.organisation_uscc, r.division_code, r.implementation_code, r.received_on,
                               max(r.item_name) AS item_name, sum(r.cases) AS cases, sum(r.corrected) AS corrected,
                               sum(r.submitted) AS submitted, sum(r.correction_requested) AS correction_requested,
                               sum(r.refused) AS refused, sum(r.withdrawn) AS withdrawn,
                               sum(r.under_review) AS under_review, sum(r.completed) AS completed,
                               sum(r.delivered) AS delivered, sum(r.channel_1) AS channel_1,
                               sum(r.channel_2) AS channel_2, sum(r.channel_3) AS channel_3,
                               sum(r.channel_4) AS channel_4, sum(r.channel_9) AS channel_9
                        FROM (SELECT received_on, organisation_uscc, division_code, implementation_code, item_name,
                                     cases, corrected, submitted, correction_requested, refused, withdrawn,
                                     under_review, completed, delivered, channel_1, channel_2, channel_3, channel_4,
                                     channel_9
                              FROM cases_stat_received
                              UNION ALL
                              SELECT received_on, organisation_uscc, division_code, implementation_code, item_name,
                                     cases, corrected, submitted, correction_requested, refused, withdrawn,
                                     under_review, completed, delivered, channel_1, channel_2, channel_3, channel_4,
                                     channel_9
                              FROM cases_stat_received_delta) r
                        WHERE r.received_on >= :from AND r.received_on <= :to AND\s""" + scope.sql() + """

                        GROUP BY GROUPING SETS ((r.organisation_uscc), (r.division_code), (r.implementation_code),
                                                (r.received_on), ())
                        HAVING sum(r.cases) <> 0
                            OR GROUPING(r.organisation_uscc, r.division_code, r.implementation_code, r.received_on) = 15""")
                .params(parameters)
                .query((rs, n) -> {
                    Grouping by;
                    String key = null;
                    if (rs.getInt("no_organisation") == 0) {
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
                        for (String status : STATUSES) {
                            long cases = rs.getLong(status.toLowerCase(Locale.ROOT));
                            if (cases > 0) {
                                groups.add(new ReceivedGroup(Grouping.STATUS, status, null, null, cases, 0));
                            }
                        }
                        for (String channel : CHANNELS) {
                            long cases = rs.getLong("channel_" + channel);
                            if (cases > 0) {
                                groups.add(new ReceivedGroup(Grouping.CHANNEL, channel, null, null, cases, 0));
                            }
                        }
                    }
                    groups.add(new ReceivedGroup(
                            by,
                            key,
                            by == Grouping.ITEM ? rs.getString("item_name") : null,
                            by == Grouping.DAY ? rs.getObject("received_on", LocalDate.class) : null,
                            rs.getLong("cases"),
                            rs.getLong("corrected")));
                    return by;
                })
                .list();
        return groups;
    }

    /**
     * Cases decided (准予 or 不予) in the period, per department and day. Each decision counts +1 on the day it was
     * decided and −1 on the day its case was received, so that the working days from receipt to decision, summed over
     * the cases, are Σ weight × (working days from any fixed day to that day): the page need count working days of
     * the days alone, never of each case. {@code decided} and {@code onTime} count on the decision's day.
     */
    record DecidedDay(String organisationUscc, LocalDate day, long weight, long decided, long withDue, long onTime) {}

    /** The decisions of the days from {@code from} to {@code to} (both included; days of decision in Asia/Shanghai). */
    List<DecidedDay> decided(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        // One pass over the period's rows, each giving its day of decision (+) and its day of receipt (−).
        return jdbc.sql("""
                        SELECT r.organisation_uscc, w.day, sum(w.weight) AS weight, sum(w.decided) AS decided,
                               sum(w.with_due) AS with_due, sum(w.on_time) AS on_time
                        FROM cases_stat_decided r
                        CROSS JOIN LATERAL (VALUES (r.decided_on, r.decided, r.decided, r.with_due, r.on_time),
                                                   (r.received_on, -r.decided, 0, 0, 0))
                            AS w (day, weight, decided, with_due, on_time)
                        WHERE r.decided_on >= :from AND r.decided_on <= :to AND\s""" + scope.sql() + """

                        GROUP BY r.organisation_uscc, w.day""")
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

    /**
     * Ratings given in the days from {@code from} to {@code to} (Asia/Shanghai) by score (index 1 to 5; 0 unused),
     * within reach by the rated case's department and division.
     */
    long[] satisfaction(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        long[] counts = new long[6];
        jdbc.sql("""
                        SELECT r.score, sum(r.ratings) AS ratings
                        FROM cases_stat_rating r
                        WHERE r.rated_on >= :from AND r.rated_on <= :to AND\s""" + scope.sql() + """

                        GROUP BY r.score""")
                .params(parameters)
                .query((rs, n) -> counts[rs.getInt("score")] = rs.getLong("ratings"))
                .list();
        return counts;
    }

    /** The 差评 given in the period, per department: how many, how many rectified, how many open past due. */
    record RectificationGroup(String organisationUscc, long bad, long rectified, long overdue) {}

    List<RectificationGroup> rectification(Actor supervisor, LocalDate from, LocalDate to, LocalDate today) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("today", today);
        return jdbc.sql("""
                        SELECT r.organisation_uscc, sum(r.tasks) AS bad,
                               sum(CASE WHEN r.status = 'RECTIFIED' THEN r.tasks ELSE 0 END) AS rectified,
                               sum(CASE WHEN r.status = 'OPEN' AND r.due_on < :today THEN r.tasks ELSE 0 END) AS overdue
                        FROM cases_stat_rectification r
                        WHERE r.rated_on >= :from AND r.rated_on <= :to AND\s""" + scope.sql() + """

                        GROUP BY r.organisation_uscc""")
                .params(parameters)
                .query((rs, n) -> new RectificationGroup(
                        rs.getString("organisation_uscc"),
                        rs.getLong("bad"),
                        rs.getLong("rectified"),
                        rs.getLong("overdue")))
                .list();
    }
}
