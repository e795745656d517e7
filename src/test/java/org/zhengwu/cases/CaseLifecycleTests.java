package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.DeemedAcceptance;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.ZhengwuTest;

/**
 * The life of a case through the real process engine and database: submission (idempotent), 补正 once and
 * completely, acceptance, the three review steps, decision, delivery; optimistic locking; reach; §32 deemed
 * acceptance; 即办件.
 */
@ZhengwuTest
class CaseLifecycleTests {

    private static long nextAccount = 9_000_000;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseRecords records;

    @Autowired
    DeemedAcceptance deemedAcceptance;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    record Item(String code, String uscc, String division) {}

    @Autowired
    PublishedCatalog catalog;

    private Item onlineItem(String caseKind) {
        PublishedItem item = OnlineItems.first(catalog, CaseKind.valueOf(caseKind));
        return new Item(item.implementationCode(), item.organisation().uscc(), item.divisionCode());
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

    private static Actor staff(Item item, String... permissions) {
        long id = nextAccount++;
        Map<String, Reach> granted = new java.util.HashMap<>();
        for (String p : permissions) {
            granted.put(p, Reach.ORGANISATION);
        }
        return new Actor(
                id,
                UUID.randomUUID(),
                "clerk" + id,
                "办事员" + id,
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(),
                granted,
                DataScope.of(item.uscc(), item.division()));
    }

    private CaseRow submitted(Item item, Actor applicant) {
        long id = lifecycle.startDraft(applicant, item.code(), null, Map.of("note", "测试"));
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        return records.find(id).orElseThrow();
    }

    @Test
    void aSubmissionIsIdempotentAndGivesANumberedReceipt() {
        Item item = onlineItem("PROMISED");
        Actor applicant = citizen();
        long id = lifecycle.startDraft(applicant, item.code(), null, Map.of("name", "张三"));
        UUID key = UUID.randomUUID();

        CaseLifecycle.Receipt first = lifecycle.submit(applicant, id, key, draft -> {});
        CaseLifecycle.Receipt again = lifecycle.submit(applicant, id, key, draft -> {});

        assertThat(again).isEqualTo(first);
        assertThat(first.caseNumber().divisionCode()).isEqualTo(item.division());
        assertThat(first.queryCode()).hasSize(8);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE submission_key = :key")
                        .param("key", key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {}))
                .isInstanceOf(CaseConflictException.class);
        // Another person can neither submit nor read it, even with the right key.
        assertThatThrownBy(() -> lifecycle.submit(citizen(), id, key, draft -> {}))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.own(citizen(), id)).isInstanceOf(NotFoundException.class);
        assertThat(lifecycle.values(records.find(id).orElseThrow())).containsEntry("name", "张三");
        // Personal data is sealed at rest.
        assertThat(new String(
                        records.find(id).orElseThrow().formValues(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("name");
    }

    /**
     * A double click: two requests of one submission key at once. The number is taken before the filing transaction,
     * so both may take one; the second then finds the draft filed under its key and answers with the first's receipt.
     */
    @Test
    void twoRequestsOfOneSubmissionAtOnceFileOneCase() throws Exception {
        Item item = onlineItem("PROMISED");
        Actor applicant = citizen();
        long id = lifecycle.startDraft(applicant, item.code(), null, Map.of("name", "李四"));
        UUID key = UUID.randomUUID();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<CaseLifecycle.Receipt> submit = () -> {
            together.await();
            return lifecycle.submit(applicant, id, key, draft -> {});
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<CaseLifecycle.Receipt>> answers;
        try {
            answers = two.invokeAll(List.of(submit, submit));
        } finally {
            two.shutdown();
        }
        CaseLifecycle.Receipt first = answers.get(0).get();
        assertThat(answers.get(1).get()).isEqualTo(first);
        assertThat(records.find(id).orElseThrow().caseNumber())
                .isEqualTo(first.caseNumber().value());
        assertThat(jdbc.sql("SELECT count(*) FROM cases_step WHERE case_id = :id AND step = 'submit'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = :n")
                        .param("n", first.caseNumber().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCaseGoesFromCorrectionThroughReviewToDelivery() {
        Item item = onlineItem("PROMISED");
        Actor applicant = citizen();
        CaseRow c = submitted(item, applicant);
        Actor clerk = staff(item, CaseAccess.ACCEPT);
        Actor examiner = staff(item, CaseAccess.REVIEW);
        Actor approver = staff(item, CaseAccess.APPROVE);

        assertThat(lifecycle.actions(clerk, c))
                .containsExactlyInAnyOrder(
                        HandlingAction.ACCEPT, HandlingAction.REFUSE, HandlingAction.REQUEST_CORRECTION);
        assertThat(lifecycle.actions(examiner, c)).isEmpty();
        assertThatThrownBy(() -> lifecycle.act(clerk, c.id(), c.lockVersion(), HandlingAction.REQUEST_CORRECTION, " "))
                .isInstanceOf(UserFacingException.class);

        CaseRow asked = lifecycle.act(
                clerk, c.id(), c.lockVersion(), HandlingAction.REQUEST_CORRECTION, "1. 身份证复印件不清晰；2. 缺少申请书签字");
        assertThat(asked.status()).isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        // Nothing supplied yet: the case cannot go back.
        assertThatThrownBy(() -> lifecycle.answerCorrection(applicant, c.id(), asked.lockVersion()))
                .isInstanceOf(UserFacingException.class);
        records.addMaterial(
                c.id(),
                1,
                "身份证",
                new CaseRecords.StoredUpload("k1", "id.pdf", "PDF", 10, "0".repeat(64)),
                1,
                java.time.Instant.now());
        lifecycle.answerCorrection(applicant, c.id(), asked.lockVersion());
        CaseRow back = records.find(c.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(CaseStatus.SUBMITTED);
        // 补正 is told once and completely (行政许可法 §32).
        assertThatThrownBy(
                        () -> lifecycle.act(clerk, c.id(), back.lockVersion(), HandlingAction.REQUEST_CORRECTION, "再补"))
                .isInstanceOf(CaseConflictException.class)
                .hasMessage("cases.correction.once");

        CaseRow accepted = lifecycle.act(clerk, c.id(), back.lockVersion(), HandlingAction.ACCEPT, null);
        assertThat(accepted.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(accepted.stage()).isEqualTo("undertake");
        assertThat(accepted.acceptedAt()).isNotNull();
        // A second clerk acting on the version they were shown loses.
        assertThatThrownBy(() -> lifecycle.act(clerk, c.id(), back.lockVersion(), HandlingAction.ACCEPT, null))
                .isInstanceOf(CaseConflictException.class)
                .hasMessage("cases.conflict");
        // The clerk cannot examine, the examiner cannot decide.
        assertThatThrownBy(() -> lifecycle.act(clerk, c.id(), accepted.lockVersion(), HandlingAction.UNDERTAKE, "ok"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("cases.action.not-permitted");

        CaseRow undertaken =
                lifecycle.act(examiner, c.id(), accepted.lockVersion(), HandlingAction.UNDERTAKE, "材料齐全，符合条件");
        CaseRow audited = lifecycle.act(examiner, c.id(), undertaken.lockVersion(), HandlingAction.AUDIT, "同意");
        assertThatThrownBy(() -> lifecycle.act(examiner, c.id(), audited.lockVersion(), HandlingAction.APPROVE, null))
                .hasMessage("cases.action.not-permitted");
        CaseRow decided = lifecycle.act(approver, c.id(), audited.lockVersion(), HandlingAction.APPROVE, "准予许可");
        assertThat(decided.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(decided.decision()).isEqualTo("APPROVED");
        CaseRow delivered = lifecycle.act(clerk, c.id(), decided.lockVersion(), HandlingAction.DELIVER, null);
        assertThat(delivered.status()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
        assertThat(records.steps(c.id()))
                .extracting(s -> s.step())
                .containsExactly(
                        "submit",
                        "request-correction",
                        "correction-answered",
                        "accept",
                        "undertake",
                        "audit",
                        "approve",
                        "deliver");
    }

    @Test
    void staffOfAnotherOrganisationDoNotSeeTheCase() {
        Item item = onlineItem("PROMISED");
        CaseRow c = submitted(item, citizen());
        Actor stranger =
                staff(new Item(item.code(), "11340000MB0000000X".substring(0, 18), "340000"), CaseAccess.ACCEPT);
        assertThatThrownBy(() -> lifecycle.act(stranger, c.id(), c.lockVersion(), HandlingAction.ACCEPT, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lifecycle.reachable(citizen(), c.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anApplicantWithdrawsBeforeAcceptanceOnly() {
        Item item = onlineItem("PROMISED");
        Actor applicant = citizen();
        CaseRow c = submitted(item, applicant);
        lifecycle.withdraw(applicant, c.id(), c.lockVersion());
        assertThat(records.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();

        CaseRow other = submitted(item, applicant);
        CaseRow accepted = lifecycle.act(
                staff(item, CaseAccess.ACCEPT), other.id(), other.lockVersion(), HandlingAction.ACCEPT, null);
        assertThatThrownBy(() -> lifecycle.withdraw(applicant, other.id(), accepted.lockVersion()))
                .hasMessage("cases.withdraw.too-late");
    }

    @Test
    void withoutACorrectionNoticeInFiveWorkingDaysTheCaseIsAcceptedOnItsDayOfReceipt() {
        Item item = onlineItem("PROMISED");
        CaseRow c = submitted(item, citizen());
        // Received on Monday 2026-11-02: five working days end on Monday 2026-11-09.
        jdbc.sql("UPDATE cases_case SET received_on = DATE '2026-11-02' WHERE id = :id")
                .param("id", c.id())
                .update();

        assertThat(deemedAcceptance.run()).isGreaterThanOrEqualTo(1);

        CaseRow after = records.find(c.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(after.acceptedAt()).isEqualTo(c.submittedAt());
        assertThat(records.steps(c.id())).extracting(s -> s.step()).contains("deemed-accept");
        // Too late for a 补正 notice now.
        CaseRow fresh = submitted(item, citizen());
        jdbc.sql("UPDATE cases_case SET received_on = DATE '2026-11-02' WHERE id = :id")
                .param("id", fresh.id())
                .update();
        CaseRow late = records.find(fresh.id()).orElseThrow();
        assertThatThrownBy(() -> lifecycle.act(
                        staff(item, CaseAccess.ACCEPT),
                        late.id(),
                        late.lockVersion(),
                        HandlingAction.REQUEST_CORRECTION,
                        "缺材料"))
                .hasMessage("cases.correction.too-late");
    }

    @Test
    void anImmediateCaseIsDecidedAtTheCounter() {
        Item item = onlineItem("IMMEDIATE");
        CaseRow c = submitted(item, citizen());
        Actor clerk = staff(item, CaseAccess.ACCEPT);
        assertThat(lifecycle.actions(clerk, c))
                .containsExactlyInAnyOrder(
                        HandlingAction.APPROVE_AT_COUNTER,
                        HandlingAction.DENY_AT_COUNTER,
                        HandlingAction.REFUSE,
                        HandlingAction.REQUEST_CORRECTION);
        CaseRow decided = lifecycle.act(clerk, c.id(), c.lockVersion(), HandlingAction.APPROVE_AT_COUNTER, null);
        assertThat(decided.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(decided.decision()).isEqualTo("APPROVED");
        assertThat(List.of(decided.acceptedAt(), decided.decidedAt())).doesNotContainNull();
    }
}
