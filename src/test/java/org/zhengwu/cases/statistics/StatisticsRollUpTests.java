package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.cases.rating.CaseRatings;
import org.zhengwu.cases.rating.RatingTag;
import org.zhengwu.cases.rating.Rectifications;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.csv.CsvCells;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The statistics page reads roll-up tables kept by triggers (V38); these tests hold them to the per-case aggregation
 * the page used before, kept here as the oracle ({@link PerCaseQueries}): cases made through the real lifecycle
 * (submitted, withdrawn, refused, 补正 asked and answered, accepted, each review step, approved, denied, delivered, 即办件
 * decided at the counter), rated and rectified through the rating services, then moved by SQL across the days of a
 * period in Asia/Shanghai (received, decided and rated on either side of its first and last midnight, due before or
 * after the decision, another channel) — each change through the same triggers. Every table of the page, for
 * supervisors of the region, of the province and of another region, and the CSV export, must equal the oracle's; the
 * roll-up tables must equal a full recount.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsRollUpTests {

    /** The period the cases are moved into: June to the middle of July 2026 (端午节 on 19 June). */
    static final LocalDate FROM = LocalDate.of(2026, 6, 1);

    static final LocalDate TO = LocalDate.of(2026, 7, 15);

    private static long nextAccount = 9_400_000;

    @LocalServerPort
    int port;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseRecords records;

    @Autowired
    CaseRatings ratings;

    @Autowired
    Rectifications rectifications;

    @Autowired
    PublishedCatalog catalog;

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
    StaffAccounts staffAccounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StatisticsFold fold;

    private PublishedItem promised;
    private PublishedItem immediate;
    private final List<Long> moved = new ArrayList<>();

    @BeforeAll
    void makeCases() {
        promised = item(CaseKind.PROMISED, null);
        immediate = item(CaseKind.IMMEDIATE, promised.divisionCode());
        // Twelve ways a case goes, twice each (the second time with 补正 first where the way allows it).
        for (int round = 0; round < 2; round++) {
            for (int way = 0; way < 12; way++) {
                moved.add(caseGoing(way, round == 1));
            }
        }
        // Across the period's days and its first and last midnight in Asia/Shanghai.
        LocalDate[] receivedOn = {
            LocalDate.of(2026, 5, 31),
            FROM,
            LocalDate.of(2026, 6, 12),
            LocalDate.of(2026, 6, 18),
            TO,
            LocalDate.of(2026, 7, 16)
        };
        for (int i = 0; i < moved.size(); i++) {
            long id = moved.get(i);
            LocalDate received = receivedOn[i % receivedOn.length];
            jdbc.sql("UPDATE cases_case SET received_on = :received, due_on = :due WHERE id = :id")
                    .param("received", received)
                    .param("due", i % 5 == 0 ? null : received.plusDays(i % 3 == 0 ? 3 : 20))
                    .param("id", id)
                    .update();
            if (i % 4 == 1) {
                jdbc.sql("UPDATE cases_case SET channel = :channel WHERE id = :id")
                        .param("channel", i % 8 == 1 ? "1" : "3")
                        .param("id", id)
                        .update();
            }
            // Decided: just before the period's end or first day, just after, or inside.
            Timestamp decided = switch (i % 4) {
                case 0 -> at(TO, 23, 59, 59);
                case 1 -> at(TO.plusDays(1), 0, 0, 0);
                case 2 -> at(FROM, 0, 0, 0);
                default -> at(LocalDate.of(2026, 6, 22), 8, 0, 0);
            };
            jdbc.sql("UPDATE cases_case SET decided_at = :at WHERE id = :id AND decided_at IS NOT NULL")
                    .param("at", decided)
                    .param("id", id)
                    .update();
            jdbc.sql("UPDATE cases_rating SET rated_at = :at WHERE case_id = :id")
                    .param("at", i % 3 == 0 ? at(FROM.minusDays(1), 23, 59, 0) : at(FROM, 0, 1, 0))
                    .param("id", id)
                    .update();
        }
    }

    @Test
    void theRollUpEqualsAFullRecount() {
        // The deltas summed into their rows first (the recount empties them); the tests fold when they choose.
        fold.fold();
        inOneSnapshot(() -> {
            assertThat(deltas()).isZero();
            for (String table : List.of(
                    "cases_stat_received",
                    "cases_stat_decided_day",
                    "cases_stat_decided_week",
                    "cases_stat_decided_month",
                    "cases_stat_rating",
                    "cases_stat_rectification")) {
                jdbc.sql("CREATE TEMPORARY TABLE kept_" + table + " ON COMMIT DROP AS SELECT * FROM " + table)
                        .update();
            }
            jdbc.sql("SELECT cases_statistics_rebuild()").query().singleValue();
            for (String table : List.of(
                    "cases_stat_received",
                    "cases_stat_decided_day",
                    "cases_stat_decided_week",
                    "cases_stat_decided_month",
                    "cases_stat_rating",
                    "cases_stat_rectification")) {
                assertThat(jdbc.sql("SELECT count(*) FROM " + table)
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isPositive();
                assertThat(differences(table)).as(table).isEmpty();
            }
            return null;
        });
    }

    @Test
    void everyTableEqualsThePerCaseAggregation() {
        CaseStatistics oracle =
                new CaseStatistics(new PerCaseQueries(jdbc, workingDays), organisations, divisions, messages);
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        Actor region = supervisor(promised.organisation().uscc(), promised.divisionCode());
        Actor province = supervisor(
                promised.organisation().uscc(), promised.divisionCode().substring(0, 2) + "0000");
        Actor elsewhere = supervisor(org.zhengwu.support.TestPeople.newCreditCode(), "341824");
        List<CaseStatistics.Period> periods = List.of(
                new CaseStatistics.Period(FROM, TO, CaseStatistics.Granularity.WEEK),
                new CaseStatistics.Period(FROM, TO, CaseStatistics.Granularity.MONTH),
                new CaseStatistics.Period(FROM, FROM, CaseStatistics.Granularity.WEEK),
                new CaseStatistics.Period(TO, TO, CaseStatistics.Granularity.MONTH),
                new CaseStatistics.Period(TO.plusDays(1), TO.plusDays(1), CaseStatistics.Granularity.WEEK),
                new CaseStatistics.Period(today.minusDays(89), today, CaseStatistics.Granularity.WEEK));
        // A case submitted now: its figures are deltas not yet summed into their rows (V39), and count as those would.
        caseGoing(5, true);
        assertThat(deltas()).isPositive();
        sameAsTheOracle(oracle, List.of(region, province, elsewhere), periods, today);
        assertThat(fold.fold()).isPositive();
        assertThat(deltas()).isZero();
        sameAsTheOracle(oracle, List.of(region, province, elsewhere), periods, today);

        // The cases moved into the period are counted — by the region's supervisor, never by another region's.
        CaseStatistics.Report inRegion = statistics.report(region, periods.get(0), today, Locale.SIMPLIFIED_CHINESE);
        CaseStatistics.Report inOther = statistics.report(elsewhere, periods.get(0), today, Locale.SIMPLIFIED_CHINESE);
        long ours = moved.stream()
                .filter(id -> {
                    LocalDate received = records.find(id).orElseThrow().receivedOn();
                    return !received.isBefore(FROM) && !received.isAfter(TO);
                })
                .count();
        assertThat(ours).isEqualTo(16);
        assertThat(figure(inRegion, "summary", "received")).isGreaterThanOrEqualTo(ours);
        assertThat(figure(inRegion, "summary", "decided")).isPositive();
        assertThat(figure(inRegion, "summary", "corrected")).isPositive();
        assertThat(figure(inRegion, "summary", "ratings")).isPositive();
        assertThat(figure(inRegion, "summary", "bad")).isPositive();
        assertThat(inRegion.table("regions").rows())
                .extracting(StatisticsTable.Row::code)
                .contains(promised.divisionCode());
        assertThat(inOther.table("regions").rows())
                .extracting(StatisticsTable.Row::code)
                .doesNotContain(promised.divisionCode());
        assertThat(inOther.table("departments").rows())
                .extracting(StatisticsTable.Row::code)
                .doesNotContain(promised.organisation().uscc());
        // Without the supervising permission nothing is counted, as before.
        Actor clerk = staff(promised, CaseAccess.ACCEPT);
        assertThat(figure(
                        statistics.report(clerk, periods.get(0), today, Locale.SIMPLIFIED_CHINESE),
                        "summary",
                        "received"))
                .isZero();
    }

    @Test
    void theCsvExportEqualsThePerCaseAggregation() {
        TestBrowser browser = new TestBrowser(port);
        String uscc = promised.organisation().uscc();
        browser.signInNewStaff(staffAccounts, uscc, CaseAccess.CASE_SUPERVISOR);
        Actor same = supervisor(uscc, organisations.find(uscc).orElseThrow().divisionCode());
        CaseStatistics oracle =
                new CaseStatistics(new PerCaseQueries(jdbc, workingDays), organisations, divisions, messages);
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        CaseStatistics.Report expected = oracle.report(
                same,
                new CaseStatistics.Period(FROM, TO, CaseStatistics.Granularity.WEEK),
                today,
                Locale.SIMPLIFIED_CHINESE);
        for (String table : CaseStatistics.TABLES) {
            TestBrowser.Page csv = browser.get("/statistics/" + table + ".csv?from=" + FROM + "&to=" + TO + "&by=WEEK");
            assertThat(csv.status()).as(table).isEqualTo(200);
            assertThat(csv.body()).as(table).isEqualTo(csv(expected.table(table)));
        }
        assertThat(csv(expected.table("summary"))).contains("\"received\",\"申请件数\",\"");
    }

    // ---------------------------------------------------------------- the cases

    /** A case of the region taken one of twelve ways through the real lifecycle; its id. */
    private long caseGoing(int way, boolean correctionFirst) {
        boolean atCounter = way >= 10;
        PublishedItem item = atCounter ? immediate : promised;
        Actor applicant = citizen();
        Actor clerk = staff(item, CaseAccess.ACCEPT, CaseAccess.REVIEW, CaseAccess.APPROVE);
        long id = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", "统计"));
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        if (way == 0) {
            return id;
        }
        if ((correctionFirst && !atCounter) || way == 2) {
            CaseRow c = act(clerk, id, HandlingAction.REQUEST_CORRECTION, "请补交身份证明");
            if (way == 2) {
                return id;
            }
            records.addMaterial(
                    id,
                    1,
                    "身份证明",
                    new CaseRecords.StoredUpload("k" + id, "id.pdf", "PDF", 10, "0".repeat(64)),
                    1,
                    Instant.now());
            lifecycle.answerCorrection(applicant, id, c.lockVersion());
        }
        switch (way) {
            case 1 ->
                lifecycle.withdraw(applicant, id, records.find(id).orElseThrow().lockVersion());
            case 3 -> act(clerk, id, HandlingAction.REFUSE, "不属于本机关职权范围");
            case 4 -> act(clerk, id, HandlingAction.ACCEPT, null);
            case 5 -> {
                act(clerk, id, HandlingAction.ACCEPT, null);
                act(clerk, id, HandlingAction.UNDERTAKE, "符合条件");
            }
            case 6 -> {
                act(clerk, id, HandlingAction.ACCEPT, null);
                act(clerk, id, HandlingAction.UNDERTAKE, "符合条件");
                act(clerk, id, HandlingAction.AUDIT, "同意");
            }
            case 7, 8, 9 -> {
                act(clerk, id, HandlingAction.ACCEPT, null);
                act(clerk, id, HandlingAction.UNDERTAKE, "符合条件");
                act(clerk, id, HandlingAction.AUDIT, "同意");
                act(clerk, id, way == 8 ? HandlingAction.DENY : HandlingAction.APPROVE, "决定");
                if (way == 9) {
                    act(clerk, id, HandlingAction.DELIVER, null);
                }
                rate(applicant, clerk, id, way == 7 ? 1 : way == 8 ? 5 : 4, way == 8 && !correctionFirst);
            }
            case 10 -> act(clerk, id, HandlingAction.APPROVE_AT_COUNTER, "当场办结");
            default -> {
                act(clerk, id, HandlingAction.DENY_AT_COUNTER, "不符合条件");
                rate(applicant, clerk, id, correctionFirst ? 2 : 3, false);
            }
        }
        return id;
    }

    private CaseRow act(Actor clerk, long id, HandlingAction action, String opinion) {
        return lifecycle.act(clerk, id, records.find(id).orElseThrow().lockVersion(), action, opinion);
    }

    private void rate(Actor applicant, Actor clerk, long id, int score, boolean rectify) {
        ratings.rate(applicant, id, new CaseRatings.Given(score, "评价", List.of(RatingTag.EFFICIENCY)));
        if (rectify) {
            long task = jdbc.sql("SELECT id FROM cases_rectification WHERE case_id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .single();
            rectifications.rectify(clerk, task, "已改进");
        }
    }

    private PublishedItem item(CaseKind kind, String division) {
        return catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().caseKind() == kind)
                .filter(i -> i.guide().handling() == null)
                .filter(i -> division == null || i.divisionCode().equals(division))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo entry offered online as " + kind));
    }

    private static Actor citizen() {
        long id = nextAccount++;
        return new Actor(
                id,
                UUID.randomUUID(),
                "applicant" + id,
                "申请人" + id,
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
    }

    private static Actor staff(PublishedItem item, String... permissions) {
        Map<String, Reach> granted = new java.util.HashMap<>();
        for (String p : permissions) {
            granted.put(p, Reach.ORGANISATION);
        }
        return staffActor(granted, DataScope.of(item.organisation().uscc(), item.divisionCode()));
    }

    /** A member of staff supervising (电子监察, reaching the region) from an organisation placed in {@code division}. */
    private static Actor supervisor(String uscc, String division) {
        return staffActor(Map.of(CaseAccess.SUPERVISE, Reach.REGION), DataScope.of(uscc, division));
    }

    private static Actor staffActor(Map<String, Reach> permissions, DataScope scope) {
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

    // ---------------------------------------------------------------- comparing

    /** Every table of the page, for each supervisor, period and language, equals the per-case aggregation's. */
    private void sameAsTheOracle(
            CaseStatistics oracle, List<Actor> actors, List<CaseStatistics.Period> periods, LocalDate today) {
        inOneSnapshot(() -> {
            for (Actor actor : actors) {
                for (CaseStatistics.Period period : periods) {
                    for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                        CaseStatistics.Report expected = oracle.report(actor, period, today, locale);
                        CaseStatistics.Report actual = statistics.report(actor, period, today, locale);
                        assertThat(actual.tables())
                                .as("%s %s", actor.username(), period)
                                .isEqualTo(expected.tables());
                        assertThat(actual.unscheduledYear()).isEqualTo(expected.unscheduledYear());
                    }
                }
            }
            return null;
        });
    }

    private long deltas() {
        return jdbc.sql("SELECT count(*) FROM cases_stat_received_delta")
                .query(Long.class)
                .single();
    }

    private <T> T inOneSnapshot(java.util.function.Supplier<T> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** Rows of the kept roll-up table missing from the recount and the other way round. */
    private List<String> differences(String table) {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT 'kept only: ' || k::text FROM (SELECT * FROM kept_" + table
                        + " EXCEPT ALL SELECT * FROM " + table + ") k")
                .query(String.class)
                .list());
        rows.addAll(jdbc.sql("SELECT 'recounted only: ' || k::text FROM (SELECT * FROM " + table
                        + " EXCEPT ALL SELECT * FROM kept_" + table + ") k")
                .query(String.class)
                .list());
        return rows;
    }

    private static long figure(CaseStatistics.Report report, String table, String code) {
        return report.table(table).rows().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow()
                .figures()
                .get(0)
                .value()
                .longValue();
    }

    /** The CSV the page exports for a table, written as the controller writes it. */
    private String csv(StatisticsTable table) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        header.add(messages.getMessage("cases.statistics.column.code", null, Locale.SIMPLIFIED_CHINESE));
        header.add(table.rowHeading());
        table.columns().forEach(c -> header.add(c.label()));
        csv.append(CsvCells.row(header)).append("\r\n");
        for (StatisticsTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.code());
            cells.add(row.label());
            row.figures().forEach(f -> cells.add(f.text()));
            csv.append(CsvCells.row(cells)).append("\r\n");
        }
        return csv.toString();
    }

    private static Timestamp at(LocalDate day, int hour, int minute, int second) {
        return Timestamp.from(LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, minute, second)
                .atZone(BusinessTime.ZONE)
                .toInstant());
    }

    /**
     * The oracle: the page's queries as they were before the roll-up (issue 10), one aggregation over the cases,
     * ratings and tasks themselves per request.
     */
    static final class PerCaseQueries extends StatisticsQueries {

        private static final String DECIDED_ON = "CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE)";
        private static final org.zhengwu.identity.ScopeColumns TASK_SCOPE =
                new org.zhengwu.identity.ScopeColumns("t.organisation_uscc", "t.division_code");

        private final JdbcClient jdbc;
        private final WorkingDays workingDays;

        PerCaseQueries(JdbcClient jdbc, WorkingDays workingDays) {
            super(jdbc);
            this.jdbc = jdbc;
            this.workingDays = workingDays;
        }

        @Override
        List<ReceivedGroup> received(Actor supervisor, LocalDate from, LocalDate to) {
            ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
            Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
            parameters.put("from", from);
            parameters.put("to", to);
            return jdbc.sql("""
                            SELECT GROUPING(c.status) AS no_status, GROUPING(c.channel) AS no_channel,
                                   GROUPING(c.organisation_uscc) AS no_organisation, GROUPING(c.division_code) AS no_division,
                                   GROUPING(c.implementation_code) AS no_item,
                                   c.status, c.channel, c.organisation_uscc, c.division_code, c.implementation_code,
                                   max(c.item_name) AS item_name, count(*) AS cases,
                                   sum(CASE WHEN EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = c.id)
                                       THEN 1 ELSE 0 END) AS corrected
                            FROM cases_case c
                            WHERE c.status <> 'DRAFT' AND c.received_on >= :from AND c.received_on <= :to
                              AND\s""" + scope.sql() + """

                            GROUP BY GROUPING SETS ((c.status), (c.channel), (c.organisation_uscc), (c.division_code),
                                                    (c.implementation_code), ())""")
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
                        } else {
                            by = Grouping.TOTAL;
                        }
                        return new ReceivedGroup(
                                by,
                                key,
                                by == Grouping.ITEM ? rs.getString("item_name") : null,
                                rs.getLong("cases"),
                                rs.getLong("corrected"));
                    })
                    .list();
        }

        /**
         * Each decision of the period read as a case, its working days counted here by {@link WorkingDays} (the
         * year it names when a year has no schedule), and summed per department and that year.
         */
        @Override
        List<DecidedGroup> decidedByDepartment(Actor supervisor, LocalDate from, LocalDate to) {
            record Key(String organisationUscc, int unscheduledYear) {}
            Map<Key, long[]> sums = new LinkedHashMap<>();
            jdbc.sql("SELECT c.organisation_uscc, c.received_on, " + DECIDED_ON + " AS decided_on, c.due_on"
                            + " FROM cases_case c WHERE " + decidedInPeriod(supervisor))
                    .params(periodParameters(supervisor, from, to))
                    .query((rs, n) -> {
                        LocalDate received = rs.getObject("received_on", LocalDate.class);
                        LocalDate decided = rs.getObject("decided_on", LocalDate.class);
                        LocalDate due = rs.getObject("due_on", LocalDate.class);
                        int unscheduledYear = 0;
                        int days = 0;
                        try {
                            days = workingDays.workingDaysBetween(received, decided);
                        } catch (NoScheduleException e) {
                            unscheduledYear = e.year();
                        }
                        long[] sum = sums.computeIfAbsent(
                                new Key(rs.getString("organisation_uscc"), unscheduledYear), k -> new long[4]);
                        sum[0]++;
                        sum[1] += due == null ? 0 : 1;
                        sum[2] += due != null && !decided.isAfter(due) ? 1 : 0;
                        sum[3] += days;
                        return null;
                    })
                    .list();
            List<DecidedGroup> groups = new ArrayList<>();
            sums.forEach((key, sum) -> groups.add(
                    new DecidedGroup(key.organisationUscc(), key.unscheduledYear(), sum[0], sum[1], sum[2], sum[3])));
            return groups;
        }

        /** The cases received on each day of the period, whatever the page's weeks or months. */
        @Override
        Map<LocalDate, Long> receivedOverTime(Actor supervisor, CaseStatistics.Period period) {
            ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
            Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
            parameters.put("from", period.from());
            parameters.put("to", period.to());
            Map<LocalDate, Long> days = new LinkedHashMap<>();
            jdbc.sql("SELECT c.received_on AS day, count(*) AS cases FROM cases_case c WHERE c.status <> 'DRAFT'"
                            + " AND c.received_on >= :from AND c.received_on <= :to AND " + scope.sql()
                            + " GROUP BY c.received_on")
                    .params(parameters)
                    .query((rs, n) -> days.put(rs.getObject("day", LocalDate.class), rs.getLong("cases")))
                    .list();
            return days;
        }

        /** The cases decided on each day of the period, whatever the page's weeks or months. */
        @Override
        Map<LocalDate, Long> decidedOverTime(Actor supervisor, CaseStatistics.Period period) {
            Map<LocalDate, Long> days = new LinkedHashMap<>();
            jdbc.sql("SELECT " + DECIDED_ON + " AS day, count(*) AS decided FROM cases_case c WHERE "
                            + decidedInPeriod(supervisor) + " GROUP BY " + DECIDED_ON)
                    .params(periodParameters(supervisor, period.from(), period.to()))
                    .query((rs, n) -> days.put(rs.getObject("day", LocalDate.class), rs.getLong("decided")))
                    .list();
            return days;
        }

        private static String decidedInPeriod(Actor supervisor) {
            ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
            return "c.decision IS NOT NULL AND c.decided_at >= :start AND c.decided_at < :end"
                    + " AND c.received_on IS NOT NULL AND " + scope.sql();
        }

        private static Map<String, Object> periodParameters(Actor supervisor, LocalDate from, LocalDate to) {
            ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
            Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
            parameters.put("start", start(from));
            parameters.put("end", start(to.plusDays(1)));
            return parameters;
        }

        @Override
        long[] satisfaction(Actor supervisor, LocalDate from, LocalDate to) {
            ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
            Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
            parameters.put("start", start(from));
            parameters.put("end", start(to.plusDays(1)));
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

        @Override
        List<RectificationGroup> rectification(Actor supervisor, LocalDate from, LocalDate to, LocalDate today) {
            ScopeCondition scope = supervisor.reachCondition(TASK_SCOPE, CaseAccess.SUPERVISE);
            Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
            parameters.put("start", start(from));
            parameters.put("end", start(to.plusDays(1)));
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

        private static Timestamp start(LocalDate day) {
            return Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant());
        }
    }
}
