package org.zhengwu.cases.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.ZhengwuTest;

/**
 * 电子监察 on the shipped 2026 calendar, each test in a transaction that is rolled back: its cases are never seen by the
 * hourly run (nor anyone else), and the test holds the run's advisory lock from its first sweep, as the one node that
 * runs. (The decision's test commits, as the listener it tests runs after the commit.) Known answers worked out by hand from the State Council's notice: a case due on Thursday 8 October 2026, the
 * first working day after 国庆节 (1–7 October), is warned yellow from Tuesday 29 September (two working days left: 30
 * September and 8 October), not on Monday 28 September, and red from Friday 9 October.
 */
@ZhengwuTest
class ElectronicSupervisionTests {

    private static final String DIVISION = "340100";
    private static final LocalDate ACCEPTED = LocalDate.of(2026, 9, 21);
    private static final LocalDate DUE = LocalDate.of(2026, 10, 8);

    @Autowired
    ElectronicSupervision supervision;

    @Autowired
    WarningSettings settings;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    SpecialProcedures procedures;

    private static long nextAccount = 9_200_000;

    private static Actor person(AccountType type, String uscc, String division, String... permissions) {
        long id = nextAccount++;
        Map<String, Reach> granted = new HashMap<>();
        for (String p : permissions) {
            granted.put(p, Reach.ORGANISATION);
        }
        return new Actor(
                id,
                UUID.randomUUID(),
                "supervised" + id,
                "人员" + id,
                type,
                RealNameLevel.IN_PERSON,
                Set.of(),
                granted,
                uscc == null ? DataScope.NONE : DataScope.of(uscc, division));
    }

    private ClockCases cases() {
        return new ClockCases(records, jdbc);
    }

