package org.zhengwu.cases.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.rating.Rating;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.time.BusinessTime;

/**
 * 统计分析 (subsystem 20): the figures of the cases a supervisor reaches over a period, as tables in the reader's
 * language. Cases count in the period they were received (申请, 补正) or decided (办结, on time, working days to
 * decision); ratings in the period they were given. Every figure comes from a SQL aggregate ({@link
 * StatisticsQueries}); the only arithmetic here is on those aggregates.
 *
 * <p>The average working days from receipt to decision is the working days summed per department by the database (each
 * decision's days counted on the working-day calendar when it is decided, and all of them again when the calendar
 * changes: {@link WorkingDayTable}) divided by the decisions; unknown, naming the year, where a decision's days fall in
 * a year without a schedule.
 */
@Service
public class CaseStatistics {

    /** How the page groups the period over time. */
    public enum Granularity {
        WEEK,
        MONTH
    }

    /** The period and grouping asked for; both days included. */
    public record Period(LocalDate from, LocalDate to, Granularity by) {

        Instant start() {
            return from.atStartOfDay(BusinessTime.ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        }
    }

    /**
     * Every table of the page; {@code unscheduledYear} names a year without a working-day schedule that kept the
     * average working days from being known, or is null.
     */
    public record Report(Period period, List<StatisticsTable> tables, Integer unscheduledYear) {

