package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The workbench, the public progress lookup and the case API over real HTTP: a clerk accepts a citizen's case; a
 * stale form loses with a conflict; a clerk of another organisation and another citizen get 404; the lookup shows
 * status and dates only and tells a mistyped number (400) from an unknown one (404).
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseHandlingHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseRecords records;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublishedCatalog catalog;

    private String organisation;
    private String otherOrganisation;
    private TestBrowser applicantBrowser;
    private TestBrowser otherCitizenBrowser;
    private TestBrowser clerk;
    private TestBrowser strangerClerk;
    private CaseRow submitted;
    private CaseLifecycle.Receipt receipt;

    @BeforeAll
    void setUp() {
        PublishedItem online = OnlineItems.first(catalog, CaseKind.PROMISED);
        Map<String, Object> item = Map.of(
                "implementation_code",
                online.implementationCode(),
                "organisation_uscc",
                online.organisation().uscc());
        organisation = (String) item.get("organisation_uscc");
        otherOrganisation = jdbc.sql("SELECT uscc FROM basedata_organisation WHERE uscc <> :u LIMIT 1")
                .param("u", organisation)
                .query(String.class)
                .single();
        TestPeople.Citizen person = TestPeople.register(citizens, "王小明");
        long accountId = directory.find(person.username()).orElseThrow().id();
        Actor applicant = new Actor(
                accountId,
                UUID.randomUUID(),
                person.username(),
                "王小明",
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
        long draft = lifecycle.startDraft(
                applicant, (String) item.get("implementation_code"), null, Map.of("phone", "13900000000"));
        receipt = lifecycle.submit(applicant, draft, UUID.randomUUID(), c -> {});
        submitted = records.find(draft).orElseThrow();

        applicantBrowser = new TestBrowser(port);
        applicantBrowser.signIn(person.username(), TestPeople.PASSWORD);
        TestPeople.Citizen other = TestPeople.register(citizens, "李四");
        otherCitizenBrowser = new TestBrowser(port);
        otherCitizenBrowser.signIn(other.username(), TestPeople.PASSWORD);
        clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, organisation, CaseAccess.CASE_CLERK);
        strangerClerk = new TestBrowser(port);
        strangerClerk.signInNewStaff(staff, otherOrganisation, CaseAccess.CASE_CLERK);
    }

    @Test
    void aClerkAcceptsFromTheWorkbenchAndAStaleFormLoses() {
        TestBrowser.Page list =
                clerk.get("/workbench?number=" + receipt.caseNumber().grouped());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("[data-testid=workbench] a").eachText())
                .contains(receipt.caseNumber().value());
        assertThat(strangerClerk
                        .get("/workbench?number=" + receipt.caseNumber().value())
                        .html()
                        .select("[data-testid=workbench]"))
                .isEmpty();

        TestBrowser.Page detail = clerk.get("/workbench/cases/" + submitted.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("王小明").contains("13900000000");
        String csrf = TestBrowser.csrf(detail);
        String version = detail.html().selectFirst("input[name=version]").val();
        assertThat(detail.html().select("input[name=action]").eachAttr("value"))
                .containsExactlyInAnyOrder("ACCEPT", "REFUSE", "REQUEST_CORRECTION");

        TestBrowser.Page accepted = clerk.post(
                "/workbench/cases/" + submitted.id() + "/steps",
                Map.of("action", "ACCEPT", "version", version, "_csrf", csrf));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(records.find(submitted.id()).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        // The applicant was told of the submission and of the acceptance, after each committed, off the request.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT body FROM identity_notification_outbox WHERE body LIKE :number ORDER BY id")
                                .param("number", "%" + receipt.caseNumber().value() + "%")
                                .query(String.class)
                                .list())
                        .hasSize(2)
                        .anySatisfy(body -> assertThat(body).contains("提交申请"))
                        .anySatisfy(body -> assertThat(body).contains("受理")));

        // A counter clerk may accept but not examine: refused, and the refusal stays in the accountability log.
        // The page offers the clerk no step now; the request is forged from the current version.
        assertThat(clerk.get("/workbench/cases/" + submitted.id()).html().select("input[name=action]"))
                .isEmpty();
        TestBrowser.Page undertake = clerk.post(
                "/workbench/cases/" + submitted.id() + "/steps",
                Map.of(
                        "action",
                        "UNDERTAKE",
                        "version",
                        String.valueOf(
                                records.find(submitted.id()).orElseThrow().lockVersion()),
                        "opinion",
                        "越权",
                        "_csrf",
                        csrf));
        assertThat(undertake.status()).isEqualTo(403);
        assertThat(records.find(submitted.id()).orElseThrow().stage()).isEqualTo("undertake");
        assertThat(jdbc.sql("""
                        SELECT action || ' ' || outcome FROM shared_audit_entry
                        WHERE object_type = 'case' AND object_id = :number AND outcome = 'DENIED'""")
                        .param("number", receipt.caseNumber().value())
                        .query(String.class)
                        .list())
                .containsExactly("cases.undertake DENIED");

        TestBrowser.Page stale = clerk.post(
                "/workbench/cases/" + submitted.id() + "/steps",
                Map.of("action", "REFUSE", "version", version, "opinion", "材料不全", "_csrf", csrf));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html().selectFirst("[data-testid=problem]").text()).contains("刚刚被其他人处理过");
        assertThat(records.find(submitted.id()).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_REVIEW);

        assertThat(strangerClerk.get("/workbench/cases/" + submitted.id()).status())
                .isEqualTo(404);
        assertThat(strangerClerk
                        .post(
                                "/workbench/cases/" + submitted.id() + "/steps",
                                Map.of(
                                        "action",
                                        "ACCEPT",
                                        "version",
                                        version,
                                        "_csrf",
                                        TestBrowser.csrf(strangerClerk.get("/workbench"))))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void eachStepTakenHasItsNoticeFilledFromTheCaseForTheDepartmentAndTheApplicantOnly() {
        PublishedItem online = OnlineItems.first(catalog, CaseKind.PROMISED);
        TestPeople.Citizen person = TestPeople.register(citizens, "周文书");
        Actor applicant = new Actor(
                directory.find(person.username()).orElseThrow().id(),
                UUID.randomUUID(),
                person.username(),
                "周文书",
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
        long id = lifecycle.startDraft(applicant, online.implementationCode(), null, Map.of("phone", "13900000001"));
        CaseLifecycle.Receipt filed = lifecycle.submit(applicant, id, UUID.randomUUID(), c -> {});
        String caseAddress = "/workbench/cases/" + id;
        assertThat(clerk.get(caseAddress + "/notices/acceptance").status())
                .as("no notice before its step")
                .isEqualTo(404);

        TestBrowser.Page page = clerk.get(caseAddress);
        TestBrowser.Page refused = clerk.post(
                caseAddress + "/steps",
                Map.of(
                        "action",
                        "REFUSE",
                        "version",
                        page.html().selectFirst("input[name=version]").val(),
                        "opinion",
                        "申请事项不属于本机关职权范围，请向县级市场监管部门申请",
                        "_csrf",
                        TestBrowser.csrf(page)));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(clerk.get(caseAddress)
                        .html()
                        .select("[data-testid=notices] a")
                        .eachAttr("href"))
                .containsExactly(caseAddress + "/notices/refusal");

        TestBrowser.Page notice = clerk.get(caseAddress + "/notices/refusal");
        assertThat(notice.status()).isEqualTo(200);
        var document = notice.html().selectFirst("[data-testid=notice]");
        assertThat(document.selectFirst("h1").text()).isEqualTo("不予受理决定书");
        assertThat(document.selectFirst("[data-testid=notice-addressee]").text())
                .isEqualTo("周文书");
        assertThat(document.selectFirst("[data-testid=notice-number]").text())
                .isEqualTo(filed.caseNumber().grouped() + "-BSL");
        assertThat(document.text())
                .contains(online.name())
                .contains(online.organisation().name());
        assertThat(document.selectFirst("[data-testid=notice-reason]").text())
                .isEqualTo("理由：申请事项不属于本机关职权范围，请向县级市场监管部门申请");
        assertThat(document.selectFirst("[data-testid=notice-remedies]").text())
                .contains("六十日内")
                .contains("行政复议")
                .contains("行政诉讼");
        assertThat(document.selectFirst("[data-testid=notice-date]").text())
                .isEqualTo(java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)
                        .toString());

        // The applicant reads the same notice from their case; nobody else does, and a notice not issued is a 404.
        TestBrowser owner = new TestBrowser(port);
        owner.signIn(person.username(), TestPeople.PASSWORD);
        assertThat(owner.get("/my/cases/" + id)
                        .html()
                        .select("[data-testid=notices] a")
                        .eachAttr("href"))
                .containsExactly("/my/cases/" + id + "/notices/refusal");
        TestBrowser.Page theirs = owner.get("/my/cases/" + id + "/notices/refusal");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.html().selectFirst("[data-testid=notice-reason]").text())
                .contains("不属于本机关职权范围");
        assertThat(owner.get("/my/cases/" + id + "/notices/approval").status()).isEqualTo(404);
        assertThat(owner.get("/my/cases/" + id + "/notices/anything").status()).isEqualTo(404);
        assertThat(otherCitizenBrowser
                        .get("/my/cases/" + id + "/notices/refusal")
                        .status())
                .isEqualTo(404);
        assertThat(strangerClerk.get(caseAddress + "/notices/refusal").status()).isEqualTo(404);
        assertThat(owner.get(caseAddress + "/notices/refusal").status()).isEqualTo(403);
    }

    @Test
    void theProgressLookupShowsStatusAndDatesOnly() {
        TestBrowser anonymous = new TestBrowser(port);
        String csrf = TestBrowser.csrf(anonymous.get("/progress"));
        TestBrowser.Page found = anonymous.post(
                "/progress",
                Map.of(
                        "number",
                        receipt.caseNumber().grouped().toLowerCase(),
                        "code",
                        receipt.queryCode(),
                        "_csrf",
                        csrf));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.html().selectFirst("[data-testid=progress]").text())
                .contains(receipt.caseNumber().value());
        assertThat(found.body()).doesNotContain("王小明").doesNotContain("13900000000");

        TestBrowser.Page wrongCode = anonymous.post(
                "/progress", Map.of("number", receipt.caseNumber().value(), "code", "AAAAAAAA", "_csrf", csrf));
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongCode.body()).doesNotContain(submitted.itemName());

        String typo = receipt.caseNumber().value().substring(0, 20)
                + (receipt.caseNumber().value().charAt(20) == 'A' ? 'B' : 'A');
        TestBrowser.Page mistyped =
                anonymous.post("/progress", Map.of("number", typo, "code", receipt.queryCode(), "_csrf", csrf));
        assertThat(mistyped.html().select("[data-testid=error-summary]").text()).contains("办件编号格式不对");

        // The API: 400 for a mistyped number, 404 for an unknown one or a wrong code, the progress for the right one.
        assertThat(anonymous
                        .get("/api/v1/case-progress/" + typo, "X-Query-Code", receipt.queryCode())
                        .status())
                .isEqualTo(400);
        assertThat(anonymous
                        .get("/api/v1/case-progress/" + receipt.caseNumber().value(), "X-Query-Code", "AAAAAAAA")
                        .status())
                .isEqualTo(404);
        String unknown = CaseNumber.of("340100", java.time.LocalDate.of(2026, 1, 5), 999_999)
                .value();
        assertThat(anonymous
                        .get("/api/v1/case-progress/" + unknown, "X-Query-Code", receipt.queryCode())
                        .status())
                .isEqualTo(404);
        TestBrowser.Page api = anonymous.get(
                "/api/v1/case-progress/" + receipt.caseNumber().value(), "X-Query-Code", receipt.queryCode());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body())
                .contains("\"caseNumber\":\"" + receipt.caseNumber().value())
                .doesNotContain("王小明");
    }

    @Test
    void theApiGivesApplicantsTheirOwnCasesOnly() {
        assertThat(new TestBrowser(port).getJson("/api/v1/cases").status()).isEqualTo(401);
        TestBrowser.Page mine = applicantBrowser.getJson("/api/v1/cases");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(receipt.caseNumber().value());
        assertThat(otherCitizenBrowser.getJson("/api/v1/cases").body())
                .doesNotContain(receipt.caseNumber().value());
        assertThat(applicantBrowser
                        .getJson("/api/v1/cases/" + receipt.caseNumber().value())
                        .status())
                .isEqualTo(200);
        assertThat(otherCitizenBrowser
                        .getJson("/api/v1/cases/" + receipt.caseNumber().value())
                        .status())
                .isEqualTo(404);
        assertThat(strangerClerk
                        .getJson("/api/v1/cases/" + receipt.caseNumber().value())
                        .status())
                .isEqualTo(404);
        assertThat(clerk.getJson("/api/v1/cases/" + receipt.caseNumber().value())
                        .status())
                .isEqualTo(200);
    }
}