    private void rolledBack(Consumer<ClockCases> test) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.accept(cases());
        });
    }

    record Row(String level, LocalDate due, boolean open, String resolution) {}

    private List<Row> warnings(ClockCases.Case c) {
        return jdbc.sql("""
                        SELECT level, due_on, resolved_at IS NULL AS open, resolution FROM cases_warning
                        WHERE case_id = :case ORDER BY id""")
                .param("case", c.id())
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3), rs.getString(4)))
                .list();
    }

    private List<String> logged(ClockCases.Case c) {
        return log.search(new AccountabilityLog.Query("system", "case", c.number(), null, null, null), 20, 0).stream()
                .map(AuditEntry::action)
                .toList();
    }

    @Test
    void yellowExactlyTheSetWorkingDaysBeforeTheDueDateAcrossAHolidayAndRedOncePast() {
        assertThat(settings.yellowWorkingDays()).as("the documented default").isEqualTo(2);
        rolledBack(cases -> {
            ClockCases.Case c = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);

            assertThat(supervision.sweep(LocalDate.of(2026, 9, 28)).ran()).isTrue();
            assertThat(warnings(c))
                    .as("three working days left on Monday 28 September")
                    .isEmpty();

            supervision.sweep(LocalDate.of(2026, 9, 29));
            assertThat(warnings(c)).containsExactly(new Row("YELLOW", DUE, true, null));
            supervision.sweep(LocalDate.of(2026, 10, 3));
            supervision.sweep(DUE);
            assertThat(warnings(c)).as("raised once for its due date").hasSize(1);

            supervision.sweep(LocalDate.of(2026, 10, 9));
            assertThat(warnings(c))
                    .containsExactly(new Row("YELLOW", DUE, false, "SUPERSEDED"), new Row("RED", DUE, true, null));
            supervision.sweep(LocalDate.of(2026, 10, 12));
            assertThat(warnings(c)).hasSize(2);
            assertThat(logged(c))
                    .containsExactlyInAnyOrder("cases.warning.raise", "cases.warning.resolve", "cases.warning.raise");
        });
    }

    @Test
    void aCaseWaitingAtTheCounterIsWarnedButNotOneWaitingForTheApplicantNorOnePaused() {
        rolledBack(cases -> {
            ClockCases.Case atCounter = cases.submitted(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            ClockCases.Case correcting = cases.submitted(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            cases.status(correcting, "CORRECTION_REQUESTED");
            ClockCases.Case paused = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            jdbc.sql("""
                            INSERT INTO cases_clock_event (case_id, kind, reason, started_on, started_by, recorded_at)
                            VALUES (:case, 'EXPERT_REVIEW', '专家评审', DATE '2026-09-25', 'examiner', now())""").param("case", paused.id()).update();

            supervision.sweep(LocalDate.of(2026, 10, 20));

            assertThat(warnings(atCounter)).extracting(Row::level).containsExactly("RED");
            assertThat(warnings(correcting)).as("补正 is the applicant's time").isEmpty();
            assertThat(warnings(paused)).as("the clock is stopped").isEmpty();
        });
    }

    @Test
    void warningsResolveWhenTheCaseLeavesTheClockOrItsDueDateMoves() {
        rolledBack(cases -> {
            ClockCases.Case withdrawn = cases.submitted(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            ClockCases.Case refused = cases.submitted(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            ClockCases.Case extended = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            ClockCases.Case pausedLater = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 10, DUE);
            supervision.sweep(LocalDate.of(2026, 9, 30));
            assertThat(warnings(withdrawn)).extracting(Row::level).containsExactly("YELLOW");

            cases.status(withdrawn, "WITHDRAWN");
            cases.status(refused, "REFUSED");
            jdbc.sql("UPDATE cases_case SET due_on = DATE '2026-10-22' WHERE id = :id")
                    .param("id", extended.id())
                    .update();
            jdbc.sql("""
                            INSERT INTO cases_clock_event (case_id, kind, reason, started_on, started_by, recorded_at)
                            VALUES (:case, 'HEARING', '听证', DATE '2026-09-30', 'examiner', now())""").param("case", pausedLater.id()).update();
            supervision.sweep(LocalDate.of(2026, 10, 9));

            assertThat(warnings(withdrawn)).containsExactly(new Row("YELLOW", DUE, false, "CLOCK_STOPPED"));
            assertThat(warnings(refused)).containsExactly(new Row("YELLOW", DUE, false, "CLOCK_STOPPED"));
            assertThat(warnings(extended)).containsExactly(new Row("YELLOW", DUE, false, "DUE_MOVED"));
            assertThat(warnings(pausedLater))
                    .as("a pause keeps the warning it had and earns no red")
                    .containsExactly(new Row("YELLOW", DUE, true, null));

            // The extended case's new due date earns warnings of its own.
            supervision.sweep(LocalDate.of(2026, 10, 21));
            assertThat(warnings(extended))
                    .containsExactly(
                            new Row("YELLOW", DUE, false, "DUE_MOVED"),
                            new Row("YELLOW", LocalDate.of(2026, 10, 22), true, null));
        });
    }

    @Test
    void aDecisionResolvesTheCasesWarningsAndEndsItsPauseAtOnce() {
        Map<String, Object> item = jdbc.sql("""
                        SELECT i.implementation_code, i.organisation_uscc, i.division_code
                        FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        WHERE v.guide ->> 'caseKind' = 'PROMISED'
                          AND (v.guide -> 'onlineDepths' @> '["ACCEPTANCE"]'::jsonb
                               OR v.guide -> 'channels' @> '["PC"]'::jsonb)
                        ORDER BY i.id LIMIT 1""").query().singleRow();
        String uscc = (String) item.get("organisation_uscc");
        String division = (String) item.get("division_code");
        Actor applicant = person(AccountType.PERSON, null, null);
        long id = lifecycle.startDraft(applicant, (String) item.get("implementation_code"), null, Map.of("note", "监察"));
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        Actor clerk = person(AccountType.STAFF, uscc, division, CaseAccess.ACCEPT, CaseAccess.REVIEW);
        Actor approver = person(AccountType.STAFF, uscc, division, CaseAccess.APPROVE);
        CaseRow c = records.find(id).orElseThrow();
        c = lifecycle.act(clerk, id, c.lockVersion(), HandlingAction.ACCEPT, null);
        c = lifecycle.act(clerk, id, c.lockVersion(), HandlingAction.UNDERTAKE, "符合条件");
        c = lifecycle.act(clerk, id, c.lockVersion(), HandlingAction.AUDIT, "同意");
        c = procedures.pause(clerk, id, c.lockVersion(), ClockEventKind.EXPERT_REVIEW, "专家评审", StatutoryClock.start(c));
        jdbc.sql("""
                        INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                        SELECT id, 'YELLOW', COALESCE(due_on, DATE '2026-12-31'), organisation_uscc, division_code, now()
                        FROM cases_case WHERE id = :id""").param("id", id).update();
        ClockCases.Case decided = new ClockCases.Case(id, c.caseNumber());

        lifecycle.act(approver, id, c.lockVersion(), HandlingAction.APPROVE, "准予");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(warnings(decided))
                        .extracting(Row::open, Row::resolution)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "CLOCK_STOPPED")));
        assertThat(procedures.events(id)).singleElement().satisfies(pause -> {
            assertThat(pause.endedOn()).isNotNull();
            assertThat(pause.endedBy()).isEqualTo("system");
        });
        assertThat(logged(decided)).contains("cases.warning.resolve");
    }

    @Test
    void aSecondNodeSkipsWhileOneRuns() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread otherNode = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(supervision.sweep(LocalDate.of(2026, 1, 5)).ran()).isTrue();
            locked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherNode.start();
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(supervision.run()).isEqualTo(ElectronicSupervision.Sweep.SKIPPED);
        } finally {
            done.countDown();
            otherNode.join();
        }
    }

    @Test
    void theYellowLimitEndsWithTheLastScheduledYearWhenTheNextHasNone() {
        assertThat(supervision.yellowBefore(LocalDate.of(2026, 9, 28))).isEqualTo(DUE);
        // 2027 has no schedule (yet): every day left in 2026 is within the limit, and nothing can be due after it.
        assertThat(supervision.yellowBefore(LocalDate.of(2026, 12, 30))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
