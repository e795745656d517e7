package org.zhengwu.cases.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.CaseStep;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;
import org.zhengwu.support.ZhengwuTest;

/**
 * 特别程序 and their arithmetic on the shipped 2026 calendar, each test in a transaction that is rolled back. Known
 * answers worked out by hand: a case accepted on Thursday 24 September 2026 with five working days is due on Friday 9
 * October (中秋 25–27 September and 国庆 1–7 October are not counted: 28, 29, 30 September, 8, 9 October); a hearing
 * from Monday 28 September to Thursday 8 October covers three working days (29, 30 September, 8 October), so it is due
 * three working days later, on Tuesday 13 October (Saturday 10 October is 调休上班 and counts); the extension adds ten
 * more, to Tuesday 27 October.
 */
@ZhengwuTest
class SpecialProceduresTests {

    private static final String DIVISION = "340100";
    private static final LocalDate ACCEPTED = LocalDate.of(2026, 9, 24);
    private static final LocalDate DUE = LocalDate.of(2026, 10, 9);

    private static long nextAccount = 9_100_000;

    @Autowired
    SpecialProcedures procedures;

    @Autowired
    StatutoryClock statutoryClock;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    PlatformTransactionManager transactions;

    private void rolledBack(Consumer<ClockCases> test) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.accept(new ClockCases(records, jdbc));
        });
    }

    private static Actor staff(String organisation, String... permissions) {
        long id = nextAccount++;
        Map<String, Reach> granted = new HashMap<>();
        for (String p : permissions) {
            granted.put(p, p.equals(CaseAccess.SUPERVISE) ? Reach.REGION : Reach.ORGANISATION);
        }
        return new Actor(
                id,
                UUID.randomUUID(),
                "examiner" + id,
                "审查员" + id,
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(),
                granted,
                DataScope.of(organisation, DIVISION));
    }

    @Test
    void theClockStartsAtAcceptanceAndSkipsTheHolidays() {
        assertThat(statutoryClock.due(ACCEPTED, 5, List.of())).contains(DUE);
        // Nothing is guessed in a year without a schedule.
        assertThat(statutoryClock.due(LocalDate.of(2026, 12, 24), 10, List.of()))
                .isEmpty();
    }

    @Test
    void aHearingMovesTheDueDateByTheWorkingDaysItCoveredAndAnExtensionByTen() {
        rolledBack(cases -> {
            ClockCases.Case c = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 5, DUE);
            Actor examiner = staff(ClockCases.HEFEI_MARKET, CaseAccess.REVIEW);
            Actor approver = staff(ClockCases.HEFEI_MARKET, CaseAccess.APPROVE);
            CaseRow before = records.find(c.id()).orElseThrow();

            CaseRow paused = procedures.pause(
                    examiner,
                    c.id(),
                    before.lockVersion(),
                    ClockEventKind.HEARING,
                    "申请人要求听证",
                    LocalDate.of(2026, 9, 28));
            assertThat(paused.dueOn())
                    .as("unknown until the pause ends: unchanged")
                    .isEqualTo(DUE);
            assertThat(paused.lockVersion()).isGreaterThan(before.lockVersion());
            assertThatThrownBy(() -> procedures.pause(
                            examiner,
                            c.id(),
                            paused.lockVersion(),
                            ClockEventKind.TESTING,
                            "再检测",
                            LocalDate.of(2026, 9, 29)))
                    .isInstanceOf(CaseConflictException.class)
                    .hasMessage("cases.clock.already-paused");
            assertThatThrownBy(
                            () -> procedures.resume(examiner, c.id(), before.lockVersion(), LocalDate.of(2026, 10, 8)))
                    .as("a form shown before the pause")
                    .isInstanceOf(CaseConflictException.class)
                    .hasMessage("cases.conflict");

            CaseRow resumed = procedures.resume(examiner, c.id(), paused.lockVersion(), LocalDate.of(2026, 10, 8));
            assertThat(resumed.dueOn()).isEqualTo(LocalDate.of(2026, 10, 13));

            CaseRow extended = procedures.extend(approver, c.id(), resumed.lockVersion(), "案情复杂，经负责人批准延期");
            assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2026, 10, 27));
            assertThatThrownBy(() -> procedures.extend(approver, c.id(), extended.lockVersion(), "再延期"))
                    .isInstanceOf(CaseConflictException.class)
                    .hasMessage("cases.clock.extended-once");

            assertThat(procedures.events(c.id()))
                    .extracting(ClockEvent::kind, ClockEvent::startedOn, ClockEvent::endedOn)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    ClockEventKind.HEARING, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 8)),
                            org.assertj.core.groups.Tuple.tuple(
                                    ClockEventKind.EXTENSION,
                                    LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE),
                                    LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)));
            List<CaseStep> steps = records.steps(c.id());
            assertThat(steps).extracting(CaseStep::step).containsExactly("pause-hearing", "pause-end", "extension");
            assertThat(steps.get(0).opinion()).isEqualTo("申请人要求听证");
            assertThat(steps.get(0).opinionPublic())
                    .as("the applicant is told (§45)")
                    .isTrue();
            assertThat(
                            log
                                    .search(
                                            new AccountabilityLog.Query(null, "case", c.number(), null, null, null),
                                            10,
                                            0)
                                    .stream()
                                    .map(e -> e.action() + " " + e.actor())
                                    .toList())
                    .containsExactlyInAnyOrder(
                            "cases.clock.pause " + examiner.username(),
                            "cases.clock.resume " + examiner.username(),
                            "cases.clock.extend " + approver.username());

            // Counted again from the start, the clock gives the same answer.
            assertThat(statutoryClock.due(ACCEPTED, 5, procedures.events(c.id())))
                    .contains(LocalDate.of(2026, 10, 27));
        });
    }

    @Test
    void pausesFollowEachOtherAndNeverReachBeforeTheClockOrIntoTheFuture() {
        rolledBack(cases -> {
            ClockCases.Case c = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 5, DUE);
            Actor examiner = staff(ClockCases.HEFEI_MARKET, CaseAccess.REVIEW);
            int version = records.find(c.id()).orElseThrow().lockVersion();

            assertThatThrownBy(() -> procedures.pause(
                            examiner, c.id(), version, ClockEventKind.TESTING, "检测", LocalDate.of(2026, 9, 23)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("cases.clock.start.before-clock");
            assertThatThrownBy(() -> procedures.pause(
                            examiner,
                            c.id(),
                            version,
                            ClockEventKind.TESTING,
                            "检测",
                            LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)
                                    .plusDays(1)))
                    .hasMessage("cases.clock.date.future");

            // A test on one working day (Monday 28 September, ended the same day) covers none.
            CaseRow tested = procedures.pause(
                    examiner, c.id(), version, ClockEventKind.TESTING, "检测", LocalDate.of(2026, 9, 28));
            CaseRow sameDay = procedures.resume(examiner, c.id(), tested.lockVersion(), LocalDate.of(2026, 9, 28));
            assertThat(sameDay.dueOn()).isEqualTo(DUE);
            // Expert review over the National Day holiday: 30 September to 9 October covers 8 and 9 October.
            assertThatThrownBy(
                            () -> procedures.resume(examiner, c.id(), sameDay.lockVersion(), LocalDate.of(2026, 10, 9)))
                    .hasMessage("cases.clock.not-paused");
            CaseRow reviewing = procedures.pause(
                    examiner,
                    c.id(),
                    sameDay.lockVersion(),
                    ClockEventKind.EXPERT_REVIEW,
                    "组织专家评审",
                    LocalDate.of(2026, 9, 30));
            assertThatThrownBy(() ->
                            procedures.resume(examiner, c.id(), reviewing.lockVersion(), LocalDate.of(2026, 9, 29)))
                    .hasMessage("cases.clock.end.before-start");
            CaseRow reviewed = procedures.resume(examiner, c.id(), reviewing.lockVersion(), LocalDate.of(2026, 10, 9));
            assertThat(reviewed.dueOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        });
    }

    @Test
    void onlyThoseWhoExamineOrDecideTheOrganisationsCasesRecordThem() {
        rolledBack(cases -> {
            ClockCases.Case c = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, ACCEPTED, 5, DUE);
            int version = records.find(c.id()).orElseThrow().lockVersion();
            Actor clerk = staff(ClockCases.HEFEI_MARKET, CaseAccess.ACCEPT);
            Actor examiner = staff(ClockCases.HEFEI_MARKET, CaseAccess.REVIEW);
            Actor supervisor = staff("11340100MB0000001X", CaseAccess.SUPERVISE);
            Actor stranger = staff("11340100MB0000001X", CaseAccess.REVIEW, CaseAccess.APPROVE);

            assertThatThrownBy(() -> procedures.pause(
                            clerk, c.id(), version, ClockEventKind.HEARING, "听证", LocalDate.of(2026, 9, 28)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("cases.action.not-permitted");
            assertThatThrownBy(() -> procedures.pause(
                            supervisor, c.id(), version, ClockEventKind.HEARING, "听证", LocalDate.of(2026, 9, 28)))
                    .as("supervisors see, they do not act")
                    .hasMessage("cases.action.not-permitted");
            assertThatThrownBy(() -> procedures.extend(examiner, c.id(), version, "延期"))
                    .as("an extension needs the one who decides")
                    .hasMessage("cases.action.not-permitted");
            assertThatThrownBy(() -> procedures.pause(
                            stranger, c.id(), version, ClockEventKind.HEARING, "听证", LocalDate.of(2026, 9, 28)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(
                            log
                                    .search(
                                            new AccountabilityLog.Query(null, "case", c.number(), null, null, null),
                                            10,
                                            0)
                                    .stream()
                                    .map(AuditEntry::outcome)
                                    .map(Object::toString)
                                    .toList())
                    .containsExactly("DENIED", "DENIED", "DENIED");

            cases.status(c, "COMPLETED");
            assertThatThrownBy(() -> procedures.pause(
                            examiner, c.id(), version, ClockEventKind.HEARING, "听证", LocalDate.of(2026, 9, 28)))
                    .hasMessage("cases.clock.not-running");
        });
    }
}
