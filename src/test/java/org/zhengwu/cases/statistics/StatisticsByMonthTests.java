package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The page's figures from the monthly and narrow daily roll-ups (V42: whole months from the month's rows, partial
 * months from the days or the month less the days outside) equal the per-case aggregation of {@code
 * StatisticsRollUpTests.PerCaseQueries}, for random cases written with SQL (through the triggers) in divisions of
 * their own (福建, 35…, which no other test uses): received and decided across the turn of 2025 to 2026, at either
 * side of midnight in Asia/Shanghai, a few received in 2024 (a year without a working-day schedule), with and without
 * 补正, in every status and channel, one entry under two names, a department with cases outside its own region. Every
 * table, for supervisors of a department alone, of a county, a prefecture, the province and the platform, over periods
 * of whole and partial months, one day, across a year's end and at random; before the fold (the changes still
 * deltas) and after it; then again after random changes and deletions. The roll-ups themselves must equal a recount.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsByMonthTests {

    static final long SEED = 20261205L;

    /** Counties of two prefectures of one province; the last is a prefecture's own division. */
    static final List<String> DIVISIONS = List.of("350102", "350103", "350203", "350100", "350000");

    static final List<String> STATUSES = List.of(
            "SUBMITTED", "CORRECTION_REQUESTED", "REFUSED", "WITHDRAWN", "UNDER_REVIEW", "COMPLETED", "DELIVERED");

    static final List<String> CHANNELS = List.of("1", "2", "3", "4", "9");

    private static long nextAccount = 9_600_000;
    private static int nextNumber = 1;

    @Autowired
    CaseStatistics statistics;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Organisations organisations;

    @Autowired
    Divisions divisions;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StatisticsFold fold;

    @Autowired
    StaffAccounts staffAccounts;

    @LocalServerPort
    int port;

    private final Random random = new Random(SEED);
    private final List<String> organisationsOf = new ArrayList<>();
    private final Map<String, String> homeOf = new HashMap<>();
    private final List<Long> cases = new ArrayList<>();

    @BeforeAll
    void makeCases() {
        for (String division : DIVISIONS) {
            String uscc = TestPeople.newCreditCode();
            organisationsOf.add(uscc);
            homeOf.put(uscc, division);
        }
        for (int i = 0; i < 400; i++) {
            cases.add(insertCase());
        }
    }

    @Test
    void everyTableEqualsThePerCaseAggregationOverMonthsAndTheirEdges() {
        CaseStatistics oracle = new CaseStatistics(
                new StatisticsRollUpTests.PerCaseQueries(jdbc, workingDays), organisations, divisions, messages);
        List<Actor> actors = actors();
        List<CaseStatistics.Period> periods = periods();

        // Before the fold the received cases are deltas; after it, rows of the day and of the month.
        sameAsTheOracle(oracle, actors, periods, "inserted, not folded");
        fold.fold();
        sameAsTheOracle(oracle, actors, periods, "inserted, folded");

        // Transitions: statuses, channels, days of receipt and decision, due dates, departments and divisions moved,
        // 补正 asked and withdrawn, cases deleted — each through the triggers.
        for (int i = 0; i < 150; i++) {
            change(cases.get(random.nextInt(cases.size())));
        }
        for (int i = 0; i < 20; i++) {
            long id = cases.remove(random.nextInt(cases.size()));
            jdbc.sql("DELETE FROM cases_case WHERE id = :id").param("id", id).update();
        }
        sameAsTheOracle(oracle, actors, periods, "changed, not folded");
        fold.fold();
        sameAsTheOracle(oracle, actors, periods, "changed, folded");
        theRollUpsEqualARecount();
    }

    /** The periods: whole and partial months at either end (added or subtracted), one day, a year's end, at random. */
    private List<CaseStatistics.Period> periods() {
        List<LocalDate[]> days = new ArrayList<>(List.of(
                range("2025-12-01", "2025-12-31"), // one whole month
                range("2025-11-01", "2026-02-28"), // whole months across the year's end
                range("2025-12-20", "2026-01-10"), // across the year's end, both edges added
                range("2025-11-03", "2026-02-25"), // both edges subtracted from their months
                range("2025-11-28", "2026-02-26"), // the first added, the last subtracted
                range("2025-11-02", "2026-01-03"), // the first subtracted, the last added
                range("2026-01-01", "2026-01-01"), // one day
                range("2025-12-31", "2026-01-01"), // the year's last and first day
                range("2026-01-02", "2026-01-30"), // one month less a day at each end
                range("2026-01-10", "2026-01-12"), // a few days of a month
                range("2026-02-01", "2026-02-14"), // half a month, from its first day
                range("2026-02-15", "2026-02-28"), // half a month, to its last day
                range("2025-01-01", "2026-12-31"), // two whole years, the receipts of 2024 among them
                range("2025-10-15", "2026-03-20"))); // the cases' whole span
        for (int i = 0; i < 16; i++) {
            LocalDate from = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(190));
            days.add(new LocalDate[] {from, from.plusDays(random.nextInt(i < 8 ? 40 : 120))});
        }
        List<CaseStatistics.Period> periods = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            periods.add(new CaseStatistics.Period(
                    days.get(i)[0],
                    days.get(i)[1],
                    i % 2 == 0 ? CaseStatistics.Granularity.WEEK : CaseStatistics.Granularity.MONTH));
        }
        return periods;
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    /** A department alone, the supervisors of a county, a prefecture and the province, and the platform's staff. */
    private List<Actor> actors() {
        String county = organisationsOf.get(0); // 350102
        String prefecture = organisationsOf.get(3); // 350100
        String province = organisationsOf.get(4); // 350000
        return List.of(
                staff(Map.of(CaseAccess.SUPERVISE, Reach.ORGANISATION), DataScope.of(county, "350102")),
                staff(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.of(county, "350102")),
                staff(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.of(organisationsOf.get(2), "350203")),
                staff(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.of(prefecture, "350100")),
                staff(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.of(province, "350000")),
                staff(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.PLATFORM));
    }

    private void sameAsTheOracle(
            CaseStatistics oracle, List<Actor> actors, List<CaseStatistics.Period> periods, String when) {
        LocalDate today = LocalDate.of(2026, 1, 15);
        int compared = inOneSnapshot(() -> {
            int n = 0;
            for (Actor actor : actors) {
                for (CaseStatistics.Period period : periods) {
                    CaseStatistics.Report expected = oracle.report(actor, period, today, Locale.SIMPLIFIED_CHINESE);
                    CaseStatistics.Report actual = statistics.report(actor, period, today, Locale.SIMPLIFIED_CHINESE);
                    assertThat(actual.tables())
                            .as("%s: %s %s %s, seed %d", when, actor.scope(), period.from(), period.to(), SEED)
                            .isEqualTo(expected.tables());
                    assertThat(actual.unscheduledYear())
                            .as("%s: %s %s %s", when, actor.scope(), period.from(), period.to())
                            .isEqualTo(expected.unscheduledYear());
                    n++;
                }
            }
            return n;
        });
        assertThat(compared).isEqualTo(actors.size() * periods.size());
    }

    /** The county's supervisor sees figures at all (the comparison is not of empty tables), and 2024's gap. */
    @Test
    void theDataReachesEveryKindOfFigure() {
        fold.fold();
        Actor county = actors().get(1);
        CaseStatistics.Report report = statistics.report(
                county,
                new CaseStatistics.Period(
                        LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 28), CaseStatistics.Granularity.WEEK),
                LocalDate.of(2026, 1, 15),
                Locale.SIMPLIFIED_CHINESE);
        for (String figure : List.of("received", "decided", "on-time", "corrected")) {
            assertThat(report.table("summary").rows().stream()
                            .filter(r -> r.code().equals(figure))
                            .findFirst()
                            .orElseThrow()
                            .figures()
                            .get(0)
                            .value()
                            .longValue())
                    .as(figure)
                    .isPositive();
        }
        assertThat(report.table("items").rows()).hasSizeGreaterThan(1);
        CaseStatistics.Report withReceiptsOf2024 = statistics.report(
                actors().get(4),
                new CaseStatistics.Period(
                        LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), CaseStatistics.Granularity.MONTH),
                LocalDate.of(2026, 1, 15),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(withReceiptsOf2024.unscheduledYear()).isEqualTo(2024);
    }

    /**
     * The database counts the working days between two days as {@link WorkingDays} does ({@code
     * cases_working_days_between}, V43, over the copy {@link WorkingDayTable} keeps): for each year's first and last
     * days and random days from 2023 to 2027 — 2023, 2024 and 2027 without a schedule — in either order and on the
     * same day; where a year has no schedule, the same year named.
     */
    @Test
    void theDatabaseCountsWorkingDaysAsTheCalendarDoes() {
        assertThat(countedAsTheCalendarCounts(2023, 2027)).isPositive();
    }

    /**
     * Compares {@code cases_working_days_between} with {@link WorkingDays#workingDaysBetween} for each year's first
     * and last days from {@code firstYear} to {@code lastYear}, random days among them, a day of the first century
     * and the day before the first year a schedule can have: ten pairs from each day, the day itself among them, in
     * either order. Returns how many pairs were compared.
     */
    private int countedAsTheCalendarCounts(int firstYear, int lastYear) {
        List<LocalDate> days = new ArrayList<>(List.of(LocalDate.of(25, 3, 1), LocalDate.of(1999, 12, 31)));
        for (int year = firstYear; year <= lastYear; year++) {
            days.add(LocalDate.of(year, 1, 1));
            days.add(LocalDate.of(year, 12, 31));
        }
        Random pick = new Random(SEED + firstYear);
        int span = (lastYear - firstYear + 1) * 365;
        for (int i = 0; i < 60; i++) {
            days.add(LocalDate.of(firstYear, 1, 1).plusDays(pick.nextInt(span)));
        }
        int compared = 0;
        for (LocalDate from : days) {
            for (int i = 0; i < 10; i++) {
                LocalDate to = i == 0 ? from : days.get(pick.nextInt(days.size()));
                Integer expectedDays = null;
                Integer expectedYear = null;
                try {
                    expectedDays = workingDays.workingDaysBetween(from, to);
                } catch (NoScheduleException e) {
                    expectedYear = e.year();
                }
                Map<String, Object> counted = jdbc.sql(
                                "SELECT days, unscheduled_year FROM cases_working_days_between(:from, :to)")
                        .param("from", from)
                        .param("to", to)
                        .query()
                        .singleRow();
                assertThat(counted.get("days")).as("%s to %s", from, to).isEqualTo(expectedDays);
                assertThat(counted.get("unscheduled_year"))
                        .as("%s to %s", from, to)
                        .isEqualTo(expectedYear);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(days.size() * 10);
        return compared;
    }

    /**
     * A change of the calendar counts every decision's working days again, as a system administrator makes it on
     * the calendar's pages: 2024's schedule entered (the decisions of cases received in it then have known working
     * days, and the page no longer names 2024), 2022's (two runs of scheduled years, counted as the calendar counts
     * them), a holiday set on a working day among the cases' days, and all undone — each time every table equal to
     * the oracle's, which counts on the calendar as it is, and the roll-ups equal to a recount.
     */
    @Test
    void aChangeOfTheCalendarCountsTheDecisionsAgain() {
        fold.fold();
        CaseStatistics oracle = new CaseStatistics(
                new StatisticsRollUpTests.PerCaseQueries(jdbc, workingDays), organisations, divisions, messages);
        List<Actor> actors = actors();
        List<CaseStatistics.Period> periods = periods().subList(0, 12);
        CaseStatistics.Period twoYears = new CaseStatistics.Period(
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), CaseStatistics.Granularity.MONTH);
        LocalDate holiday = LocalDate.of(2026, 2, 3);
        assertThat(workingDays.isWorkingDay(holiday)).isTrue();
        assertThat(report(actors.get(4), twoYears).unscheduledYear()).isEqualTo(2024);

        TestBrowser admin = new TestBrowser(port);
        admin.signInNewStaff(staffAccounts, null, IdentityAccess.SYSTEM_ADMIN);
        try {
            assertThat(admin.submitForm(
                                    "/admin/calendar/2024",
                                    "form[action=/admin/calendar/2024/entered]",
                                    Map.of("source", "统计测试：2024年部分节假日安排"))
                            .status())
                    .isEqualTo(302);
            awaitCalendar("2024 entered", "SELECT count(*) FROM cases_working_day WHERE day = DATE '2024-12-02'", 1);
            assertThat(report(actors.get(4), twoYears).unscheduledYear()).isNull();
            sameAsTheOracle(oracle, actors, periods, "2024 entered");

            // 2022 too: two runs of scheduled years, 2022 and 2024–2026, with 2023 between them.
            assertThat(admin.submitForm(
                                    "/admin/calendar/2022",
                                    "form[action=/admin/calendar/2022/entered]",
                                    Map.of("source", "统计测试：2022年部分节假日安排"))
                            .status())
                    .isEqualTo(302);
            awaitCalendar("2022 entered", "SELECT count(*) FROM cases_working_day WHERE day = DATE '2022-06-01'", 1);
            countedAsTheCalendarCounts(2021, 2027);

            assertThat(admin.submitForm(
                                    "/admin/calendar/2026",
                                    "form[action=/admin/calendar/2026/days]",
                                    Map.of("date", holiday.toString(), "working", "false", "reason", "统计测试假日"))
                            .status())
                    .isEqualTo(302);
            awaitCalendar(
                    "the holiday set",
                    "SELECT count(*) FROM cases_working_day WHERE day = DATE '2026-02-03' AND working = 0",
                    1);
            sameAsTheOracle(oracle, actors, periods, "a holiday set");
            theRollUpsEqualARecount();
        } finally {
            // Undone whatever was done, so that the other tests find the calendar as shipped.
            undo(admin, "/admin/calendar/2026", "form[action=/admin/calendar/2026/days/2026-02-03/remove]");
            undo(admin, "/admin/calendar/2024", "form[action=/admin/calendar/2024/reopen]");
            undo(admin, "/admin/calendar/2022", "form[action=/admin/calendar/2022/reopen]");
            awaitCalendar(
                    "all undone",
                    "SELECT count(*) FROM cases_working_day WHERE day IN (DATE '2024-12-02', DATE '2022-06-01')"
                            + " OR (day = DATE '2026-02-03' AND working = 0)",
                    0);
        }
        assertThat(workingDays.isWorkingDay(holiday)).isTrue();
        assertThat(report(actors.get(4), twoYears).unscheduledYear()).isEqualTo(2024);
        sameAsTheOracle(oracle, actors, periods, "all undone");
        theRollUpsEqualARecount();
    }

    private CaseStatistics.Report report(Actor actor, CaseStatistics.Period period) {
        return statistics.report(actor, period, LocalDate.of(2026, 1, 15), Locale.SIMPLIFIED_CHINESE);
    }

    private static void undo(TestBrowser browser, String page, String formSelector) {
        Element form = browser.get(page).html().selectFirst(formSelector);
        if (form != null) {
            browser.postMulti(form.attr("action"), TestBrowser.formFields(form));
        }
    }

    /** Waits for the calendar's change to reach the statistics' copy (after its commit, on another thread). */
    private void awaitCalendar(String change, String countQuery, long expected) {
        Awaitility.await(change)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql(countQuery).query(Long.class).single() == expected);
        // The recount is in the same transaction as the copy: once the copy is seen, so are the counts.
    }

    /**
     * The V42 and V47 tables as kept equal the recount's (which sums them from V38's, recounted from the cases; the
     * weeks through the daily tables' triggers).
     */
    private void theRollUpsEqualARecount() {
        List<String> tables = List.of(
                "cases_stat_received_month",
                "cases_stat_received_day",
                "cases_stat_decided_day",
                "cases_stat_received_week",
                "cases_stat_decided_week",
                "cases_stat_decided_month",
                "cases_stat_received");
        inOneSnapshot(() -> {
            assertThat(jdbc.sql("SELECT count(*) FROM cases_stat_received_delta")
                            .query(Long.class)
                            .single())
                    .isZero();
            for (String table : tables) {
                jdbc.sql("CREATE TEMPORARY TABLE kept_" + table + " ON COMMIT DROP AS SELECT * FROM " + table)
                        .update();
            }
            jdbc.sql("SELECT cases_statistics_rebuild()").query().singleValue();
            for (String table : tables) {
                assertThat(jdbc.sql("SELECT count(*) FROM " + table)
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isPositive();
                List<String> differences = new ArrayList<>();
                differences.addAll(jdbc.sql("SELECT 'kept only: ' || k::text FROM (SELECT * FROM kept_" + table
                                + " EXCEPT ALL SELECT * FROM " + table + ") k")
                        .query(String.class)
                        .list());
                differences.addAll(jdbc.sql("SELECT 'recounted only: ' || k::text FROM (SELECT * FROM " + table
                                + " EXCEPT ALL SELECT * FROM kept_" + table + ") k")
                        .query(String.class)
                        .list());
                assertThat(differences).as(table).isEmpty();
            }
            return 0;
        });
    }

    // ---------------------------------------------------------------- the cases

    /** A case of a random department, mostly in its own division, received and perhaps decided at random. */
    private long insertCase() {
        int o = random.nextInt(organisationsOf.size());
        String uscc = organisationsOf.get(o);
        String division = random.nextInt(8) == 0 ? DIVISIONS.get(random.nextInt(DIVISIONS.size())) : homeOf.get(uscc);
        int item = random.nextInt(4);
        boolean draft = random.nextInt(25) == 0;
        LocalDate received = receivedDay();
        String status = draft ? "DRAFT" : STATUSES.get(random.nextInt(STATUSES.size()));
        long id = jdbc.sql("""
                        INSERT INTO cases_case (case_number, status, channel, registered_by, implementation_code,
                                item_version, item_name, item_type, organisation_uscc, division_code, case_kind,
                                received_on, created_at, updated_at)
                        VALUES (:number, :status, :channel, '统计测试', :code, 1, :name, '01', :uscc, :division, '1',
                                :received, now(), now())
                        RETURNING id""")
                .param("number", draft ? null : number(division, received))
                .param("status", status)
                .param("channel", CHANNELS.get(random.nextInt(CHANNELS.size())))
                .param("code", uscc.substring(0, 17) + "0000" + item + "00000000" + "0")
                .param("name", itemName(item))
                .param("uscc", uscc)
                .param("division", division)
                .param("received", draft ? null : received)
                .query(Long.class)
                .single();
        if (!draft && random.nextInt(2) == 0) {
            decide(id, received);
        }
        if (!draft && random.nextInt(5) == 0) {
            correct(id);
        }
        return id;
    }

    /** Mostly across the year's end; one in forty in December 2024, a year without a schedule. */
    private LocalDate receivedDay() {
        if (random.nextInt(40) == 0) {
            return LocalDate.of(2024, 12, 1).plusDays(random.nextInt(31));
        }
        return LocalDate.of(2025, 10, 15).plusDays(random.nextInt(157));
    }

    /** The second entry under two names (a new version renamed it), so that the page names it by the greater. */
    private String itemName(int item) {
        return item == 1 && random.nextBoolean() ? "统计测试事项1（新）" : "统计测试事项" + item;
    }

    private void decide(long id, LocalDate received) {
        LocalDate day = received.plusDays(random.nextInt(45));
        // At either side of midnight in Asia/Shanghai, or in office hours.
        LocalDateTime at = switch (random.nextInt(3)) {
            case 0 -> day.atTime(23, 59, 59);
            case 1 -> day.atStartOfDay();
            default -> day.atTime(10, 30);
        };
        LocalDate due = random.nextInt(5) == 0 ? null : received.plusDays(random.nextInt(40));
        jdbc.sql("""
                        UPDATE cases_case SET decision = :decision, decided_at = :at, due_on = :due,
                               status = CASE WHEN status IN ('SUBMITTED', 'UNDER_REVIEW') THEN 'COMPLETED'
                                             ELSE status END
                        WHERE id = :id""")
                .param("decision", random.nextBoolean() ? "APPROVED" : "DENIED")
                .param("at", Timestamp.from(at.atZone(BusinessTime.ZONE).toInstant()))
                .param("due", due)
                .param("id", id)
                .update();
    }

    private void correct(long id) {
        jdbc.sql("""
                        INSERT INTO cases_correction (case_id, requested_at, requested_by, items)
                        VALUES (:id, now(), '统计测试', '补正')""").param("id", id).update();
    }

    /** One random transition of a case, through the triggers. */
    private void change(long id) {
        switch (random.nextInt(9)) {
            case 0 ->
                jdbc.sql("UPDATE cases_case SET status = :status WHERE id = :id AND status <> 'DRAFT'")
                        .param("status", STATUSES.get(random.nextInt(STATUSES.size())))
                        .param("id", id)
                        .update();
            case 1 ->
                jdbc.sql("UPDATE cases_case SET channel = :channel WHERE id = :id")
                        .param("channel", CHANNELS.get(random.nextInt(CHANNELS.size())))
                        .param("id", id)
                        .update();
            case 2 ->
                jdbc.sql("UPDATE cases_case SET received_on = :day WHERE id = :id AND status <> 'DRAFT'")
                        .param("day", receivedDay())
                        .param("id", id)
                        .update();
            case 3 -> {
                LocalDate received = jdbc.sql("SELECT received_on FROM cases_case WHERE id = :id")
                        .param("id", id)
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null);
                if (received != null) {
                    decide(id, received);
                }
            }
            case 4 ->
                jdbc.sql("UPDATE cases_case SET decision = NULL, decided_at = NULL WHERE id = :id")
                        .param("id", id)
                        .update();
            case 5 ->
                jdbc.sql("UPDATE cases_case SET organisation_uscc = :uscc, division_code = :division"
                                + " WHERE id = :id")
                        .param("uscc", organisationsOf.get(random.nextInt(organisationsOf.size())))
                        .param("division", DIVISIONS.get(random.nextInt(DIVISIONS.size())))
                        .param("id", id)
                        .update();
            case 6 -> correct(id);
            case 7 ->
                jdbc.sql("DELETE FROM cases_correction WHERE case_id = :id")
                        .param("id", id)
                        .update();
            default ->
                jdbc.sql("UPDATE cases_case SET due_on = :due WHERE id = :id")
                        .param(
                                "due",
                                random.nextBoolean()
                                        ? null
                                        : LocalDate.of(2025, 11, 1).plusDays(random.nextInt(120)))
                        .param("id", id)
                        .update();
        }
    }

    /** A well-formed, unused case number: division, day, a sequence of this test, a check character. */
    private static String number(String division, LocalDate day) {
        return division + day.toString().replace("-", "") + String.format(Locale.ROOT, "%06d", nextNumber++) + "T";
    }

    private static Actor staff(Map<String, Reach> permissions, DataScope scope) {
        long id = nextAccount++;
        return new Actor(
                id,
                UUID.randomUUID(),
                "staff" + id,
                "人员" + id,
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(),
                permissions,
                scope);
    }

    private <T> T inOneSnapshot(java.util.function.Supplier<T> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