        public StatisticsTable table(String name) {
            return tables.stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    static final List<String> TABLES = List.of(
            "summary",
            "volume",
            "status",
            "items",
            "departments",
            "regions",
            "channels",
            "satisfaction",
            "rectification");

    static final int TOP_ITEMS = 10;
    private static final List<String> CHANNELS = List.of("1", "2", "3", "4", "9");

    private final StatisticsQueries queries;
    private final Organisations organisations;
    private final Divisions divisions;
    private final MessageSource messages;

    CaseStatistics(
            StatisticsQueries queries, Organisations organisations, Divisions divisions, MessageSource messages) {
        this.queries = queries;
        this.organisations = organisations;
        this.divisions = divisions;
        this.messages = messages;
    }

    /** The figures of the period, within the supervisor's reach, read in one snapshot of the database. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Report report(Actor supervisor, Period period, LocalDate today, Locale locale) {
        queries.planForTheValues();
        List<StatisticsQueries.ReceivedGroup> received = queries.received(supervisor, period.from(), period.to());
        List<StatisticsQueries.DecidedGroup> decided =
                queries.decidedByDepartment(supervisor, period.from(), period.to());
        Map<LocalDate, Long> receivedOverTime = queries.receivedOverTime(supervisor, period);
        Map<LocalDate, Long> decidedOverTime = queries.decidedOverTime(supervisor, period);
        long[] scores = queries.satisfaction(supervisor, period.from(), period.to());
        List<StatisticsQueries.RectificationGroup> rectification =
                queries.rectification(supervisor, period.from(), period.to(), today);

        Set<String> usccs = new TreeSet<>();
        received.stream()
                .filter(g -> g.by() == StatisticsQueries.Grouping.ORGANISATION)
                .forEach(g -> usccs.add(g.key()));
        decided.forEach(d -> usccs.add(d.organisationUscc()));
        rectification.forEach(r -> usccs.add(r.organisationUscc()));
        Map<String, String> departmentNames =
                organisations.findAll(usccs).stream().collect(Collectors.toMap(Organisation::uscc, Organisation::name));

        Map<String, Decisions> byDepartment = new TreeMap<>();
        Decisions all = new Decisions();
        for (StatisticsQueries.DecidedGroup d : decided) {
            byDepartment
                    .computeIfAbsent(d.organisationUscc(), k -> new Decisions())
                    .add(d);
            all.add(d);
        }

        Text text = new Text(messages, locale);
        List<StatisticsTable> tables = new ArrayList<>();
        tables.add(summary(text, received, all, scores, rectification));
        tables.add(volume(text, period, receivedOverTime, decidedOverTime));
        tables.add(byStatus(text, received));
        tables.add(byItem(text, received));
        tables.add(byDepartment(text, received, byDepartment, departmentNames));
        tables.add(byRegion(text, received));
        tables.add(byChannel(text, received));
        tables.add(satisfaction(text, scores));
        tables.add(rectification(text, rectification, departmentNames));
        return new Report(period, tables, all.unscheduledYear);
    }

    // ---------------------------------------------------------------- tables

    private StatisticsTable summary(
            Text text,
            List<StatisticsQueries.ReceivedGroup> received,
            Decisions decided,
            long[] scores,
            List<StatisticsQueries.RectificationGroup> rectification) {
        StatisticsQueries.ReceivedGroup total = received.stream()
                .filter(g -> g.by() == StatisticsQueries.Grouping.TOTAL)
                .findFirst()
                .orElse(new StatisticsQueries.ReceivedGroup(StatisticsQueries.Grouping.TOTAL, null, null, 0, 0));
        long ratings = Arrays.stream(scores).sum();
        long good = 0;
        for (int s = Rating.LOWEST; s < Rating.FIRST_BAD_SCORE; s++) {
            good += scores[s];
        }
        long bad = rectification.stream()
                .mapToLong(StatisticsQueries.RectificationGroup::bad)
                .sum();
        long rectified = rectification.stream()
                .mapToLong(StatisticsQueries.RectificationGroup::rectified)
                .sum();
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("received", Figure.count(total.cases()));
        figures.put("decided", Figure.count(decided.decided));
        figures.put("on-time", Figure.count(decided.onTime));
        figures.put("on-time-rate", Figure.percent(decided.onTime, decided.withDue));
        figures.put("working-days", Figure.days(decided.averageWorkingDays()));
        figures.put("corrected", Figure.count(total.corrected()));
        figures.put("correction-rate", Figure.percent(total.corrected(), total.cases()));
        figures.put("ratings", Figure.count(ratings));
        figures.put("good-rate", Figure.percent(good, ratings));
        figures.put("bad", Figure.count(bad));
        figures.put("rectified", Figure.count(rectified));
        figures.put("rectification-rate", Figure.percent(rectified, bad));
        List<StatisticsTable.Row> rows = new ArrayList<>();
        figures.forEach((key, figure) ->
                rows.add(new StatisticsTable.Row(text.of("cases.statistics.figure." + key), key, List.of(figure))));
        return new StatisticsTable(
                "summary",
                text.of("cases.statistics.table.summary"),
                text.of("cases.statistics.column.figure"),
                null,
                List.of(new StatisticsTable.Column(text.of("cases.statistics.column.value"), false)),
                rows);
    }

    private StatisticsTable volume(
            Text text, Period period, Map<LocalDate, Long> receivedOverTime, Map<LocalDate, Long> decidedOverTime) {
        Function<LocalDate, LocalDate> bucket = period.by() == Granularity.WEEK
                ? day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day -> day.withDayOfMonth(1);
        Map<LocalDate, long[]> buckets = new LinkedHashMap<>();
        LocalDate last = bucket.apply(period.to());
        for (LocalDate b = bucket.apply(period.from());
                !b.isAfter(last);
                b = period.by() == Granularity.WEEK ? b.plusWeeks(1) : b.plusMonths(1)) {
            buckets.put(b, new long[2]);
        }
        // A day or a whole week's Monday, each within one bucket (StatisticsQueries.Weeks).
        receivedOverTime.forEach((day, cases) -> buckets.get(bucket.apply(day))[0] += cases);
        decidedOverTime.forEach((day, cases) -> buckets.get(bucket.apply(day))[1] += cases);
        List<StatisticsTable.Row> rows = new ArrayList<>();
        buckets.forEach((start, counts) -> rows.add(new StatisticsTable.Row(
                period.by() == Granularity.WEEK
                        ? text.of("cases.statistics.week", start.toString())
                        : YearMonth.from(start).toString(),
                start.toString(),
                List.of(Figure.count(counts[0]), Figure.count(counts[1])))));
        return new StatisticsTable(
                "volume",
                text.of("cases.statistics.table.volume." + period.by().name()),
                text.of("cases.statistics.column.period"),
                "line",
                List.of(
                        new StatisticsTable.Column(text.of("cases.statistics.column.received"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.column.decided"), true)),
                rows);
    }

    private StatisticsTable byStatus(Text text, List<StatisticsQueries.ReceivedGroup> received) {
        Map<String, Long> counts = counts(received, StatisticsQueries.Grouping.STATUS);
        List<StatisticsTable.Row> rows = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            if (status != CaseStatus.DRAFT) {
                rows.add(new StatisticsTable.Row(
                        text.of("cases.status." + status.name()),
                        status.name(),
                        List.of(Figure.count(counts.getOrDefault(status.name(), 0L)))));
            }
        }
        return countTable(text, "status", "cases.statistics.column.status", "bar", rows);
    }

    private StatisticsTable byItem(Text text, List<StatisticsQueries.ReceivedGroup> received) {
        List<StatisticsTable.Row> rows = received.stream()
                .filter(g -> g.by() == StatisticsQueries.Grouping.ITEM)
                .sorted(Comparator.comparingLong(StatisticsQueries.ReceivedGroup::cases)
                        .reversed()
                        .thenComparing(StatisticsQueries.ReceivedGroup::key))
                .limit(TOP_ITEMS)
                .map(g -> new StatisticsTable.Row(g.itemName(), g.key(), List.of(Figure.count(g.cases()))))
                .toList();
        return countTable(text, "items", "cases.statistics.column.item", "hbar", rows);
    }

    private StatisticsTable byDepartment(
            Text text,
            List<StatisticsQueries.ReceivedGroup> received,
            Map<String, Decisions> decided,
            Map<String, String> names) {
        Map<String, Long> counts = counts(received, StatisticsQueries.Grouping.ORGANISATION);
        Set<String> usccs = new TreeSet<>(counts.keySet());
        usccs.addAll(decided.keySet());
        List<StatisticsTable.Row> rows = usccs.stream()
                .map(uscc -> {
                    Decisions d = decided.getOrDefault(uscc, new Decisions());
                    return new StatisticsTable.Row(
                            names.getOrDefault(uscc, uscc),
                            uscc,
                            List.of(
                                    Figure.count(counts.getOrDefault(uscc, 0L)),
                                    Figure.count(d.decided),
                                    Figure.percent(d.onTime, d.withDue),
                                    Figure.days(d.averageWorkingDays())));
                })
                .sorted(Comparator.comparingLong((StatisticsTable.Row r) ->
                                r.figures().get(0).value().longValue())
                        .reversed()
                        .thenComparing(StatisticsTable.Row::code))
                .toList();
        return new StatisticsTable(
                "departments",
                text.of("cases.statistics.table.departments"),
                text.of("cases.statistics.column.department"),
                "hbar",
                List.of(
                        new StatisticsTable.Column(text.of("cases.statistics.column.received"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.column.decided"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.figure.on-time-rate"), false),
                        new StatisticsTable.Column(text.of("cases.statistics.figure.working-days"), false)),
                rows);
    }

    private StatisticsTable byRegion(Text text, List<StatisticsQueries.ReceivedGroup> received) {
        List<StatisticsTable.Row> rows = received.stream()
                .filter(g -> g.by() == StatisticsQueries.Grouping.DIVISION)
                .sorted(Comparator.comparing(StatisticsQueries.ReceivedGroup::key))
                .map(g -> new StatisticsTable.Row(
                        divisions.current(g.key()).map(Division::name).orElse(g.key()),
                        g.key(),
                        List.of(Figure.count(g.cases()))))
                .toList();
        return countTable(text, "regions", "cases.statistics.column.region", "bar", rows);
    }

    private StatisticsTable byChannel(Text text, List<StatisticsQueries.ReceivedGroup> received) {
        Map<String, Long> counts = counts(received, StatisticsQueries.Grouping.CHANNEL);
        List<StatisticsTable.Row> rows = CHANNELS.stream()
                .map(channel -> new StatisticsTable.Row(
                        text.of("cases.channel." + channel),
                        channel,
                        List.of(Figure.count(counts.getOrDefault(channel, 0L)))))
                .toList();
        return countTable(text, "channels", "cases.statistics.column.channel", "pie", rows);
    }

    private StatisticsTable satisfaction(Text text, long[] scores) {
        long total = Arrays.stream(scores).sum();
        List<StatisticsTable.Row> rows = new ArrayList<>();
        for (int s = Rating.LOWEST; s <= Rating.HIGHEST; s++) {
            rows.add(new StatisticsTable.Row(
                    text.of("cases.rating.score." + s),
                    Integer.toString(s),
                    List.of(Figure.count(scores[s]), Figure.percent(scores[s], total))));
        }
        return new StatisticsTable(
                "satisfaction",
                text.of("cases.statistics.table.satisfaction"),
                text.of("cases.rating.score"),
                "pie",
                List.of(
                        new StatisticsTable.Column(text.of("cases.statistics.column.ratings"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.column.share"), false)),
                rows);
    }

    private StatisticsTable rectification(
            Text text, List<StatisticsQueries.RectificationGroup> groups, Map<String, String> names) {
        List<StatisticsTable.Row> rows = groups.stream()
                .sorted(Comparator.comparingLong(StatisticsQueries.RectificationGroup::bad)
                        .reversed()
                        .thenComparing(StatisticsQueries.RectificationGroup::organisationUscc))
                .map(g -> new StatisticsTable.Row(
                        names.getOrDefault(g.organisationUscc(), g.organisationUscc()),
                        g.organisationUscc(),
                        List.of(
                                Figure.count(g.bad()),
                                Figure.count(g.rectified()),
                                Figure.percent(g.rectified(), g.bad()),
                                Figure.count(g.overdue()))))
                .toList();
        return new StatisticsTable(
                "rectification",
                text.of("cases.statistics.table.rectification"),
                text.of("cases.statistics.column.department"),
                "bar",
                List.of(
                        new StatisticsTable.Column(text.of("cases.statistics.figure.bad"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.figure.rectified"), true),
                        new StatisticsTable.Column(text.of("cases.statistics.figure.rectification-rate"), false),
                        new StatisticsTable.Column(text.of("cases.statistics.figure.overdue"), false)),
                rows);
    }

    private static StatisticsTable countTable(
            Text text, String name, String rowHeadingKey, String chart, List<StatisticsTable.Row> rows) {
        return new StatisticsTable(
                name,
                text.of("cases.statistics.table." + name),
                text.of(rowHeadingKey),
                chart,
                List.of(new StatisticsTable.Column(text.of("cases.statistics.column.cases"), true)),
                rows);
    }

    private static Map<String, Long> counts(
            List<StatisticsQueries.ReceivedGroup> received, StatisticsQueries.Grouping by) {
        Map<String, Long> counts = new HashMap<>();
        received.stream().filter(g -> g.by() == by).forEach(g -> counts.put(g.key(), g.cases()));
        return counts;
    }

    // ---------------------------------------------------------------- working days

    /**
     * The decisions of a department (or of all): counts, the working days summed over those whose days are known, and
     * the earliest year without a schedule among the others.
     */
    private static final class Decisions {

        long decided;
        long withDue;
        long onTime;
        private long workingDays;
        private Integer unscheduledYear;

        void add(StatisticsQueries.DecidedGroup group) {
            decided += group.decided();
            withDue += group.withDue();
            onTime += group.onTime();
            workingDays += group.workingDays();
            if (group.unscheduledYear() != 0
                    && (unscheduledYear == null || group.unscheduledYear() < unscheduledYear)) {
                unscheduledYear = group.unscheduledYear();
            }
        }

        /**
         * The average working days from receipt to decision, or null without decisions, or when a decision's days
         * fall in a year without a schedule (an average of the others would mislead).
         */
        Double averageWorkingDays() {
            if (decided == 0 || unscheduledYear != null) {
                return null;
            }
            return (double) workingDays / decided;
        }
    }

    /** Texts in the reader's language. */
    private record Text(MessageSource messages, Locale locale) {

        String of(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }
    }
}
