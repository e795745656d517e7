package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationFormRulesTests;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.GuideRulesTests;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Every form of the platform, posted with bad input, reports its problems the same way: one error summary with the
 * same heading, each message prefixed by the field's name and linking to an element that exists — the control
 * itself (for a group of radios or checkboxes, its first box), or the message of a whole list — and every control
 * in error says {@code aria-invalid="true"}, sits in a group marked {@code form-group--error}, has a label, and
 * names its error (and hint) with {@code aria-describedby}, pointing only at elements that exist. A new form is
 * checked by adding one probe: the page it is on, the form, the bad input and the fields that must be named.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryFormHttpTests {

    static final String HEFEI_MARKET = "11340100662167280R";
    static final String SUMMARY_TITLE = "请修改以下问题后再提交";

    /**
     * One form with bad input.
     *
     * @param open     the page the form is on (for a search form sent with GET: the page its bad query answers)
     * @param form     the form's selector, or null when {@code open} already shows the errors
     * @param bad      the fields to change from what the form holds; an empty list removes the field
     * @param status   the status the answer must have
     * @param expected the ids the summary must link to
     */
    record Probe(
            String name,
            TestBrowser browser,
            Supplier<Document> open,
            String form,
            Map<String, List<String>> bad,
            int status,
            List<String> expected) {}

    @LocalServerPort
    int port;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Enterprises enterprises;

    @Autowired
    CatalogEditing editing;

    @Autowired
    org.zhengwu.catalog.PublishedCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.zhengwu.licence.LicenceFixtures licenceFixtures;

    private final List<Probe> probes = new ArrayList<>();

    private static Map<String, List<String>> bad(String... namesAndValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1] == null ? List.of() : List.of(namesAndValues[i + 1]));
        }
        return fields;
    }

    /** A request of 合肥市市场监督管理局 for the person library, in the given state. */
    private long exchangeGrant(String status) {
        return jdbc.sql("""
                        INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis,
                            fields_requested, fields_granted, clear_fields, valid_from, valid_until, status,
                            requested_by, requested_at, due_on)
                        VALUES ('101001/000001', :uscc, '340100', '表单测试', '依据', 'idNumber,name',
                            CASE WHEN :status = 'APPROVED' THEN 'idNumber' END, '', CURRENT_DATE, CURRENT_DATE + 30,
                            :status, 'test', now(), CURRENT_DATE + 14)
                        RETURNING id""")
                .param("uscc", HEFEI_MARKET)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private void probe(
            String name,
            TestBrowser browser,
            String path,
            String form,
            Map<String, List<String>> bad,
            String... expected) {
        probes.add(new Probe(name, browser, () -> browser.get(path).html(), form, bad, 200, List.of(expected)));
    }

    @BeforeAll
    void setUp() {
        TestBrowser anonymous = new TestBrowser(port);

        TestPeople.Citizen person = TestPeople.register(citizens, "表单测试");
        jdbc.sql("UPDATE identity_account SET real_name_level = 3 WHERE username = :u")
                .param("u", person.username())
                .update();
        TestBrowser citizen = new TestBrowser(port);
        citizen.signIn(person.username(), TestPeople.PASSWORD);
        long enterpriseId = enterprises.register(
                TestPeople.newCreditCode(),
                "表单测试有限公司",
                directory.find(person.username()).orElseThrow());

        TestBrowser official = new TestBrowser(port);
        String officialName = official.signInNewStaff(
                staff,
                null,
                IdentityAccess.ADMIN,
                CatalogAccess.CATALOG_EDITOR,
                CatalogAccess.CATALOG_REVIEWER,
                IdentityAccess.IDENTITY_CLERK,
                org.zhengwu.basedata.BaseDataAccess.LIBRARY_IMPORTER,
                org.zhengwu.basedata.BaseDataAccess.LIBRARY_READER);
        long officialId = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", officialName)
                .query(Long.class)
                .single();

        // Staff between the password and the second factor: one enrolled, one who has yet to enrol.
        TestBrowser enrolled = new TestBrowser(port);
        String enrolledName = enrolled.signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        TestBrowser secondStep = new TestBrowser(port);
        secondStep.signIn(enrolledName, TestBrowser.STAFF_PASSWORD);
        String newcomer = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(newcomer, "新来的", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        TestBrowser enrolling = new TestBrowser(port);
        enrolling.signIn(newcomer, TestBrowser.STAFF_PASSWORD);
        // And one whose first password others may have seen: it is replaced before anything else.
        String shownOnce = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.requireNewPassword(staff.create(
                shownOnce, "初任者", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test"));
        TestBrowser replacing = new TestBrowser(port);
        replacing.signIn(shownOnce, TestBrowser.STAFF_PASSWORD);

        // Entries at each stage a form works on: a draft, one in review, one published.
        VersionRecord draft = entry("草稿");
        VersionRecord inReview = entry("审核中");
        editing.submit(inReview.id(), "editor-a");
        VersionRecord withForm = entry("申请表", applicantsForm());
        VersionRecord published = entry("已发布");
        editing.submit(published.id(), "editor-a");
        editing.approve(published.id(), "reviewer-b");
        editing.publish(published.id(), "reviewer-b");

        // 办件: the public progress lookup and a step on a case in the workbench.
        probe(
                "case progress",
                anonymous,
                "/progress",
                "form[action=/progress]",
                bad("number", "34010020261204000123X", "code", ""),
                "number",
                "code");
        TestBrowser caseClerk = new TestBrowser(port);
        caseClerk.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_CLERK);
        TestCases.Submitted aCase = TestCases.submitted(
                caseRecords,
                HEFEI_MARKET,
                "340100",
                directory.find(person.username()).orElseThrow().id());
        probe(
                "case step",
                caseClerk,
                "/workbench/cases/" + aCase.id(),
                "form[action$=/steps]",
                bad("action", "REFUSE", "opinion", ""),
                "opinion");
        // 共享交换: a replay of a subscription's deliveries from a change number that is none.
        org.zhengwu.exchange.ExchangeFixture exchange = new org.zhengwu.exchange.ExchangeFixture(jdbc);
        String exchangeResource = exchange.resource(
                HEFEI_MARKET,
                "340100",
                List.of(org.zhengwu.exchange.ExchangeFixture.Item.string("code", 20)
                        .key()));
        long exchangeSubscription =
                exchange.subscription(exchangeResource, TestPeople.newCreditCode(), "PUSH", "http://127.0.0.1:9/hook");
        TestBrowser dataSteward = new TestBrowser(port);
        dataSteward.signInNewStaff(staff, HEFEI_MARKET, org.zhengwu.exchange.ExchangeAccess.DATA_STEWARD);
        probe(
                "exchange replay",
                dataSteward,
                "/workbench/exchange/subscriptions/" + exchangeSubscription,
                "form[action$=/replay]",
                bad("from", "0"),
                "from");
        // 电子证照: the issuing officer's 加注 and 注销 of a licence, without a reason or a note.
        org.zhengwu.licence.LicenceFixtures.Issued licenceIssued = licenceFixtures.businessLicence("表单证照", null);
        org.zhengwu.licence.register.LicenceRow licence = licenceIssued.licence();
        TestBrowser licenceOfficer = new TestBrowser(port);
        licenceOfficer.signInNewStaff(staff, licence.issuerUscc(), org.zhengwu.licence.LicenceAccess.LICENCE_OFFICER);
        probe(
                "licence annotation",
                licenceOfficer,
                "/licences/manage/" + licence.id() + "/annotate",
                "form[action$=/annotate]",
                bad("reason", "", "content", "", "validUntil", "2020-01-01"),
                "reason",
                "content",
                "validUntil");
        TestBrowser licenceHolder = new TestBrowser(port);
        licenceHolder.signIn(licenceIssued.citizen().username(), TestPeople.PASSWORD);
        probe(
                "licence authorisation",
                licenceHolder,
                "/my/licences/" + licence.id(),
                "form[data-testid=authorise]",
                bad("grantee", "", "caseNumber", "123", "validUntil", "2020-01-01"),
                "grantee",
                "caseNumber",
                "validUntil");
        TestBrowser trustAdministrator = new TestBrowser(port);
        trustAdministrator.signInNewStaff(staff, null, org.zhengwu.licence.LicenceAccess.LICENCE_TRUST_ADMIN);
        probe(
                "trusted root without a name",
                trustAdministrator,
                "/licences/trust",
                "form[data-testid=add-root]",
                bad("name", ""),
                "name");
        probe(
                "licence import without a file",
                trustAdministrator,
                "/licences/import",
                "form[data-testid=import]",
                bad(),
                "file");
        probe(
                "base library import",
                official,
                "/admin/basedata/imports",
                "form[action=/admin/basedata/imports]",
                bad("mode", "nonsense"),
                "library",
                "mode",
                "file");
        probe(
                "indicator",
                official,
                "/admin/basedata/indicators",
                "form[action=/admin/basedata/indicators]",
                bad("code", "bad code", "name", "", "unit", "", "frequency", null),
                "code",
                "name",
                "unit",
                "frequency");
        probe(
                "indicator figure",
                official,
                "/admin/basedata/indicators/GDP",
                "form[action=/admin/basedata/indicators/GDP/values]",
                bad("division", "349999", "period", "24", "value", "abc"),
                "division",
                "period",
                "value");
        probe(
                "place",
                official,
                "/admin/basedata/places",
                "form[action=/admin/basedata/places][method=post]",
                bad("code", "x y", "name", "", "kind", "", "division", "349999", "longitude", "200", "latitude", ""),
                "code",
                "name",
                "kind",
                "division",
                "longitude",
                "latitude");
        probe(
                "person lookup",
                official,
                "/admin/basedata/lookup",
                "form[action=/admin/basedata/lookup/person]",
                bad("idNumber", "34010419900101001"),
                "idNumber");
        probe(
                "licence revocation",
                licenceOfficer,
                "/licences/manage/" + licence.id() + "/revoke",
                "form[action$=/revoke]",
                bad("reason", " "),
                "reason");
        // 共享交换: the catalogue form, a reviewer's sending back, a request, and the provider's decisions.
        TestBrowser cataloguer = new TestBrowser(port);
        cataloguer.signInNewStaff(staff, HEFEI_MARKET, org.zhengwu.exchange.ExchangeAccess.RESOURCE_CATALOGUER);
        probe(
                "resource catalogue entry",
                cataloguer,
                "/exchange/resources/new",
                "form[action$=/exchange/resources/new]",
                bad(
                        "classification", "301001",
                        "code", "3010010000001",
                        "name", "",
                        "summary", "摘要",
                        "format", "数据库",
                        "shareType", "NONE",
                        "shareBasis", "",
                        "openType", "NONE",
                        "updateCycle", "DAILY",
                        "items[0].field", "Bad Field",
                        "items[0].name", "名称",
                        "items[0].dataType", "STRING"),
                "code",
                "name",
                "shareBasis",
                "items0.field");
        String reviewCode = String.format(java.util.Locale.ROOT, "301001/%06d", (int) (Math.random() * 900_000) + 1);
        jdbc.sql("""
                        INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                            provider_division, summary, format, share_type, share_conditions, share_methods, open_type,
                            update_cycle, status, catalogue_updated_at, entered_by, created_at)
                        VALUES (:code, '3', '301001', '表单测试资源', :uscc, '340100', '摘要', '数据库', 'CONDITIONAL',
                            '条件', 'API', 'NONE', 'DAILY', 'IN_REVIEW', now(), 'test', now())""").param("code", reviewCode).param("uscc", HEFEI_MARKET).update();
        TestBrowser resourceReviewer = new TestBrowser(port);
        resourceReviewer.signInNewStaff(staff, HEFEI_MARKET, org.zhengwu.exchange.ExchangeAccess.RESOURCE_REVIEWER);
        probe(
                "resource sent back without a reason",
                resourceReviewer,
                "/exchange/resources/" + reviewCode.replace('/', '-'),
                "form[action$=/return]",
                bad("reason", ""),
                "reason");
        TestBrowser dataRequester = new TestBrowser(port);
        dataRequester.signInNewStaff(staff, HEFEI_MARKET, org.zhengwu.exchange.ExchangeAccess.DATA_REQUESTER);
        probe(
                "shared data request",
                dataRequester,
                "/exchange/resources/101001-000001/request",
                "form[action$=/request]",
                bad("purpose", "", "legalBasis", "", "validUntil", "2020-01-01"),
                "purpose",
                "legalBasis",
                "validUntil");
        long requested = exchangeGrant("REQUESTED");
        long approved = exchangeGrant("APPROVED");
        TestBrowser steward = new TestBrowser(port);
        steward.signInNewStaff(staff, "1134000094991727XL", org.zhengwu.exchange.ExchangeAccess.DATA_STEWARD);
        probe(
                "sharing approval",
                steward,
                "/exchange/grants/" + requested,
                "form[action$=/approve]",
                bad("fields", "birthDate", "validUntil", "2999-01-01"),
                "fields",
                "validUntil");
        probe(
                "sharing refusal without a reason",
                steward,
                "/exchange/grants/" + requested,
                "form[action$=/refuse]",
                bad("reason", ""),
                "reason");
        probe(
                "grant revocation without a reason",
                steward,
                "/exchange/grants/" + approved,
                "form[action$=/revoke]",
                bad("reason", ""),
                "reason");
        // 窗口收件: the applicant a clerk identifies, a person and an enterprise, with numbers whose check fails.
        String counterEntry = "/workbench/counter/items/"
                + catalog.all().stream()
                        .filter(i -> i.organisation().uscc().equals(HEFEI_MARKET)
                                && !i.type().enforcement())
                        .findFirst()
                        .orElseThrow()
                        .implementationCode();
        probe(
                "counter applicant",
                caseClerk,
                counterEntry,
                "form[data-testid=counter-applicant]",
                bad("name", "", "idNumber", "110101199001011234", "mobile", "123"),
                "name",
                "idNumber",
                "mobile");
        probe(
                "counter enterprise",
                caseClerk,
                counterEntry,
                "form[data-testid=counter-applicant]",
                bad(
                        "kind",
                        "ENTERPRISE",
                        "name",
                        "经办人",
                        "idNumber",
                        TestPeople.newIdNumber(),
                        "mobile",
                        TestPeople.newMobile(),
                        "uscc",
                        "91340100MA2N00000X",
                        "enterpriseName",
                        ""),
                "uscc",
                "enterpriseName");
        // 一件事: the merged form, sent on to review with a code of no division and the declaration left out.
        TestBrowser.Page bundleDraft = citizen.post(
                "/apply/bundles/YJS340104002",
                Map.of("_csrf", TestBrowser.csrf(citizen.get("/apply/bundles/YJS340104002"))));
        String bundleForm = citizen.relative(bundleDraft.location());
        probe(
                "one-stop merged form",
                citizen,
                bundleForm,
                "form[data-testid=application-form]",
                bad("values[business_division]", "999999", "values[declaration]", null, "next", "review"),
                "valuesbusiness_division",
                "valuesdeclaration");

        // 特别程序 on a case under review (one paused, for the form that ends a pause), and 督办 on a warning.
        TestBrowser caseExaminer = new TestBrowser(port);
        caseExaminer.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER);
        long applicantId = directory.find(person.username()).orElseThrow().id();
        TestCases.Submitted examined = TestCases.submitted(caseRecords, HEFEI_MARKET, "340100", applicantId);
        TestCases.Submitted paused = TestCases.submitted(caseRecords, HEFEI_MARKET, "340100", applicantId);
        for (TestCases.Submitted c : List.of(examined, paused)) {
            jdbc.sql("""
                            UPDATE cases_case SET status = 'UNDER_REVIEW', stage = 'undertake', accepted_at = now()
                            WHERE id = :id""").param("id", c.id()).update();
        }
        jdbc.sql("""
                        INSERT INTO cases_clock_event (case_id, kind, reason, started_on, started_by, recorded_at)
                        SELECT id, 'EXPERT_REVIEW', '专家评审', received_on, 'form-tester', now() FROM cases_case
                        WHERE id = :case""").param("case", paused.id()).update();
        probe(
                "case pause",
                caseExaminer,
                "/workbench/cases/" + examined.id(),
                "form[action$=/clock/pause]",
                bad("pauseKind", null, "pauseReason", "", "pauseStart", ""),
                "pauseKind",
                "pauseReason",
                "pauseStart");
        probe(
                "case extension",
                caseExaminer,
                "/workbench/cases/" + examined.id(),
                "form[action$=/clock/extension]",
                bad("extensionReason", ""),
                "extensionReason");
        probe(
                "case resume",
                caseExaminer,
                "/workbench/cases/" + paused.id(),
                "form[action$=/clock/resume]",
                bad("resumeOn", ""),
                "resumeOn");
        TestBrowser supervisor = new TestBrowser(port);
        supervisor.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_SUPERVISOR);
        long warning =
                jdbc.sql("""
                        INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                        SELECT id, 'YELLOW', due_on, organisation_uscc, division_code, now() FROM cases_case
                        WHERE id = :case RETURNING id""").param("case", examined.id()).query(Long.class).single();
        probe(
                "warning supervision",
                supervisor,
                "/supervision/warnings/" + warning,
                "form[action$=/supervise]",
                bad("note", ""),
                "note");
        // 好差评: the applicant's rating, the department's rectification and follow-up; the statistics period.
        long personId = directory.find(person.username()).orElseThrow().id();
        TestCases.Submitted decided = TestCases.completed(caseRecords, HEFEI_MARKET, "340100", personId);
        probe(
                "case rating",
                citizen,
                "/my/cases/" + decided.id() + "/rating",
                "form[action$=/rating]",
                bad("score", null, "tags", "NOPE", "comment", "差".repeat(501)),
                "score",
                "tags",
                "comment");
        TestCases.PoorlyRated open = TestCases.poorlyRated(caseRecords, jdbc, HEFEI_MARKET, "340100", personId, false);
        probe(
                "rectification",
                caseClerk,
                "/ratings/tasks/" + open.taskId(),
                "form[action$=/rectification]",
                bad("measures", " "),
                "measures");
        TestCases.PoorlyRated rectified =
                TestCases.poorlyRated(caseRecords, jdbc, HEFEI_MARKET, "340100", personId, true);
        probe(
                "follow-up",
                caseClerk,
                "/ratings/tasks/" + rectified.taskId(),
                "form[action$=/follow-ups]",
                bad(
                        "visitedOn",
                        "2026-02-30",
                        "contact",
                        "NOT_REACHED",
                        "satisfactionAfter",
                        "3",
                        "notes",
                        "访".repeat(1001)),
                "visitedOn",
                "satisfactionAfter",
                "notes");
        TestBrowser caseSupervisor = new TestBrowser(port);
        caseSupervisor.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_SUPERVISOR);
        probes.add(new Probe(
                "statistics period",
                caseSupervisor,
                () -> caseSupervisor
                        .get("/statistics?from=2026-02-30&to=2026-03-01&by=YEAR")
                        .html(),
                null,
                Map.of(),
                400,
                List.of("from", "by")));

        // 个人注册, 找回密码, 个人中心
        probe(
                "registration",
                anonymous,
                "/register",
                "form[action=/register]",
                bad(
                        "username", "9bad",
                        "realName", "",
                        "idNumber", "1",
                        "mobile", "1",
                        "email", "x",
                        "password", "short",
                        "confirmation", "other"),
                "username",
                "realName",
                "idNumber",
                "mobile",
                "email",
                "password",
                "confirmation");
        probes.add(new Probe(
                "registration code",
                anonymous,
                () -> {
                    String id = TestPeople.newIdNumber();
                    return PublicForms.register(
                                    anonymous,
                                    PublicForms.registration(
                                            "probe" + id.substring(12),
                                            "表单探测",
                                            id,
                                            TestPeople.newMobile(),
                                            "Probe-Registration-5"))
                            .html();
                },
                "form[action=/register/confirm]",
                bad("code", ""),
                200,
                List.of("code")));
        probe(
                "password reset request",
                anonymous,
                "/password/reset",
                "form[action=/password/reset]",
                bad("identifier", " "),
                "identifier");
        probes.add(new Probe(
                "password reset",
                anonymous,
                () -> anonymous
                        .post(
                                "/password/reset",
                                Map.of(
                                        "identifier",
                                        person.mobile(),
                                        "_csrf",
                                        TestBrowser.csrf(anonymous.get("/password/reset"))))
                        .html(),
                "form[action=/password/reset/confirm]",
                bad("code", "", "password", "short", "confirmation", "other"),
                200,
                List.of("code", "password", "confirmation")));
        probe(
                "password change",
                citizen,
                "/account/password",
                "form[action=/account/password]",
                bad("current", "", "password", "x", "confirmation", "y"),
                "current");
        probe("mobile code", citizen, "/account/mobile", "form[action=/account/mobile]", bad("code", ""), "code");
        probe(
                "mobile change",
                citizen,
                "/account/mobile/change",
                "form[action=/account/mobile/change]",
                bad("mobile", "1"),
                "mobile");
        // Someone other than the citizen above, whose reset probe has just used their account's message a minute.
        TestBrowser changing = new TestBrowser(port);
        changing.signIn(TestPeople.register(citizens, "更换手机表单").username(), TestPeople.PASSWORD);
        probes.add(new Probe(
                "mobile change code",
                changing,
                () -> {
                    changing.post(
                            "/account/mobile/change",
                            Map.of(
                                    "mobile",
                                    TestPeople.newMobile(),
                                    "_csrf",
                                    TestBrowser.csrf(changing.get("/account/mobile/change"))));
                    return changing.get("/account/mobile/change/confirm").html();
                },
                "form[action=/account/mobile/change/confirm]",
                bad("code", ""),
                200,
                List.of("code")));
        probe(
                "enterprise registration",
                citizen,
                "/account/enterprises",
                "form[action=/account/enterprises]",
                bad("uscc", "91340100MA2N0XXXX1", "name", ""),
                "uscc",
                "name");
        probe(
                "agent grant",
                citizen,
                "/account/enterprises/" + enterpriseId,
                "form[action$=/agents]",
                bad("agent", "", "scope", "NOPE", "from", "not-a-date", "to", ""),
                "agent",
                "scope",
                "from",
                "to");

        // Signing in, the second factor
        probe("second factor", secondStep, "/login/mfa", "form[action=/login/mfa]", bad("code", ""), "code");
        probe(
                "first password",
                replacing,
                "/login/new-password",
                "form[action=/login/new-password]",
                bad("password", "short", "confirmation", "other"),
                "password",
                "confirmation");
        probe(
                "authenticator enrolment",
                enrolling,
                "/account/mfa/setup",
                "form[action=/account/mfa/setup]",
                bad("code", ""),
                "code");

        // Administration of identity
        probe(
                "counter check",
                official,
                "/admin/identity/in-person",
                "form[action=/admin/identity/in-person]",
                bad("idNumber", "123"),
                "idNumber");
        probe(
                "legal representative check",
                official,
                "/admin/identity/enterprises",
                "form[action=/admin/identity/enterprises]",
                bad("uscc", "91340100MA2N0XXXX1", "idNumber", "123"),
                "uscc",
                "idNumber");
        probe(
                "new member of staff",
                official,
                "/admin/accounts/new",
                "form[action=/admin/accounts/new]",
                bad("username", "9", "displayName", "", "roles", null, "password", "x"),
                "username",
                "displayName",
                "roles",
                "password");
        probe(
                "roles",
                official,
                "/admin/accounts/" + officialId,
                "form[action$=/roles]",
                bad("roles", "NOPE"),
                "roles");
        probe(
                "client registration",
                official,
                "/admin/clients",
                "form[action=/admin/clients]",
                bad("clientId", "A", "name", "", "kind", "NOPE", "redirectUris", "ftp://x", "scopes", "BAD SCOPE"),
                "clientId",
                "name",
                "kind",
                "redirectUris",
                "scopes");
        String serviceClient = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        TestBrowser.Page clients = official.get("/admin/clients");
        assertThat(official.post(
                                "/admin/clients",
                                Map.of(
                                        "_csrf",
                                        TestBrowser.csrf(clients),
                                        "clientId",
                                        serviceClient,
                                        "name",
                                        "表单测试部门系统",
                                        "kind",
                                        "SERVICE"))
                        .status())
                .isEqualTo(302);
        probe(
                "connected system's API access",
                official,
                "/admin/clients/" + serviceClient,
                "form[action$=/api-access]",
                bad("organisation", "", "scopes", "cases.unknown"),
                "organisation",
                "scopes");
        probes.add(new Probe(
                "log search",
                official,
                () -> official.get("/admin/audit?from=2026-13-45&to=abc").html(),
                null,
                Map.of(),
                400,
                List.of("from", "to")));

        // Catalogue
        probe(
                "new entry",
                official,
                "/admin/catalog/new",
                "form[action=/admin/catalog/new]",
                bad(
                        "guide.visits",
                        "abc",
                        "guide.serviceObjects",
                        null,
                        "guide.channels",
                        null,
                        "guide.realNameLevel",
                        "9",
                        "guide.materials[0].name",
                        "申请表",
                        "guide.materials[0].blankFormId",
                        "0".repeat(64)),
                "guide.visits",
                "guide.serviceObjects",
                "guide.channels",
                "guide.realNameLevel",
                "guide.materials0.blankFormFile",
                "guide.steps");
        probe(
                "draft",
                official,
                "/admin/catalog/versions/" + draft.id() + "/edit",
                "form[action$=/edit]",
                bad("resultName", "", "fee.charged", "true", "promisedLimit.value", "-1"),
                "resultName",
                "fee.items",
                "fee.basis",
                "promisedLimit.value");
        probe(
                "application form editor",
                official,
                "/admin/catalog/versions/" + draft.id() + "/form",
                "form[data-testid=form-editor]",
                bad(
                        "fields[0].key", "Bad Key",
                        "fields[0].labelZh", "名称",
                        "fields[0].type", "CHOICE",
                        "fields[0].options", "only|一个|One",
                        "fields[1].key", "later",
                        "fields[1].maxLength", "many",
                        "fields[1].shownWhenField", "nobody",
                        "fields[1].shownWhenValue", "x",
                        "action", "save"),
                "fields0.key",
                "fields0.labelEn",
                "fields0.options",
                "fields1.maxLength",
                "fields1.shownWhenField");
        probe(
                "application form as applicants fill it in",
                official,
                "/admin/catalog/versions/" + withForm.id() + "/form",
                "form[data-testid=form-preview]",
                bad(
                        "values[applicant_id_number]", "110105194912310021",
                        "values[status]", null,
                        "values[bank]", "",
                        "values[born]", "2026-02-30",
                        "values[declaration]", null),
                "valuesapplicant_name",
                "valuesapplicant_id_number",
                "valuesstatus",
                "valuesbank",
                "valuesborn",
                "valuesdeclaration");
        probe(
                "base item",
                official,
                "/admin/catalog/base-items/new",
                "form[action=/admin/catalog/base-items/new]",
                bad("name", "", "type", ""),
                "type");
        probe(
                "sending back",
                official,
                "/admin/catalog/versions/" + inReview.id(),
                "form[action$=/reject]",
                bad("reason", "  "),
                "reason");
        probe(
                "withdrawal",
                official,
                "/admin/catalog/items/" + published.itemId(),
                "form[action$=/withdraw]",
                bad("reason", ""),
                "reason");

        // Base data
        probe(
                "new organisation",
                official,
                "/admin/organisations/new",
                "form[action=/admin/organisations/new]",
                bad("uscc", "bad", "name", "", "divisionCode", "999999", "exerciseLevel", "", "nature", ""),
                "uscc",
                "name",
                "divisionCode",
                "exerciseLevel",
                "nature");
        probe(
                "organisation",
                official,
                "/admin/organisations/" + HEFEI_MARKET,
                "form[action^=/admin/organisations/]",
                bad("name", "", "phone", "not a phone"),
                "name",
                "phone");
        probe(
                "division import",
                official,
                "/admin/divisions/import",
                "form[action=/admin/divisions/import]",
                bad(),
                "file");

        // Working-day calendar (a year no other test uses)
        probe(
                "calendar day",
                official,
                "/admin/calendar/2096",
                "form[action=/admin/calendar/2096/days]",
                bad("date", "2096-02-30", "working", null, "reason", ""),
                "date",
                "working",
                "reason");
        probe(
                "calendar schedule",
                official,
                "/admin/calendar/2096",
                "form[action=/admin/calendar/2096/entered]",
                bad("source", " "),
                "source");
    }

    private VersionRecord entry(String stage) {
        return entry(stage, null);
    }

    private VersionRecord entry(String stage, ApplicationForm form) {
        BaseItemRecord base = editing.createBaseItem(
                "表单" + stage + UUID.randomUUID().toString().substring(0, 6), ItemType.LICENSING, null, "editor-a");
        return editing.createEntry(
                base.baseCode(),
                HEFEI_MARKET,
                null,
                GuideRulesTests.valid().toBuilder().applicationForm(form).build(),
                "editor-a");
    }

    /** An application form with every kind of control: text, codes, radios, a long choice, a date and a box. */
    private static ApplicationForm applicantsForm() {
        List<FormField> fields =
                new ArrayList<>(ApplicationFormRulesTests.valid().fields());
        fields.add(FormField.of("bank", "开户银行", "Bank", FieldType.CHOICE, true)
                .withOptions(List.of(
                        new FormField.Option("a", "甲银行", "Bank A"),
                        new FormField.Option("b", "乙银行", "Bank B"),
                        new FormField.Option("c", "丙银行", "Bank C"),
                        new FormField.Option("d", "丁银行", "Bank D"),
                        new FormField.Option("e", "戊银行", "Bank E"),
                        new FormField.Option("f", "己银行", "Bank F"))));
        fields.add(FormField.of("born", "出生日期", "Date of birth", FieldType.DATE, true));
        fields.add(FormField.of("declaration", "本人承诺所填信息真实", "I declare it true", FieldType.CHECKBOX, true));
        return new ApplicationForm(fields);
    }

    @Test
    void everyFormNamesEachProblemOnItsFieldAndLinksToIt() {
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            Document page = probe.open().get();
            try {
                checkCleanForm(page, probe);
                Document answer = probe.form() == null ? page : post(probe, page);
                checkErrors(answer, probe);
            } catch (AssertionError | RuntimeException e) {
                failures.add(probe.name() + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void aFailedSignInIsTheSameSummaryWithoutSayingWhichFieldWasWrong() {
        Document page = new TestBrowser(port).get("/login?error").html();
        assertThat(page.select(".error-summary")).hasSize(1);
        assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo(SUMMARY_TITLE);
        assertThat(page.selectFirst(".error-summary li").text()).contains("用户名或密码不正确");
        assertThat(page.select(".error-summary a")).isEmpty();
        assertThat(page.select("[aria-invalid]")).isEmpty();
        assertThat(new TestBrowser(port).get("/login").html().select(".error-summary"))
                .isEmpty();
    }

    private Document post(Probe probe, Document page) {
        Element form = page.selectFirst(probe.form());
        assertThat(form).as("form " + probe.form()).isNotNull();
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        probe.bad().forEach((name, values) -> {
            if (values.isEmpty()) {
                fields.remove(name);
            } else {
                fields.put(name, values);
            }
        });
        String action = form.attr("action");
        TestBrowser.Page answer = form.attr("enctype").equals("multipart/form-data")
                ? probe.browser().postMultipart(action, fields, Map.of())
                : probe.browser().postMulti(action, fields);
        assertThat(answer.status()).as("status of " + action).isEqualTo(probe.status());
        return answer.html();
    }

    /** The form as first shown: no problem named, every control labelled, every description there. */
    private static void checkCleanForm(Document page, Probe probe) {
        if (probe.form() == null) {
            return;
        }
        Element form = page.selectFirst(probe.form());
        assertThat(form).as("form " + probe.form()).isNotNull();
        assertThat(page.select(".error-summary")).as("summary before posting").isEmpty();
        assertThat(form.select("[aria-invalid]"))
                .as("controls in error before posting")
                .isEmpty();
        checkDescriptions(page);
        for (Element control : form.select("input:not([type=hidden]), select, textarea")) {
            assertThat(page.select("label[for=" + cssId(control.id()) + "]"))
                    .as("label of " + control.attr("name"))
                    .isNotEmpty();
        }
    }

    private static void checkErrors(Document page, Probe probe) {
        assertThat(page.select(".error-summary")).as("error summaries").hasSize(1);
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary.selectFirst("h2").text()).isEqualTo(SUMMARY_TITLE);
        List<String> targets = new ArrayList<>();
        for (Element link : summary.select("li > a")) {
            String target = link.attr("href").substring(1);
            targets.add(target);
            Element element = page.getElementById(target);
            assertThat(element).as("target of " + link.text()).isNotNull();
            assertThat(link.text())
                    .as("message names its field: " + link.text())
                    .contains("：");
            String message = link.text().substring(link.text().indexOf('：') + 1);
            if (element.hasClass("error-message")) {
                // The message of a whole list: it takes the focus itself.
                assertThat(element.attr("tabindex")).isEqualTo("-1");
                assertThat(element.text()).contains(message);
                continue;
            }
            assertThat(element.tagName()).as(target).isIn("input", "select", "textarea");
            assertThat(element.attr("aria-invalid"))
                    .as("aria-invalid of " + target)
                    .isEqualTo("true");
            Element fieldset = groupOf(element);
            boolean box = fieldset != null;
            Element group = box ? fieldset : element;
            Element container = box ? group : element.parent();
            assertThat(container.hasClass("form-group--error"))
                    .as("group of " + target)
                    .isTrue();
            List<String> described = ids(group.attr("aria-describedby"));
            Element error = described.stream()
                    .map(page::getElementById)
                    .filter(e -> e != null && e.hasClass("error-message"))
                    .findFirst()
                    .orElse(null);
            assertThat(error).as("error named by aria-describedby of " + target).isNotNull();
            assertThat(error.text()).as("error of " + target).contains(message);
            assertThat(box ? group.select("legend") : page.select("label[for=" + cssId(target) + "]"))
                    .as("label of " + target)
                    .isNotEmpty();
        }
        assertThat(targets).as("fields named").containsAll(probe.expected());
        // Nothing is marked in error that the summary does not name.
        Set<String> marked = new TreeSet<>();
        for (Element control : page.select("[aria-invalid=true]")) {
            Element fieldset = groupOf(control);
            marked.add(
                    fieldset == null
                            ? control.id()
                            : fieldset.selectFirst("input[type=checkbox], input[type=radio]")
                                    .id());
        }
        assertThat(targets).as("controls in error are in the summary").containsAll(marked);
        checkDescriptions(page);
    }

    /** The fieldset of a radio or checkbox that is one of a group, or null for any other control. */
    private static Element groupOf(Element control) {
        boolean box =
                control.attr("type").equals("checkbox") || control.attr("type").equals("radio");
        return box ? control.closest("fieldset.form-group") : null;
    }

    /** Every aria-describedby on the page names elements that exist. */
    private static void checkDescriptions(Document page) {
        for (Element described : page.select("[aria-describedby]")) {
            assertThat(ids(described.attr("aria-describedby")))
                    .as("aria-describedby of " + described.attr("name"))
                    .isNotEmpty();
            for (String id : ids(described.attr("aria-describedby"))) {
                assertThat(page.getElementById(id))
                        .as("aria-describedby " + id + " of " + described.attr("name"))
                        .isNotNull();
            }
        }
    }

    private static List<String> ids(String attribute) {
        return Arrays.stream(attribute.split(" ")).filter(id -> !id.isEmpty()).toList();
    }

    private static String cssId(String id) {
        return "\"" + id + "\"";
    }
}
