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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.HandlingAction;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.GuidePageFixtures;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.UserFacingException;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * An entry's own process and review roles (guide.handling) carried into its cases: a case keeps the process, its
 * version and the stage roles of its submission; a 审核 reserved for 审批人员 is neither offered nor accepted to an
 * examiner (403, logged DENIED, not in their 待办) and is for an approver (offered, listed, taken over real HTTP); the
 * demo's two-stage 居住证申领 runs 受理 → 承办 → 审批 → 送达 without 审核.
 */
@ZhengwuTest
class EntryHandlingHttpTests {

    private static final String HEFEI_MARKET = "11340100662167280R";
    private static long nextAccount = 9_500_000;

    @LocalServerPort
    int port;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseRecords records;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    GuidePageFixtures fixtures;

    @Autowired
    StaffAccounts staff;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

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

    private static Actor staff(PublishedItem item, Set<String> roles, String... permissions) {
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
                roles,
                granted,
                DataScope.of(item.organisation().uscc(), item.divisionCode()));
    }

    private CaseRow submitted(PublishedItem item) {
        Actor applicant = citizen();
        long id = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", "测试"));
        lifecycle.submit(applicant, id, UUID.randomUUID(), draft -> {});
        return records.find(id).orElseThrow();
    }

    private CaseRow take(Actor actor, CaseRow c, HandlingAction action) {
        return lifecycle.act(actor, c.id(), c.lockVersion(), action, "意见");
    }

    @Test
    void aReviewStageReservedForApproversIsRefusedToAnExaminerAndTakenByAnApprover() {
        PublishedItem template = OnlineItems.first(catalog, CaseKind.PROMISED);
        String code = fixtures.publish(
                template.type(),
                "审核由审批人员办理",
                template.guide().toBuilder()
                        .handling(new CaseHandling(null, List.of(), List.of(CaseAccess.CASE_APPROVER), List.of()))
                        .build());
        PublishedItem item = ((PublishedCatalog.Lookup.Live) catalog.find(code)).item();
        assertThat(item.organisation().uscc()).isEqualTo(HEFEI_MARKET);
        CaseRow c = submitted(item);
        // The case keeps what applied when it was submitted.
        assertThat(c.processKey()).isEqualTo("standardCase");
        assertThat(c.processVersion()).isPositive();
        assertThat(c.undertakeRoles()).isNull();
        assertThat(c.auditRoles()).containsExactly(CaseAccess.CASE_APPROVER);
        assertThat(c.approveRoles()).isNull();

        Actor counter = staff(item, Set.of(CaseAccess.CASE_CLERK), CaseAccess.ACCEPT);
        Actor examiner = staff(item, Set.of(CaseAccess.CASE_REVIEWER), CaseAccess.REVIEW);
        c = take(counter, c, HandlingAction.ACCEPT);
        c = take(examiner, c, HandlingAction.UNDERTAKE);
        assertThat(c.stage()).isEqualTo("audit");

        // Over HTTP: the examiner (承办审核人员) sees the case but is offered no step, does not have it in 待办, and a
        // forged 审核 is refused with 403 and logged.
        TestBrowser examinerBrowser = new TestBrowser(port);
        examinerBrowser.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_REVIEWER);
        TestBrowser.Page page = examinerBrowser.get("/workbench/cases/" + c.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("input[name=action]")).isEmpty();
        assertThat(examinerBrowser
                        .get("/workbench?tab=todo&number=" + c.caseNumber())
                        .html()
                        .select("[data-testid=workbench] a")
                        .eachText())
                .doesNotContain(c.caseNumber());
        TestBrowser.Page refused = examinerBrowser.post(
                "/workbench/cases/" + c.id() + "/steps",
                Map.of(
                        "action",
                        "AUDIT",
                        "version",
                        String.valueOf(c.lockVersion()),
                        "opinion",
                        "越权审核",
                        "_csrf",
                        TestBrowser.csrf(page)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(records.find(c.id()).orElseThrow().stage()).isEqualTo("audit");
        assertThat(jdbc.sql("""
                        SELECT action || ' ' || outcome FROM shared_audit_entry
                        WHERE object_type = 'case' AND object_id = :number AND outcome = 'DENIED'""")
                        .param("number", c.caseNumber())
                        .query(String.class)
                        .list())
                .containsExactly("cases.audit DENIED");
        CaseRow atAudit = c;
        assertThatThrownBy(() -> take(examiner, atAudit, HandlingAction.AUDIT)).isInstanceOf(UserFacingException.class);

        // An approver of another organisation holds the role but does not reach the case: 404.
        String elsewhere = jdbc.sql("SELECT uscc FROM basedata_organisation WHERE uscc <> :u LIMIT 1")
                .param("u", HEFEI_MARKET)
                .query(String.class)
                .single();
        TestBrowser stranger = new TestBrowser(port);
        stranger.signInNewStaff(staff, elsewhere, CaseAccess.CASE_APPROVER);
        assertThat(stranger.get("/workbench/cases/" + c.id()).status()).isEqualTo(404);

        // The approver (审批人员) holds the role: offered 审核, has the case in 待办, and takes it.
        TestBrowser approverBrowser = new TestBrowser(port);
        approverBrowser.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_APPROVER);
        assertThat(approverBrowser
                        .get("/workbench?tab=todo&number=" + c.caseNumber())
                        .html()
                        .select("[data-testid=workbench] a")
                        .eachText())
                .contains(c.caseNumber());
        TestBrowser.Page approverPage = approverBrowser.get("/workbench/cases/" + c.id());
        assertThat(approverPage.html().select("input[name=action]").eachAttr("value"))
                .containsExactly("AUDIT");
        TestBrowser.Page audited = approverBrowser.post(
                "/workbench/cases/" + c.id() + "/steps",
                Map.of(
                        "action",
                        "AUDIT",
                        "version",
                        approverPage.html().selectFirst("input[name=version]").val(),
                        "opinion",
                        "同意",
                        "_csrf",
                        TestBrowser.csrf(approverPage)));
        assertThat(audited.status()).isEqualTo(302);
        CaseRow afterAudit = records.find(c.id()).orElseThrow();
        assertThat(afterAudit.stage()).isEqualTo("approve");
        // 审批 keeps its default: the approve permission.
        assertThat(lifecycle.actions(examiner, afterAudit)).isEmpty();
        Actor approver = staff(item, Set.of(CaseAccess.CASE_APPROVER), CaseAccess.APPROVE);
        assertThat(take(approver, afterAudit, HandlingAction.APPROVE).status()).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void theTwoStageProcessRunsFromApplicationToDeliveryWithoutAudit() {
        PublishedItem item = catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().handling() != null
                        && CaseLifecycle.TWO_STAGE_PROCESS.equals(
                                i.guide().handling().processKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo entry on the two-stage process"));
        CaseRow c = submitted(item);
        assertThat(c.processKey()).isEqualTo(CaseLifecycle.TWO_STAGE_PROCESS);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .singleResult()
                        .getProcessDefinitionKey())
                .isEqualTo(CaseLifecycle.TWO_STAGE_PROCESS);

        Actor counter = staff(item, Set.of(CaseAccess.CASE_CLERK), CaseAccess.ACCEPT);
        Actor examiner = staff(item, Set.of(CaseAccess.CASE_REVIEWER), CaseAccess.REVIEW);
        Actor approver = staff(item, Set.of(CaseAccess.CASE_APPROVER), CaseAccess.APPROVE);
        c = take(counter, c, HandlingAction.ACCEPT);
        assertThat(lifecycle.actions(examiner, c)).containsExactly(HandlingAction.UNDERTAKE);
        c = take(examiner, c, HandlingAction.UNDERTAKE);
        // Straight to 审批: there is no 审核 in this process.
        assertThat(c.stage()).isEqualTo("approve");
        assertThat(lifecycle.actions(examiner, c)).isEmpty();
        CaseRow atApproval = c;
        assertThatThrownBy(() -> take(examiner, atApproval, HandlingAction.AUDIT))
                .isInstanceOf(UserFacingException.class);
        Actor both = staff(item, Set.of(), CaseAccess.REVIEW, CaseAccess.APPROVE);
        assertThatThrownBy(() -> take(both, atApproval, HandlingAction.AUDIT))
                .isInstanceOf(CaseConflictException.class);
        assertThat(lifecycle.actions(approver, c)).containsExactly(HandlingAction.APPROVE, HandlingAction.DENY);
        c = take(approver, c, HandlingAction.APPROVE);
        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.decision()).isEqualTo("APPROVED");
        c = take(counter, c, HandlingAction.DELIVER);
        assertThat(c.status()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
        assertThat(records.steps(c.id()).stream().map(s -> s.step()).toList())
                .containsExactly("submit", "accept", "undertake", "approve", "deliver");
    }
}
