package org.zhengwu.cases.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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
 * and {@code V42__statistics_by_month} (counts per day or month, department, division and entry, kept by triggers in
 * the transaction of every change to a case, a 补正 notice, a rating or a rectification task; the received cases'
 * changes appended as deltas that {@code StatisticsFold} sums into their rows every few seconds, {@code V39}) within
 * the data scope of the supervisor: the page sums the whole months of its period and the days of its partial months
 * ({@link Span}), never the cases. The per-case aggregation these answers equal is kept as the oracle of
 * {@code StatisticsRollUpTests} and {@code StatisticsByMonthTests}.
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

    /**
     * The page's queries run in its transaction without the planner's parallel workers: each reads a few thousand
     * rows at most, and with a clerk on every core the workers' start-up and hand-over are only more work. And each is
     * planned for its own values: after five runs on a connection PostgreSQL would keep a generic plan, which cannot
     * see the region's prefix in {@code LIKE} nor how many days a range holds, and reads more rows than its planning
     * saves (the received cases' grouping query 5.3 ms generic against 2.9 ms planned each time; measured,
     * docs/BENCHMARKS.md, issue 10). One statement for both settings: one round trip.
     */
    void planForTheValues() {
        jdbc.sql("SELECT set_config('max_parallel_workers_per_gather', '0', true),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query()
                .singleRow();
    }

    /** What a group of received cases is grouped by; {@link #TOTAL} is every case of the period. */
    enum Grouping {
        STATUS,
        CHANNEL,
        ORGANISATION,
        DIVISION,
        ITEM,
        TOTAL
    }

    /**
     * Cases received in the period: how many in a group, and how many of them were asked for 补正 (counted for every
     * grouping but {@link Grouping#STATUS} and {@link Grouping#CHANNEL}, where it is 0: the page does not show it).
     * A group is returned only when a case is in it.
     */
    record ReceivedGroup(Grouping by, String key, String itemName, long cases, long corrected) {}

    /** The counters of a received-cases row, in the order of V38's columns. */
    private static final List<String> RECEIVED_COUNTS = List.of(
            "cases",
            "corrected",
            "submitted",
            "correction_requested",
            "refused",
            "withdrawn",
            "under_review",
            "completed",
            "delivered",
            "channel_1",
            "channel_2",
            "channel_3",
            "channel_4",
            "channel_9");

    /** Each of {@link #RECEIVED_COUNTS} as {@code expression} (a format with the column's name for {@code %s}) AS it. */
    private static String sums(String expression) {
        StringBuilder sql = new StringBuilder();
        for (String count : RECEIVED_COUNTS) {
            sql.append(sql.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, expression, count))
                    .append(" AS ")
                    .append(count);
        }
        return sql.toString();
    }

    /**
     * Cases received from {@code from} to {@code to} (both included), counted by department, division and entry and
     * in total (status and channel from the total's columns), summed in one query over the rows of the period's
     * {@link Span}: the whole months' rows of {@code cases_stat_received_month}, the days of its partial months from
     * {@code cases_stat_received} (added, or subtracted from their month's row where fewer), and the deltas not yet
     * folded into either (V39); summed first per department, division, entry and name, so that a name counts only
     * where a case of the period bears it. A group whose cases sum to zero is left out, as if its rows were gone.
     */
    List<ReceivedGroup> received(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Span span = Span.of(from, to);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.putAll(span.parameters());
        parameters.put("periodFrom", from);
        parameters.put("periodTo", to);
        String keys = "r.organisation_uscc, r.division_code, r.implementation_code, r.item_name";
        List<String> arms = spanArms(
                span,
                keys,
                RECEIVED_COUNTS,
                "cases_stat_received_month",
                "received_in",
                "cases_stat_received",
                "received_on",
                scope);
        arms.add(arm(keys, RECEIVED_COUNTS, false, "cases_stat_received_delta", "received_on", "period", scope));
        List<ReceivedGroup> groups = new ArrayList<>();
        // The inner sums cast back to BIGINT (sum of a BIGINT is a NUMERIC), so that the grouping sets add integers,
        // not numerics: a tenth of the query's time (issue 10, docs/BENCHMARKS.md).
        String sql = "SELECT GROUPING(k.organisation_uscc) AS no_organisation,"
                + " GROUPING(k.division_code) AS no_division, GROUPING(k.implementation_code) AS no_item,"
                + " k.organisation_uscc, k.division_code, k.implementation_code, max(k.item_name) AS item_name, "
                + sums("sum(k.%s)")
                + " FROM (SELECT r.organisation_uscc, r.division_code, r.implementation_code, r.item_name, "
                + sums("CAST(sum(r.%s) AS BIGINT)")
                + " FROM (" + String.join("\n UNION ALL\n", arms) + ") r"
                + " GROUP BY r.organisation_uscc, r.division_code, r.implementation_code, r.item_name"
                + " HAVING sum(r.cases) <> 0) k"
                + " GROUP BY GROUPING SETS ((k.organisation_uscc), (k.division_code), (k.implementation_code), ())"
                + " HAVING sum(k.cases) <> 0"
                + " OR GROUPING(k.organisation_uscc, k.division_code, k.implementation_code) = 7";
        jdbc.sql(sql)
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
                    } else {
                        by = Grouping.TOTAL;
                        for (String status : STATUSES) {
                            long cases = rs.getLong(status.toLowerCase(Locale.ROOT));
                            if (cases > 0) {
                                groups.add(new ReceivedGroup(Grouping.STATUS, status, null, cases, 0));
                            }
                        }
                        for (String channel : CHANNELS) {
                            long cases = rs.getLong("channel_" + channel);
                            if (cases > 0) {
                                groups.add(new ReceivedGroup(Grouping.CHANNEL, channel, null, cases, 0));
                            }
                        }
                    }
                    groups.add(new ReceivedGroup(
                            by,
                            key,
                            by == Grouping.ITEM ? rs.getString("item_name") : null,
                            rs.getLong("cases"),
                            rs.getLong("corrected")));
                    return by;
                })
                .list();
        return groups;
    }

    /**
     * The arms of a union over a {@link Span}'s rows: the whole months' rows of {@code monthTable} (by
     * {@code monthDay}), the days of its two added ranges from {@code dayTable} (by {@code day}), and those of its two
     * subtracted ranges negated — each only where its range holds a day: an arm of an empty range reads nothing but
     * costs its planning (a period's edges usually leave two of the five empty).
     */
    private static List<String> spanArms(
            Span span,
            String keys,
            List<String> counts,
            String monthTable,
            String monthDay,
            String dayTable,
            String day,
            ScopeCondition scope) {
        List<String> arms = new ArrayList<>();
        for (String range : span.rangesWithDays()) {
            boolean months = range.equals("month");
            arms.add(arm(
                    keys,
                    counts,
                    range.startsWith("sub"),
                    months ? monthTable : dayTable,
                    months ? monthDay : day,
                    range,
                    scope));
        }
        return arms;
    }

    /**
     * One arm of a union over a span's rows: the {@code counts} of {@code table}'s rows whose {@code day} lies in the
     * span's range {@code range} ({@code :<range>From} to {@code :<range>To}) within the scope, negated when
     * {@code subtracted}. Only names the code chose go into the text.
     */
    private static String arm(
            String keys,
            List<String> counts,
            boolean subtracted,
            String table,
            String day,
            String range,
            ScopeCondition scope) {
        StringBuilder sql = new StringBuilder("SELECT ").append(keys);
        for (String count : counts) {
            sql.append(", ")
                    .append(subtracted ? "-r." : "r.")
                    .append(count)
                    .append(" AS ")
                    .append(count);
        }
        return sql.append(" FROM ")
                .append(table)
                .append(" r WHERE r.")
                .append(day)
                .append(" >= :")
                .append(range)
                .append("From AND r.")
                .append(day)
                .append(" <= :")
                .append(range)
                .append("To AND ")
                .append(scope.sql())
                .toString();
    }

    /**
     * Cases decided (准予 or 不予) in the period by a department: how many, how many had a due date, how many were decided
     * by it, and the working days from receipt to decision summed over them. Where a year those days fall in has no
     * working-day schedule, the decisions are a group of their own naming the earliest such year, and their working
     * days are 0 (unknown); {@code unscheduledYear} is 0 for the others.
     */
    record DecidedGroup(
            String organisationUscc, int unscheduledYear, long decided, long withDue, long onTime, long workingDays) {}

    private static final List<String> DECIDED_COUNTS = List.of("decided", "with_due", "on_time", "working_days");

    /**
     * The decisions of the days from {@code from} to {@code to} (both included; days of decision in Asia/Shanghai) per
     * department, from the rows of the period's {@link Span}: the whole months' rows of
     * {@code cases_stat_decided_month} and the partial months' days from {@code cases_stat_decided_day} (V43, whose
     * trigger counts each decision's working days on the calendar as it was then; a change of the calendar counts them
     * all again). A group whose decisions sum to zero is left out.
     */
    List<DecidedGroup> decidedByDepartment(Actor supervisor, LocalDate from, LocalDate to) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Span span = Span.of(from, to);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.putAll(span.parameters());
        List<String> arms = spanArms(
                span,
                "r.organisation_uscc, r.unscheduled_year",
                DECIDED_COUNTS,
                "cases_stat_decided_month",
                "decided_in",
                "cases_stat_decided_day",
                "decided_on",
                scope);
        return jdbc.sql("""
                        SELECT r.organisation_uscc, r.unscheduled_year, sum(r.decided) AS decided,
                               sum(r.with_due) AS with_due, sum(r.on_time) AS on_time,
                               sum(r.working_days) AS working_days
                        FROM (""" + String.join("\n UNION ALL\n", arms) + """
                        ) r
                        GROUP BY r.organisation_uscc, r.unscheduled_year
                        HAVING sum(r.decided) <> 0""")
                .params(parameters)
                .query((rs, n) -> new DecidedGroup(
                        rs.getString("organisation_uscc"),
                        rs.getInt("unscheduled_year"),
                        rs.getLong("decided"),
                        rs.getLong("with_due"),
                        rs.getLong("on_time"),
                        rs.getLong("working_days")))
                .list();
    }

    /**
     * How many cases were received over the period, keyed by their day of receipt — or, for a week of the period that
     * {@link Weeks} reads whole, by its Monday — for the page to add up per week or month; keys without a case left
     * out. Whole weeks from {@code cases_stat_received_week} (V47), the other days from {@code cases_stat_received_day},
     * and the deltas not yet folded into either (V39) by their day.
     */
    Map<LocalDate, Long> receivedOverTime(Actor supervisor, CaseStatistics.Period period) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Weeks weeks = Weeks.of(period);
        Map<String, Object> parameters = new LinkedHashMap<>(weeks.parameters());
        parameters.putAll(scope.parameters());
        parameters.put("from", period.from());
        parameters.put("to", period.to());
        List<String> arms =
                weeks.arms("cases_stat_received_week", "cases_stat_received_day", "received_on", "cases", scope);
        arms.add("SELECT r.received_on AS day, r.cases FROM cases_stat_received_delta r"
                + " WHERE r.received_on >= :from AND r.received_on <= :to AND " + scope.sql());
        return overTime(arms, "cases", parameters);
    }

    /**
     * How many cases were decided over the period, keyed as {@link #receivedOverTime}: whole weeks from
     * {@code cases_stat_decided_week} (V47), the other days from {@code cases_stat_decided_day}.
     */
    Map<LocalDate, Long> decidedOverTime(Actor supervisor, CaseStatistics.Period period) {
        ScopeCondition scope = supervisor.reachCondition(ROLL_UP_SCOPE, CaseAccess.SUPERVISE);
        Weeks weeks = Weeks.of(period);
        Map<String, Object> parameters = new LinkedHashMap<>(weeks.parameters());
        parameters.putAll(scope.parameters());
        return overTime(
                weeks.arms("cases_stat_decided_week", "cases_stat_decided_day", "decided_on", "decided", scope),
                "decided",
                parameters);
    }

    private Map<LocalDate, Long> overTime(List<String> arms, String count, Map<String, Object> parameters) {
        // Never without an arm: a period has a day at least, read as a day or in its whole week.
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT r.day, sum(r." + count + ") AS counted FROM (" + String.join("\n UNION ALL\n", arms)
                        + ") r GROUP BY r.day HAVING sum(r." + count + ") <> 0")
                .params(parameters)
                .query((rs, n) -> counts.put(rs.getObject("day", LocalDate.class), rs.getLong("counted")))
                .list();
        return counts;
    }

    /**
     * Which rows a period's series is summed from: the weeks (their Mondays) that lie wholly in the period and in one
     * of the page's weeks or months, and every other day of the period. By week, a period has at most six days at each
     * edge outside a whole week; by month, each month at most six at its start and six at its end.
     */
    record Weeks(List<LocalDate> mondays, List<LocalDate> days) {

        static Weeks of(CaseStatistics.Period period) {
            List<LocalDate> mondays = new ArrayList<>();
            List<LocalDate> days = new ArrayList<>();
            LocalDate day = period.from();
            while (!day.isAfter(period.to())) {
                LocalDate sunday = day.plusDays(6);
                if (day.getDayOfWeek() == DayOfWeek.MONDAY
                        && !sunday.isAfter(period.to())
                        && (period.by() == CaseStatistics.Granularity.WEEK
                                || YearMonth.from(day).equals(YearMonth.from(sunday)))) {
                    mondays.add(day);
                    day = sunday.plusDays(1);
                } else {
                    days.add(day);
                    day = day.plusDays(1);
                }
            }
            return new Weeks(List.copyOf(mondays), List.copyOf(days));
        }

        /** The Mondays and the days as the arrays {@code :mondays} and {@code :days} (ISO dates, cast in SQL). */
        Map<String, Object> parameters() {
            return Map.of(
                    "mondays", mondays.stream().map(LocalDate::toString).toArray(String[]::new),
                    "days", days.stream().map(LocalDate::toString).toArray(String[]::new));
        }

        /**
         * The arms of a union over the week's rows of {@code weekTable} and the day's rows of {@code dayTable}
         * ({@code day} its column), each {@code count} and the day or the week's Monday as {@code day}, within the
         * scope; an arm only where it has a week or a day to read. Only names the code chose go into the text.
         */
        List<String> arms(String weekTable, String dayTable, String day, String count, ScopeCondition scope) {
            List<String> arms = new ArrayList<>();
            if (!mondays.isEmpty()) {
                arms.add("SELECT r.week_of AS day, r." + count + " FROM " + weekTable + " r"
                        + " WHERE r.week_of = ANY (CAST(:mondays AS DATE[])) AND " + scope.sql());
            }
            if (!days.isEmpty()) {
                arms.add("SELECT r." + day + " AS day, r." + count + " FROM " + dayTable + " r" + " WHERE r." + day
                        + " = ANY (CAST(:days AS DATE[])) AND " + scope.sql());
            }
            return arms;
        }
    }

    /**
     * Which rows a period is summed from: the months from {@code monthFrom} to {@code monthTo} whole (their first
     * days; none when {@code monthTo} is before {@code monthFrom}), plus the days of two ranges, less the days of two
     * more (each range empty when its end is before its start). A month only partly in the period is read as its
     * days in the period, or as the whole month less its days outside the period where those are fewer; so that the
     * rows read are at most about half a month's days at each edge and one row per group and month in between.
     */
    record Span(
            LocalDate monthFrom,
            LocalDate monthTo,
            LocalDate add1From,
            LocalDate add1To,
            LocalDate add2From,
            LocalDate add2To,
            LocalDate sub1From,
            LocalDate sub1To,
            LocalDate sub2From,
            LocalDate sub2To) {

        static Span of(LocalDate from, LocalDate to) {
            LocalDate first = from.withDayOfMonth(1);
            LocalDate last = to.withDayOfMonth(1);
            // Every range empty (its end the day before its start) until chosen.
            LocalDate[] add = {from, from.minusDays(1), from, from.minusDays(1)};
            LocalDate[] sub = {from, from.minusDays(1), from, from.minusDays(1)};
            LocalDate monthFrom = first.plusMonths(1);
            LocalDate monthTo = last.minusMonths(1);
            if (first.equals(last)) {
                LocalDate end = first.plusMonths(1).minusDays(1);
                long inside = from.until(to, ChronoUnit.DAYS) + 1;
                long outside = first.lengthOfMonth() - inside;
                if (outside < inside) {
                    monthFrom = first;
                    monthTo = first;
                    range(sub, 0, first, from.minusDays(1));
                    range(sub, 2, to.plusDays(1), end);
                } else {
                    range(add, 0, from, to);
                }
                return new Span(monthFrom, monthTo, add[0], add[1], add[2], add[3], sub[0], sub[1], sub[2], sub[3]);
            }
            // The first month: from `from` to its end.
            long headInside = first.lengthOfMonth() - from.getDayOfMonth() + 1;
            if (first.lengthOfMonth() - headInside < headInside) {
                monthFrom = first;
                range(sub, 0, first, from.minusDays(1));
            } else {
                range(add, 0, from, first.plusMonths(1).minusDays(1));
            }
            // The last month: from its first day to `to`.
            long tailInside = to.getDayOfMonth();
            if (last.lengthOfMonth() - tailInside < tailInside) {
                monthTo = last;
                range(sub, 2, to.plusDays(1), last.plusMonths(1).minusDays(1));
            } else {
                range(add, 2, last, to);
            }
            return new Span(monthFrom, monthTo, add[0], add[1], add[2], add[3], sub[0], sub[1], sub[2], sub[3]);
        }

        private static void range(LocalDate[] ranges, int at, LocalDate start, LocalDate end) {
            ranges[at] = start;
            ranges[at + 1] = end;
        }

        /** The names of the ranges ({@code month}, {@code add1}, …) that hold at least a day, in that order. */
        List<String> rangesWithDays() {
            List<String> ranges = new ArrayList<>();
            Map<String, Object> bounds = parameters();
            for (String range : List.of("month", "add1", "add2", "sub1", "sub2")) {
                LocalDate from = (LocalDate) bounds.get(range + "From");
                if (!((LocalDate) bounds.get(range + "To")).isBefore(from)) {
                    ranges.add(range);
                }
            }
            return ranges;
        }

        /** As the named parameters of {@link #arm}'s ranges: {@code month}, {@code add1}, … and {@code period}. */
        Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("monthFrom", monthFrom);
            parameters.put("monthTo", monthTo);
            parameters.put("add1From", add1From);
            parameters.put("add1To", add1To);
            parameters.put("add2From", add2From);
            parameters.put("add2To", add2To);
            parameters.put("sub1From", sub1From);
            parameters.put("sub1To", sub1To);
            parameters.put("sub2From", sub2From);
            parameters.put("sub2To", sub2To);
            return parameters;
        }
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
