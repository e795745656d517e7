package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.exchange.ExchangeFixtures.DATA_BUREAU;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_DATA;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_MARKET;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.Population;
import org.zhengwu.exchange.grant.ActiveGrants;
import org.zhengwu.exchange.grant.Grants;
import org.zhengwu.exchange.query.AccessLog;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;

/**
 * Governed sharing end to end: the 10-working-day clock of a request (across a holiday and a weekend), its decision
 * with fewer fields, fewer in clear and a shorter period, refusal, overdue escalation by the scheduled job, the
 * unconditional grant on registration, 不予共享 neither requestable nor served; then the query API as a department
 * system reads it: by key with field filtering and masking, pages, export, 403 without a grant or with another
 * organisation's, a staff session refused, the rate limit, the access log per subject; and the citizen's page of who
 * used their data showing exactly their own.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingHttpTests {

    static final String PERSON = "101001/000001";
    static final String PERSON_REF = "101001-000001";
    static final String LEGAL_ENTITY_REF = "102001-000001";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    Population population;

    @Autowired
    Grants grants;

    @Autowired
    ActiveGrants activeGrants;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    AccessLog accessLog;

    @Autowired
    SealedFields sealedFields;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.zhengwu.identity.account.ContactDetails contacts;

    @Autowired
    org.zhengwu.identity.account.OutboxNotificationSender outbox;

    TestBrowser requester;
    TestBrowser otherRequester;
    TestBrowser steward;
    TestBrowser supervisor;
    TestBrowser cataloguer;
    TestBrowser reviewer;
    TestBrowser plainStaff;
    TestBrowser administrator;

    @BeforeAll
    void setUp() {
        requester = signIn(HEFEI_MARKET, ExchangeAccess.DATA_REQUESTER);
        otherRequester = signIn(HEFEI_DATA, ExchangeAccess.DATA_REQUESTER);
        steward = signIn(DATA_BUREAU, ExchangeAccess.DATA_STEWARD);
        supervisor = signIn(DATA_BUREAU, ExchangeAccess.EXCHANGE_SUPERVISOR);
        cataloguer = signIn(HEFEI_MARKET, ExchangeAccess.RESOURCE_CATALOGUER);
        reviewer = signIn(HEFEI_DATA, ExchangeAccess.RESOURCE_REVIEWER);
        plainStaff = signIn(HEFEI_MARKET, org.zhengwu.catalog.CatalogAccess.CATALOG_EDITOR);
        administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
    }

    private TestBrowser signIn(String organisation, String... roles) {
        TestBrowser browser = new TestBrowser(port);
        browser.signInNewStaff(staff, organisation, roles);
        return browser;
    }

    private LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    private TestBrowser.Page post(TestBrowser browser, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", TestBrowser.csrf(browser.get("/account")));
        return browser.post(path, withToken);
    }

    private TestBrowser.Page postMulti(TestBrowser browser, String path, Map<String, List<String>> form) {
        Map<String, List<String>> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", List.of(TestBrowser.csrf(browser.get("/account"))));
        return browser.postMulti(path, withToken);
    }

    private long request(TestBrowser browser, String ref, List<String> fields) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("purpose", List.of("市场主体登记时核验经营者身份"));
        form.put("legalBasis", List.of("《市场主体登记管理条例》第十三条"));
        form.put("fields", fields);
        form.put("validFrom", List.of(today().toString()));
        form.put("validUntil", List.of(today().plusMonths(6).toString()));
        TestBrowser.Page answer = postMulti(browser, "/exchange/resources/" + ref + "/request", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        String location = answer.location();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Map<String, Object> grantRow(long id) {
        return jdbc.sql("SELECT * FROM exchange_grant WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private static String summary(TestBrowser.Page page) {
        var summary = page.html().selectFirst("[data-testid=error-summary]");
        return summary == null ? "" : summary.text();
    }

    /** Approves a request for the person library as the bureau's steward: id, name and address; name in clear. */
    private long approvedPersonGrant(TestBrowser consumer) {
        long id = request(consumer, PERSON_REF, List.of("idNumber", "name", "sex", "address"));
        Map<String, List<String>> approval = new LinkedHashMap<>();
        approval.put("fields", List.of("idNumber", "name", "address"));
        approval.put("clearFields", List.of("name"));
        approval.put("validUntil", List.of(today().plusMonths(3).toString()));
        TestBrowser.Page approved = postMulti(steward, "/exchange/grants/" + id + "/approve", approval);
        assertThat(approved.status()).as(summary(approved)).isEqualTo(302);
        return id;
    }

    @Test
    void theDecisionIsDueTenWorkingDaysAfterTheRequestDayAcrossHolidaysAndWeekends() {
        // 2026-09-30 (Wed): 10-01..10-07 国庆节, 10-10 (Sat) 调休上班 → the tenth working day is 10-20.
        assertThat(grants.dueOn(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 20));
        // 2026-12-04 (Fri): two weekends → 12-18 (Fri).
        assertThat(grants.dueOn(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 18));
        // The same as the calendar API's due date.
        var api = ExchangeFixtures.get(port, "/api/v1/calendar/due-date?from=2026-09-30&workingDays=10", null);
        assertThat(api.body()).contains("2026-10-20");
    }

    @Test
    void aConditionalRequestIsDecidedByTheProviderWithFewerFieldsInClearAndAShorterPeriodAllAudited() {
        long id = request(requester, PERSON_REF, List.of("idNumber", "name", "sex", "address"));
        Map<String, Object> row = grantRow(id);
        assertThat(row.get("status")).isEqualTo("REQUESTED");
        assertThat(row.get("due_on").toString())
                .isEqualTo(workingDays.dueDate(today(), 10).toString());
        assertThat(steward.get("/exchange/grants/waiting").html().select("tr[data-grant=" + id + "]"))
                .hasSize(1);
        assertThat(requester.get("/exchange/grants/mine").html().select("tr[data-grant=" + id + "]"))
                .hasSize(1);
        // The other organisation's requester and the consumer's own requester cannot decide it.
        assertThat(post(otherRequester, "/exchange/grants/" + id, Map.of()).status())
                .isIn(403, 404, 405);
        assertThat(otherRequester.get("/exchange/grants/" + id).status()).isEqualTo(404);
        assertThat(post(requester, "/exchange/grants/" + id + "/approve", Map.of("fields", "idNumber"))
                        .status())
                .isEqualTo(403);

        // Bad decisions are named: a field not asked for, a clear field not granted, a longer period.
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("fields", List.of("idNumber", "birthDate"));
        bad.put("clearFields", List.of("address"));
        bad.put("validUntil", List.of(today().plusYears(2).toString()));
        TestBrowser.Page refused = postMulti(steward, "/exchange/grants/" + id + "/approve", bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(summary(refused))
                .contains("只能授权申请中的信息项")
                .contains("明文提供的信息项必须是授权的信息项")
                .contains("授权期限只能缩短");

        Map<String, List<String>> approval = new LinkedHashMap<>();
        approval.put("fields", List.of("idNumber", "name", "address"));
        approval.put("clearFields", List.of("name"));
        approval.put("validUntil", List.of(today().plusMonths(3).toString()));
        assertThat(postMulti(steward, "/exchange/grants/" + id + "/approve", approval)
                        .status())
                .isEqualTo(302);
        var grant = activeGrants.find(HEFEI_MARKET, PERSON, today()).orElseThrow();
        assertThat(grant.fields()).containsExactlyInAnyOrder("idNumber", "name", "address");
        assertThat(grant.clearFields()).containsExactly("name");
        assertThat(activeGrants.find(HEFEI_MARKET, PERSON, today().plusMonths(4)))
                .isEmpty();
        // Decided once.
        assertThat(postMulti(steward, "/exchange/grants/" + id + "/approve", approval)
                        .status())
                .isEqualTo(409);
        assertThat(log.search(new AccountabilityLog.Query(null, "grant", String.valueOf(id), null, null, null), 10, 0))
                .extracting(e -> e.action())
                .contains("exchange.grant.request", "exchange.grant.approve");

        // Refusal needs a reason.
        long second = request(otherRequester, PERSON_REF, List.of("idNumber"));
        TestBrowser.Page noReason = post(steward, "/exchange/grants/" + second + "/refuse", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(summary(noReason)).contains("此项为必填项");
        assertThat(post(steward, "/exchange/grants/" + second + "/refuse", Map.of("reason", "用途与职责无关"))
                        .status())
                .isEqualTo(302);
        assertThat(grantRow(second).get("status")).isEqualTo("REFUSED");
        assertThat(activeGrants.find(HEFEI_DATA, PERSON, today())).isEmpty();

        // Withdrawn by the consumer, revoked by the provider.
        long third = request(otherRequester, PERSON_REF, List.of("idNumber"));
        assertThat(post(otherRequester, "/exchange/grants/" + third + "/withdraw", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(grantRow(third).get("status")).isEqualTo("WITHDRAWN");
        long fourth = approvedPersonGrant(otherRequester);
        assertThat(post(steward, "/exchange/grants/" + fourth + "/revoke", Map.of("reason", "期限内停止使用"))
                        .status())
                .isEqualTo(302);
        assertThat(grantRow(fourth).get("status")).isEqualTo("REVOKED");
        assertThat(log.search(
                        new AccountabilityLog.Query(null, "grant", null, "exchange.grant.revoke", null, null), 50, 0))
                .extracting(e -> e.objectId())
                .contains(String.valueOf(fourth));
    }

    @Test
    void anOverdueRequestIsEscalatedByTheJobAndShownToSupervisors() {
        long id = request(otherRequester, PERSON_REF, List.of("idNumber", "name"));
        assertThat(supervisor.get("/exchange/supervision").html().select("tr[data-grant=" + id + "]"))
                .isEmpty();
        // Not yet due: the job leaves it.
        org.zhengwu.exchange.grant.EscalationJob.run(context);
        assertThat(grantRow(id).get("escalated_at")).isNull();
        jdbc.sql("UPDATE exchange_grant SET due_on = :due WHERE id = :id")
                .param("due", today().minusDays(1))
                .param("id", id)
                .update();
        assertThat(org.zhengwu.exchange.grant.EscalationJob.run(context)).isGreaterThanOrEqualTo(1);
        assertThat(grantRow(id).get("escalated_at")).isNotNull();
        assertThat(supervisor.get("/exchange/supervision").html().select("tr[data-grant=" + id + "]"))
                .hasSize(1);
        assertThat(steward.get("/exchange/grants/" + id).html().selectFirst("[data-testid=escalated]"))
                .isNotNull();
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                "system", "grant", String.valueOf(id), "exchange.grant.escalate", null, null),
                        10,
                        0))
                .hasSize(1);
        // Escalated once only.
        org.zhengwu.exchange.grant.EscalationJob.run(context);
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                "system", "grant", String.valueOf(id), "exchange.grant.escalate", null, null),
                        10,
                        0))
                .hasSize(1);
        // The page is the supervisors'.
        assertThat(requester.get("/exchange/supervision").status()).isEqualTo(403);
    }

    @Test
    void anEscalationTellsThePlatformAdministratorsOnceWhichRequestsAreOverdue() {
        String username = "sysadmin-" + ExchangeFixtures.next() + "-" + System.nanoTime() % 100_000;
        staff.create(
                username,
                "系统管理员",
                TestBrowser.STAFF_PASSWORD,
                null,
                List.of(org.zhengwu.identity.IdentityAccess.SYSTEM_ADMIN),
                "test");
        String email = username + "@example.gov.cn";
        jdbc.sql("UPDATE identity_account SET email_cipher = :cipher WHERE username = :username")
                .param("cipher", contacts.encryptEmail(email))
                .param("username", username)
                .update();
        long id = request(otherRequester, PERSON_REF, List.of("idNumber"));
        jdbc.sql("UPDATE exchange_grant SET due_on = :due WHERE id = :id")
                .param("due", today().minusDays(1))
                .param("id", id)
                .update();
        org.zhengwu.exchange.grant.EscalationJob.run(context);
        // Told after the escalation has committed, off the job's thread.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> outbox.bodiesTo(email).size() == 1);
        List<String> told = outbox.bodiesTo(email);
        assertThat(told).hasSize(1);
        assertThat(told.get(0))
                .contains("第 " + id + " 号申请")
                .contains("人口基础信息")
                .contains(PERSON)
                .contains(HEFEI_DATA)
                .contains(DATA_BUREAU)
                .contains("/exchange/supervision");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(log.search(
                                new AccountabilityLog.Query(
                                        "system", "grant", null, "exchange.grant.escalation-notice", null, null),
                                50,
                                0))
                        .anySatisfy(e -> assertThat(e.details()).contains(String.valueOf(id))));
        // Escalated once, told once: a second run sends no second notice of it.
        org.zhengwu.exchange.grant.EscalationJob.run(context);
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> outbox.bodiesTo(email).size() == 1);
    }

    @Test
    void anUnconditionalResourceIsGrantedOnRegistrationOfThePurposeWithEveryFieldMasked() {
        long id = request(otherRequester, LEGAL_ENTITY_REF, List.of("uscc"));
        Map<String, Object> row = grantRow(id);
        assertThat(row.get("status")).isEqualTo("APPROVED");
        assertThat(row.get("fields_granted"))
                .isEqualTo("uscc,name,entityType,legalRepresentative,registeredDivision,status,registrationDate");
        assertThat(row.get("clear_fields")).isEqualTo("");
        assertThat(row.get("due_on")).isNull();
        assertThat(activeGrants.find(HEFEI_DATA, "102001/000001", today())).isPresent();
    }

    @Test
    void aResourceNotSharedCanNeitherBeAskedForNorServed() {
        String code = String.format(Locale.ROOT, "301001/%06d", ExchangeFixtures.next() * 991 % 1_000_000);
        String ref = code.replace('/', '-');
        Map<String, String> form = new LinkedHashMap<>();
        form.put("classification", "301001");
        form.put("code", code);
        form.put("name", "行政执法案卷");
        form.put("summary", "执法案卷。");
        form.put("format", "文本");
        form.put("shareType", "NONE");
        form.put("shareBasis", "《中华人民共和国保守国家秘密法》");
        form.put("openType", "NONE");
        form.put("updateCycle", "OTHER");
        form.put("items[0].field", "caseNumber");
        form.put("items[0].name", "案号");
        form.put("items[0].dataType", "STRING");
        form.put("_csrf", TestBrowser.csrf(cataloguer.get("/exchange/resources/new")));
        assertThat(cataloguer.post("/exchange/resources/new", form).status()).isEqualTo(302);
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish", Map.of())
                        .status())
                .isEqualTo(302);

        assertThat(otherRequester.get("/exchange/resources/" + ref).html().selectFirst("[data-testid=request]"))
                .isNull();
        assertThat(otherRequester.get("/exchange/resources/" + ref + "/request").status())
                .isEqualTo(404);
        assertThat(post(otherRequester, "/exchange/resources/" + ref + "/request", Map.of("purpose", "x"))
                        .status())
                .isEqualTo(404);
        // Even a grant written behind the workflow's back is no grant in force, and the API does not serve it.
        jdbc.sql("""
                        INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis,
                            fields_requested, fields_granted, clear_fields, valid_from, valid_until, status, requested_by,
                            requested_at)
                        VALUES (:code, :consumer, '340100', 'x', 'x', 'caseNumber', 'caseNumber', '', :from, :until,
                            'APPROVED', 'test', now())""")
                .param("code", code)
                .param("consumer", HEFEI_DATA)
                .param("from", today())
                .param("until", today().plusDays(10))
                .update();
        assertThat(activeGrants.find(HEFEI_DATA, code, today())).isEmpty();
        var system = ExchangeFixtures.system(administrator, port, HEFEI_DATA);
        var answer = ExchangeFixtures.get(port, "/api/v1/exchange/data/" + ref + "/records/x", system.token());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains(code).contains("不予共享");
    }

    @Test
    void theQueryApiServesTheGrantedFieldsMaskedUnlessInClearAndLogsEverySubject() {
        approvedPersonGrant(requester);
        int day = ExchangeFixtures.next();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String number = ExchangeFixtures.oldIdNumber(day, i * 2 + 1);
            numbers.add(number);
            population.save(new PersonDraft(
                    number, "测试人" + "甲乙丙丁戊".charAt(i), null, null, "340104", "安徽省合肥市蜀山区长江西路100号", false));
        }
        String born = LocalDate.of(1903, 1, 1).plusDays(day % 300).toString();
        var system = ExchangeFixtures.system(administrator, port, HEFEI_MARKET);

        // By key: the granted fields only; name in clear, the ID number and address masked; sex not granted.
        var one = ExchangeFixtures.get(
                port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + numbers.get(0), system.token());
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode record = one.json();
        assertThat(record.propertyNames()).containsExactly("idNumber", "name", "address");
        assertThat(record.get("name").asString()).isEqualTo("测试人甲");
        String number = numbers.get(0);
        assertThat(record.get("idNumber").asString())
                .isEqualTo(number.substring(0, 4) + "**********" + number.substring(14));
        assertThat(record.get("address").asString()).isEqualTo("安徽省合肥市****");
        assertThat(one.body()).doesNotContain(number).doesNotContain("sex").doesNotContain("长江西路");
        assertThat(accessRows(system.clientId(), "KEY")).containsExactly(accessLog.subjectIndex(number));
        Map<String, Object> logged = jdbc.sql("SELECT * FROM exchange_access WHERE client_id = :c")
                .param("c", system.clientId())
                .query()
                .singleRow();
        assertThat(logged.get("fields")).isEqualTo("idNumber,name,address");
        assertThat(logged.get("consumer_uscc")).isEqualTo(HEFEI_MARKET);
        assertThat(logged.get("purpose")).isEqualTo("市场主体登记时核验经营者身份");
        assertThat(logged.get("subject_index").toString()).doesNotContain(number);

        // Unknown key, unknown resource: 404.
        assertThat(ExchangeFixtures.get(
                                port,
                                "/api/v1/exchange/data/" + PERSON_REF + "/records/340104190301019999",
                                system.token())
                        .status())
                .isEqualTo(404);
        assertThat(ExchangeFixtures.get(port, "/api/v1/exchange/data/109001-000001/records/x", system.token())
                        .status())
                .isEqualTo(404);

        // Pages by filter, keyset: 2 + 2 + 1, each subject logged once.
        String base =
                "/api/v1/exchange/data/" + PERSON_REF + "/records?bornFrom=" + born + "&bornTo=" + born + "&limit=2";
        List<String> served = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            var page = ExchangeFixtures.get(port, base + after, system.token());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("records").forEach(r -> served.add(r.get("name").asString()));
            pages++;
            JsonNode next = page.json().get("next");
            if (next == null || next.isNull()) {
                break;
            }
            after = "&after=" + next.asLong();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(served).containsExactly("测试人甲", "测试人乙", "测试人丙", "测试人丁", "测试人戊");
        assertThat(accessRows(system.clientId(), "PAGE"))
                .containsExactlyInAnyOrderElementsOf(
                        numbers.stream().map(accessLog::subjectIndex).toList());
        assertThat(ExchangeFixtures.get(port, base.replace("limit=2", "limit=5000"), system.token())
                        .status())
                .isEqualTo(400);
        assertThat(ExchangeFixtures.get(port, base + "&colour=red", system.token())
                        .status())
                .isEqualTo(400);

        // Export: streamed lines, the same fields, each subject logged.
        var export = ExchangeFixtures.get(
                port,
                "/api/v1/exchange/data/" + PERSON_REF + "/export?bornFrom=" + born + "&bornTo=" + born,
                system.token());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines)
                .allSatisfy(l -> assertThat(ExchangeFixtures.JSON.readTree(l).propertyNames())
                        .containsExactly("idNumber", "name", "address"));
        assertThat(accessRows(system.clientId(), "EXPORT")).hasSize(5);
    }

    @Test
    void withoutAGrantOrWithAnotherOrganisationsTheApiAnswers403AndStaffSessionsAreRefused() {
        approvedPersonGrant(requester);
        String number = TestPeople.newIdNumber();
        population.save(new PersonDraft(number, "无权人", null, null, "340104", null, false));
        // A system of an organisation with no grant of the person library: 403 naming the resource.
        String noGrantOrg = jdbc.sql("""
                        SELECT uscc FROM basedata_organisation WHERE uscc NOT IN (:a, :b, :c)
                        AND uscc NOT IN (SELECT consumer_uscc FROM exchange_grant) ORDER BY uscc LIMIT 1""")
                .param("a", HEFEI_MARKET)
                .param("b", HEFEI_DATA)
                .param("c", DATA_BUREAU)
                .query(String.class)
                .single();
        var stranger = ExchangeFixtures.system(administrator, port, noGrantOrg);
        var answer = ExchangeFixtures.get(
                port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + number, stranger.token());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains(PERSON).contains("人口基础信息").doesNotContain("无权人");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_access WHERE client_id = :c")
                        .param("c", stranger.clientId())
                        .query(Long.class)
                        .single())
                .isZero();
        // A system of 合肥市数据资源局, whose own requests were refused, withdrawn or revoked, cannot use the market
        // regulator's grant.
        var other = ExchangeFixtures.system(administrator, port, HEFEI_DATA);
        assertThat(ExchangeFixtures.get(
                                port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + number, other.token())
                        .status())
                .isEqualTo(403);
        var own = ExchangeFixtures.system(administrator, port, HEFEI_MARKET);
        assertThat(ExchangeFixtures.get(port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + number, own.token())
                        .status())
                .isEqualTo(200);
        // No token, a staff session with or without exchange permissions: refused.
        assertThat(ExchangeFixtures.get(port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + number, null)
                        .status())
                .isEqualTo(401);
        assertThat(plainStaff
                        .getJson("/api/v1/exchange/data/" + PERSON_REF + "/records/" + number)
                        .status())
                .isIn(401, 403);
        assertThat(requester
                        .getJson("/api/v1/exchange/data/" + PERSON_REF + "/records/" + number)
                        .status())
                .isIn(401, 403);
        // The catalogue API: staff and systems yes, a person no.
        assertThat(ExchangeFixtures.get(port, "/api/v1/exchange/resources", stranger.token())
                        .body())
                .contains(PERSON);
        assertThat(plainStaff.getJson("/api/v1/exchange/resources").status()).isEqualTo(200);
    }

    @Test
    void aClientOverItsHourlyAllowanceIsRefusedWith429() {
        approvedPersonGrant(requester);
        var system = ExchangeFixtures.system(administrator, port, HEFEI_MARKET);
        // The hour's allowance (20,000 by default) used up by earlier calls.
        jdbc.sql("""
                        INSERT INTO exchange_query_allowance (client_id, hour_start, used)
                        VALUES (:client, date_trunc('hour', now()), 20000)""").param("client", system.clientId()).update();
        var answer = ExchangeFixtures.get(
                port, "/api/v1/exchange/data/" + PERSON_REF + "/records/" + TestPeople.newIdNumber(), system.token());
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body()).contains("查询过于频繁");
    }

    @Test
    void theCitizenSeesEveryUseOfTheirOwnDataAndNoOneElses() {
        approvedPersonGrant(requester);
        TestPeople.Citizen a = TestPeople.register(citizens, "甲追踪");
        TestPeople.Citizen b = TestPeople.register(citizens, "乙追踪");
        population.save(new PersonDraft(a.idNumber(), a.realName(), null, null, "340104", "合肥市蜀山区", false));
        population.save(new PersonDraft(b.idNumber(), b.realName(), null, null, "340104", "合肥市包河区", false));
        var system = ExchangeFixtures.system(administrator, port, HEFEI_MARKET);
        assertThat(ExchangeFixtures.get(
                                port,
                                "/api/v1/exchange/data/" + PERSON_REF + "/records/" + a.idNumber(),
                                system.token())
                        .status())
                .isEqualTo(200);
        assertThat(ExchangeFixtures.get(
                                port,
                                "/api/v1/exchange/data/" + PERSON_REF + "/records/" + a.idNumber(),
                                system.token())
                        .status())
                .isEqualTo(200);
        // A use of a licence of A's by a department, as the licence module records it.
        long licence = jdbc.sql("""
                        INSERT INTO licence_licence (identifier, type_code, number, version, name, issuer_uscc,
                            issuer_name, issued_on, valid_from, division_code, holder_name, holder_code,
                            holder_code_index, holder_code_masked, holder_code_kind, field_values, status, file_key,
                            file_sm3, file_size, created_at)
                        SELECT :identifier, code, :number, 1, '测试证照', :issuer, '测试局', CURRENT_DATE, CURRENT_DATE,
                            '340100', '\\x00', '\\x00', :index, 'x', '111', '\\x00', 'VALID', 'k', :sm3, 1, now()
                        FROM licence_type ORDER BY code LIMIT 1
                        RETURNING id""")
                .param("identifier", "test-" + a.idNumber())
                .param("number", "T" + ExchangeFixtures.next() + "X" + System.nanoTime() % 1_000_000)
                .param("issuer", HEFEI_MARKET)
                .param("index", sealedFields.index(a.idNumber()))
                .param("sm3", "0".repeat(64))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO licence_use (licence_id, used_at, user_name, user_display, organisation_uscc, what)
                        VALUES (:id, now(), 'clerk', '王窗口', :org, 'FIELDS')""").param("id", licence).param("org", HEFEI_DATA).update();

        // A member of staff looks A up in the population library, giving the purpose the page asks for.
        TestBrowser reader = new TestBrowser(port);
        String readerName =
                reader.signInNewStaff(staff, HEFEI_MARKET, org.zhengwu.basedata.BaseDataAccess.LIBRARY_READER);
        assertThat(reader.post(
                                "/admin/basedata/lookup/person",
                                Map.of(
                                        "_csrf",
                                        TestBrowser.csrf(reader.get("/admin/basedata/lookup")),
                                        "idNumber",
                                        a.idNumber(),
                                        "purpose",
                                        "核查个体工商户登记申请人身份"))
                        .html()
                        .selectFirst("[data-testid=person]"))
                .isNotNull();

        TestBrowser browserA = new TestBrowser(port);
        browserA.signIn(a.username(), TestPeople.PASSWORD);
        TestBrowser.Page page = browserA.get("/my/data-uses");
        assertThat(page.status()).isEqualTo(200);
        var rows = page.html().select("[data-testid=use]");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).text())
                .contains("工作人员查询", "核查个体工商户登记申请人身份", "人口基础信息", "合肥市市场监督管理局")
                .doesNotContain(readerName);
        rows.remove(0);
        assertThat(rows.get(0).text()).contains("测试证照").contains("王窗口");
        assertThat(rows.get(1).text())
                .contains(system.clientId())
                .contains("市场主体登记时核验经营者身份")
                .contains("idNumber,name,address");
        assertThat(page.body()).doesNotContain(a.idNumber());
        // Another citizen sees none of it; a parameter does not change whose uses are shown.
        TestBrowser browserB = new TestBrowser(port);
        browserB.signIn(b.username(), TestPeople.PASSWORD);
        TestBrowser.Page other = browserB.get("/my/data-uses?idNumber=" + a.idNumber() + "&subject=" + a.idNumber());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.html().select("[data-testid=use]")).isEmpty();
        assertThat(other.html().selectFirst("[data-testid=no-uses]")).isNotNull();
        // Linked from 个人中心; not a page for staff.
        assertThat(browserA.get("/account").html().select("a[href=/my/data-uses]"))
                .isNotEmpty();
        assertThat(requester.get("/my/data-uses").status()).isEqualTo(403);
    }

    private List<String> accessRows(String clientId, String kind) {
        return jdbc.sql("SELECT subject_index FROM exchange_access WHERE client_id = :c AND kind = :k ORDER BY id")
                .param("c", clientId)
                .param("k", kind)
                .query(String.class)
                .list();
    }
}
