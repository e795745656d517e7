package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.ApplicationFormRulesTests;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.GuideRulesTests;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.LicenceFixtures;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.Accessibility;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Every kind of page the platform serves passes axe-core's WCAG 2.1 A and AA rules in a real browser (Debian's
 * Chromium): the portal, signing in and registering, 个人中心, applying online and 我的办件, the public progress lookup,
 * the clerk's workbench, 电子监察, 好差评, the statistics and the administration pages — each seen by the person who
 * uses it, and the forms also as they answer bad input, since error states are where accessibility usually breaks.
 * One test per page, so that a failure names the page and lists each rule broken with the elements at fault.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

    /** Who looks at a page: each a session of its own, handed to the browser as its cookie. */
    enum Persona {
        ANONYMOUS,
        CITIZEN,
        /** Counter clerk, examiner, approver and supervisor of the online item's department. */
        OFFICER,
        /** The demo's combined administrator, who also edits and reviews the catalogue and checks identities. */
        ADMINISTRATOR,
        /** A member of staff who has given the password and not yet the second factor. */
        HALF_SIGNED_IN,
        /** A member of staff enrolling an authenticator at the first sign-in. */
        ENROLLING,
        /** A member of staff whose first password an administrator set, to be replaced. */
        REPLACING_PASSWORD,
        /** A citizen holding a 营业执照 issued by the online registration of a 个体工商户. */
        HOLDER,
        /** The licence officer of the department that issued the holder's licence. */
        LICENCE_OFFICER
    }

    /**
     * A page to check: opened by {@code who} at {@code path}, then {@code then} done on it (a bad form sent, or a
     * wait for its scripts). {@code errorShown}: the page must show an error (summary or message) once done.
     */
    record Visit(String name, Persona who, String path, Consumer<WebDriver> then, boolean errorShown) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String SESSION_COOKIE = "ZHENGWU_SESSION";
    static final String CLIENT_ADDRESS = "198.51.100.73";

    @LocalServerPort
    int port;

    @Autowired
    LicenceFixtures licenceFixtures;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    ApplicationForms forms;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Enterprises enterprises;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    CatalogEditing editing;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver driver;
    private final Map<Persona, String> sessions = new EnumMap<>(Persona.class);
    private final List<Visit> visits = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        driver = Chromium.start("zhengwu-accessibility");
        // As a client of its own behind the (trusted, local) proxy, so that the public forms sent here do not count
        // against the allowance of 127.0.0.1, which the other tests share (see TestBrowser).
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", CLIENT_ADDRESS)));
        PublishedItem item = OnlineItems.first(catalog, CaseKind.PROMISED);
        String department = item.organisation().uscc();
        String division = item.divisionCode();

        // A citizen at 实名 L4 with an enterprise, a draft, a case submitted through the pages, a decided one and a
        // poorly rated one with its rectification task.
        TestPeople.Citizen person = TestPeople.register(citizens, "吴无障");
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        TestBrowser citizen = new TestBrowser(port);
        citizen.signIn(person.username(), TestPeople.PASSWORD);
        sessions.put(Persona.CITIZEN, citizen.cookie(SESSION_COOKIE));
        long personId = directory.find(person.username()).orElseThrow().id();
        long enterpriseId = enterprises.register(
                TestPeople.newCreditCode(),
                "无障碍测试有限公司",
                directory.find(person.username()).orElseThrow());
        grantAgent(citizen, enterpriseId);
        String draftForm = startDraft(citizen, item);
        String submittedForm = startDraft(citizen, item);
        Document receipt = submit(citizen, item, person, submittedForm);
        String submittedCase = submittedForm.replaceAll("/form$", "");
        long submittedId = caseId(submittedCase);
        String number = receipt.selectFirst("[data-testid=case-number]").text();
        String queryCode = receipt.selectFirst("[data-testid=query-code]").text();
        String correctedForm = startDraft(citizen, item);
        submit(citizen, item, person, correctedForm);
        String correctedCase = correctedForm.replaceAll("/form$", "");
        TestCases.Submitted decided = TestCases.completed(caseRecords, department, division, personId);
        // A case under review, on which the examiner may start a 特别程序 or ask for an extension.
        TestCases.Submitted examined = TestCases.submitted(caseRecords, department, division, personId);
        jdbc.sql("""
                        UPDATE cases_case SET status = 'UNDER_REVIEW', stage = 'undertake', accepted_at = now()
                        WHERE id = :id""").param("id", examined.id()).update();
        TestCases.PoorlyRated poorlyRated =
                TestCases.poorlyRated(caseRecords, jdbc, department, division, personId, false);
        long warning =
                jdbc.sql("""
                        INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                        SELECT id, 'YELLOW', due_on, organisation_uscc, division_code, now() FROM cases_case
                        WHERE id = :case RETURNING id""").param("case", submittedId).query(Long.class).single();

        TestBrowser officer = new TestBrowser(port);
        officer.signInNewStaff(
                staff,
                department,
                CaseAccess.CASE_CLERK,
                CaseAccess.CASE_REVIEWER,
                CaseAccess.CASE_APPROVER,
                CaseAccess.CASE_SUPERVISOR);
        sessions.put(Persona.OFFICER, officer.cookie(SESSION_COOKIE));
        requestCorrection(officer, caseId(correctedCase));

        TestBrowser administrator = new TestBrowser(port);
        String administratorName = administrator.signInNewStaff(
                staff,
                null,
                IdentityAccess.ADMIN,
                CatalogAccess.CATALOG_EDITOR,
                CatalogAccess.CATALOG_REVIEWER,
                IdentityAccess.IDENTITY_CLERK);
        sessions.put(Persona.ADMINISTRATOR, administrator.cookie(SESSION_COOKIE));
        long administratorId = directory.find(administratorName).orElseThrow().id();
        String client = registerClient(administrator);
        String serviceClient = registerClient(administrator, "SERVICE", "");
        // Someone who has forgotten their password (not the citizen above, whose messages a minute it would use).
        TestPeople.Citizen forgetful = TestPeople.register(citizens, "忘密码");

        TestBrowser enrolled = new TestBrowser(port);
        String enrolledName = enrolled.signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        TestBrowser halfSignedIn = new TestBrowser(port);
        halfSignedIn.signIn(enrolledName, TestBrowser.STAFF_PASSWORD);
        sessions.put(Persona.HALF_SIGNED_IN, halfSignedIn.cookie(SESSION_COOKIE));
        String newcomer = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(newcomer, "新来的", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        TestBrowser enrolling = new TestBrowser(port);
        enrolling.signIn(newcomer, TestBrowser.STAFF_PASSWORD);
        sessions.put(Persona.ENROLLING, enrolling.cookie(SESSION_COOKIE));
        String shownOnce = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.requireNewPassword(staff.create(
                shownOnce, "初任者", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test"));
        TestBrowser replacing = new TestBrowser(port);
        replacing.signIn(shownOnce, TestBrowser.STAFF_PASSWORD);
        sessions.put(Persona.REPLACING_PASSWORD, replacing.cookie(SESSION_COOKIE));

        // Catalogue entries in the states the editor's pages show: a draft with an application form, one in review.
        VersionRecord draft = entry("草稿");
        VersionRecord inReview = entry("审核中");
        editing.submit(inReview.id(), "editor-a");

        String guide = "/items/" + item.implementationCode();
        Persona anyone = Persona.ANONYMOUS;

        // 门户
        page("portal home", anyone, "/");
        page("portal home in English", anyone, "/?lang=en");
        page("portal home for elders (长者模式)", anyone, "/?care=on");
        page("themes", anyone, "/themes?audience=personal");
        page("departments", anyone, "/departments");
        page("the province's regions", anyone, "/regions/340000");
        page("a city's regions", anyone, "/regions/" + division);
        page("search form", anyone, "/search");
        page("search results", anyone, "/search?q=" + URLEncoder.encode("营业执照", StandardCharsets.UTF_8));
        page("search without results", anyone, "/search?q=" + URLEncoder.encode("没有这样的事项", StandardCharsets.UTF_8));
        page("guide with its application form", anyone, guide);
        page("guide, print version", anyone, guide + "/print");
        page("guide's versions", anyone, guide + "/versions");
        page("guide's first version", anyone, guide + "/versions/1");
        errorPage("page not found", anyone, "/items/11340100662167280R2999999999999");

        // 登录、注册、找回密码
        page("sign-in", anyone, "/login");
        visits.add(new Visit(
                "sign-in refused",
                anyone,
                "/login",
                send("form[action='/login']", Map.of("username", "nobody-here", "password", "wrong"), null),
                true));
        page("registration", anyone, "/register");
        bad(
                "registration with bad fields",
                anyone,
                "/register",
                "form[action='/register']",
                Map.of(
                        "username", "9bad",
                        "realName", "",
                        "idNumber", "1",
                        "mobile", "1",
                        "email", "x",
                        "password", "short",
                        "confirmation", "other"));
        visits.add(new Visit(
                "registration code",
                anyone,
                "/register",
                send("form[action='/register']", newRegistration(), null),
                false));
        visits.add(new Visit(
                "registration code left empty",
                anyone,
                "/register",
                send("form[action='/register']", newRegistration(), null)
                        .andThen(send("form[action='/register/confirm']", Map.of("code", ""), null)),
                true));
        page("password reset", anyone, "/password/reset");
        bad(
                "password reset with no identifier",
                anyone,
                "/password/reset",
                "form[action='/password/reset']",
                Map.of("identifier", " "));
        visits.add(new Visit(
                "password reset code and new password, with bad fields",
                anyone,
                "/password/reset",
                send("form[action='/password/reset']", Map.of("identifier", forgetful.mobile()), null)
                        .andThen(send(
                                "form[action='/password/reset/confirm']",
                                Map.of("code", "", "password", "short", "confirmation", "other"),
                                null)),
                true));
        page("second factor", Persona.HALF_SIGNED_IN, "/login/mfa");
        bad(
                "second factor without a code",
                Persona.HALF_SIGNED_IN,
                "/login/mfa",
                "form[action='/login/mfa']",
                Map.of("code", ""));
        page("authenticator enrolment", Persona.ENROLLING, "/account/mfa/setup");
        page("first password", Persona.REPLACING_PASSWORD, "/login/new-password");
        bad(
                "first password too short",
                Persona.REPLACING_PASSWORD,
                "/login/new-password",
                "form[action='/login/new-password']",
                Map.of("password", "short", "confirmation", "other"));

        // 个人中心
        Persona citizenPersona = Persona.CITIZEN;
        page("account", citizenPersona, "/account");
        page("password change", citizenPersona, "/account/password");
        bad(
                "password change with bad fields",
                citizenPersona,
                "/account/password",
                "form[action='/account/password']",
                Map.of("current", "", "password", "x", "confirmation", "y"));
        page("mobile verification", citizenPersona, "/account/mobile");
        bad(
                "mobile verification without a code",
                citizenPersona,
                "/account/mobile",
                "form[action='/account/mobile']",
                Map.of("code", ""));
        page("mobile change", citizenPersona, "/account/mobile/change");
        visits.add(new Visit(
                "mobile change code left empty",
                citizenPersona,
                "/account/mobile/change",
                send("form[action='/account/mobile/change']", Map.of("mobile", TestPeople.newMobile()), null)
                        .andThen(send("form[action='/account/mobile/change/confirm']", Map.of("code", ""), null)),
                true));
        bad(
                "mobile change with a bad number",
                citizenPersona,
                "/account/mobile/change",
                "form[action='/account/mobile/change']",
                Map.of("mobile", "1"));
        page("enterprises", citizenPersona, "/account/enterprises");
        page("enterprise", citizenPersona, "/account/enterprises/" + enterpriseId);
        bad(
                "agent grant with bad fields",
                citizenPersona,
                "/account/enterprises/" + enterpriseId,
                "form[action$='/agents']",
                Map.of("agent", "", "from", "not-a-date", "to", ""));

        // 在线办理、我的办件
        page("apply: start", citizenPersona, "/apply/" + item.implementationCode());
        page("apply: form and materials", citizenPersona, draftForm);
        visits.add(new Visit(
                "apply: form sent incomplete",
                citizenPersona,
                draftForm,
                send(
                        "form[data-testid=application-form]",
                        blankAnswers(item),
                        "form[data-testid=application-form] [data-testid=to-review]"),
                true));
        visits.add(new Visit("apply: upload refused", citizenPersona, draftForm, uploadEmptyFile(), true));
        page("apply: review", citizenPersona, draftForm.replaceAll("/form$", "/review"));
        page("apply: receipt", citizenPersona, submittedCase + "/receipt");
        page("who used my data", citizenPersona, "/my/data-uses");
        page("my cases", citizenPersona, "/my/cases");
        page("my case with its timeline", citizenPersona, submittedCase);
        page("my case waiting for 补正", citizenPersona, correctedCase);
        page("my decided case", citizenPersona, "/my/cases/" + decided.id());
        page("rating", citizenPersona, "/my/cases/" + decided.id() + "/rating");
        page("notice: 准予决定书", citizenPersona, "/my/cases/" + decided.id() + "/notices/approval");
        page("notice: 补正材料通知书", citizenPersona, correctedCase + "/notices/correction");
        bad(
                "rating without a score",
                citizenPersona,
                "/my/cases/" + decided.id() + "/rating",
                "form[action$='/rating']",
                Map.of("comment", "差".repeat(501)));

        // 办件进度查询
        page("progress lookup", anyone, "/progress");
        visits.add(new Visit(
                "progress found",
                anyone,
                "/progress",
                send("form[action='/progress']", Map.of("number", number, "code", queryCode), null),
                false));
        bad(
                "progress with a malformed number",
                anyone,
                "/progress",
                "form[action='/progress']",
                Map.of("number", "34010020261204000123X", "code", ""));
        visits.add(new Visit(
                "progress not found",
                anyone,
                "/progress",
                send("form[action='/progress']", Map.of("number", number, "code", "AAAAAAAA"), null),
                true));

        // 电子证照: verification, 我的证照, the issuing officer's pages.
        LicenceFixtures.Issued issued = licenceFixtures.businessLicence("无障碍", "合肥市蜀山区无障碍书店");
        TestBrowser holder = new TestBrowser(port);
        holder.signIn(issued.citizen().username(), TestPeople.PASSWORD);
        sessions.put(Persona.HOLDER, holder.cookie(SESSION_COOKIE));
        TestBrowser licenceOfficer = new TestBrowser(port);
        licenceOfficer.signInNewStaff(
                staff,
                issued.licence().issuerUscc(),
                LicenceAccess.LICENCE_OFFICER,
                LicenceAccess.LICENCE_USER,
                LicenceAccess.LICENCE_TRUST_ADMIN);
        sessions.put(Persona.LICENCE_OFFICER, licenceOfficer.cookie(SESSION_COOKIE));
        long licenceId = issued.licence().id();
        page("licence verification", anyone, "/licences/verification");
        page(
                "licence verified",
                anyone,
                "/licences/verification?identifier=" + issued.licence().identifier());
        page("licence identifier malformed", anyone, "/licences/verification?identifier=1.2.156.3005.2.X");
        page("my licences", Persona.HOLDER, "/my/licences");
        page("my licence", Persona.HOLDER, "/my/licences/" + licenceId);
        page("licences issued", Persona.LICENCE_OFFICER, "/licences/manage");
        page("trusted issuer roots", Persona.LICENCE_OFFICER, "/licences/trust");
        page("licence import", Persona.LICENCE_OFFICER, "/licences/import");
        page("licence issued", Persona.LICENCE_OFFICER, "/licences/manage/" + licenceId);
        long authorisation =
                jdbc.sql("""
                        INSERT INTO licence_authorisation (type_code, issuer_uscc, number, grantee_uscc, grantee_name,
                            scope, valid_until, granted_by, granted_at)
                        SELECT type_code, issuer_uscc, number, issuer_uscc, issuer_name, 'FILE', CURRENT_DATE + 30,
                               holder_account_id, now()
                        FROM licence_licence WHERE id = :id RETURNING id""").param("id", licenceId).query(Long.class).single();
        page("licences authorised to the organisation", Persona.LICENCE_OFFICER, "/licences/authorised");
        page(
                "a licence authorised to the organisation",
                Persona.LICENCE_OFFICER,
                "/licences/authorised/" + authorisation);
        bad(
                "licence authorisation without a department",
                Persona.HOLDER,
                "/my/licences/" + licenceId,
                "form[data-testid='authorise']",
                Map.of("grantee", "", "caseNumber", "123"));
        bad(
                "licence annotation without a note",
                Persona.LICENCE_OFFICER,
                "/licences/manage/" + licenceId + "/annotate",
                "form[action$='/annotate']",
                Map.of("reason", "", "content", ""));

        // 工作台、电子监察、好差评、统计
        Persona officerPersona = Persona.OFFICER;
        page("workbench: to do", officerPersona, "/workbench");
        page("workbench: all", officerPersona, "/workbench?tab=all");
        page("workbench: warnings", officerPersona, "/workbench?tab=warnings");
        errorPage("workbench with a malformed number", officerPersona, "/workbench?number=12345");
        page("workbench: case", officerPersona, "/workbench/cases/" + submittedId);
        bad(
                "workbench: refusal without a reason",
                officerPersona,
                "/workbench/cases/" + submittedId,
                "form[action$='/steps']",
                Map.of("action", "REFUSE", "opinion", ""));
        page("workbench: case clock", officerPersona, "/workbench/cases/" + submittedId + "/clock");
        page("workbench: case under review", officerPersona, "/workbench/cases/" + examined.id());
        page("workbench: 受理通知书", officerPersona, "/workbench/cases/" + examined.id() + "/notices/acceptance");
        page("counter: items", officerPersona, "/workbench/counter");
        page("counter: applicant", officerPersona, "/workbench/counter/items/" + item.implementationCode());
        bad(
                "counter: applicant with a bad 公民身份号码",
                officerPersona,
                "/workbench/counter/items/" + item.implementationCode(),
                "form[action$='/items/" + item.implementationCode() + "']",
                Map.of("name", "王五", "idNumber", "340102199001010015", "mobile", "139"));
        bad(
                "workbench: 特别程序 without its fields",
                officerPersona,
                "/workbench/cases/" + examined.id(),
                "form[action$='/clock/pause']",
                Map.of("pauseReason", "", "pauseStart", ""));
        page("supervision", officerPersona, "/supervision");
        page("supervision: warning", officerPersona, "/supervision/warnings/" + warning);
        bad(
                "supervision: 督办 without a note",
                officerPersona,
                "/supervision/warnings/" + warning,
                "form[action$='/supervise']",
                Map.of("note", ""));
        page("ratings", officerPersona, "/ratings");
        page("rectification tasks", officerPersona, "/ratings/tasks");
        page("rectification task", officerPersona, "/ratings/tasks/" + poorlyRated.taskId());
        bad(
                "rectification without measures",
                officerPersona,
                "/ratings/tasks/" + poorlyRated.taskId(),
                "form[action$='/rectification']",
                Map.of("measures", " "));
        visits.add(new Visit("statistics", officerPersona, "/statistics", chartsDrawn(), false));
        errorPage("statistics for an impossible period", officerPersona, "/statistics?from=2026-02-30&to=2026-03-01");
        page("security keys", officerPersona, "/account/webauthn");

        // 管理后台
        Persona admin = Persona.ADMINISTRATOR;
        page("administration home", admin, "/admin");
        page("accounts", admin, "/admin/accounts");
        page("account", admin, "/admin/accounts/" + administratorId);
        page("new member of staff", admin, "/admin/accounts/new");
        bad(
                "new member of staff with bad fields",
                admin,
                "/admin/accounts/new",
                "form[action='/admin/accounts/new']",
                Map.of("username", "9", "displayName", "", "password", "x"));
        page("roles", admin, "/admin/roles");
        page("connected systems", admin, "/admin/clients");
        page("connected system", admin, "/admin/clients/" + client);
        page("connected system: deletion", admin, "/admin/clients/" + client + "/delete");
        page("department system with its API access", admin, "/admin/clients/" + serviceClient);
        bad(
                "department system's API access without an organisation",
                admin,
                "/admin/clients/" + serviceClient,
                "form[action$='/api-access']",
                Map.of("organisation", "", "scopes", "cases.read"));
        bad(
                "connected system with bad fields",
                admin,
                "/admin/clients",
                "form[action='/admin/clients']",
                Map.of("clientId", "A", "name", "", "redirectUris", "ftp://x", "scopes", "BAD SCOPE"));
        page("accountability log", admin, "/admin/audit");
        errorPage("accountability log searched with bad dates", admin, "/admin/audit?from=2026-13-45&to=abc");
        page("outbox", admin, "/admin/outbox");
        page("counter identity check", admin, "/admin/identity/in-person");
        bad(
                "counter identity check with a bad number",
                admin,
                "/admin/identity/in-person",
                "form[action='/admin/identity/in-person']",
                Map.of("idNumber", "123"));
        page("legal representatives", admin, "/admin/identity/enterprises");
        page("organisations", admin, "/admin/organisations");
        page("organisation", admin, "/admin/organisations/" + department);
        page("new organisation", admin, "/admin/organisations/new");
        bad(
                "new organisation with bad fields",
                admin,
                "/admin/organisations/new",
                "form[action='/admin/organisations/new']",
                Map.of("uscc", "bad", "name", "", "divisionCode", "999999"));
        page("division import", admin, "/admin/divisions/import");
        page("working-day calendar", admin, "/admin/calendar");
        page("working-day calendar: a year", admin, "/admin/calendar/2026");
        bad(
                "working-day calendar: a bad day",
                admin,
                "/admin/calendar/2095",
                "form[action='/admin/calendar/2095/days']",
                Map.of("date", "2095-02-30", "reason", ""));
        // 基础信息资源库 and 共享交换: the administrator holds every staff role of the new installation.
        page("base library imports", admin, "/admin/basedata/imports");
        page("base library lookup", admin, "/admin/basedata/lookup");
        page("places", admin, "/admin/basedata/places");
        page("indicators", admin, "/admin/basedata/indicators");
        visits.add(new Visit("indicator series", admin, "/admin/basedata/indicators/GDP", chartsDrawn(), false));
        page("resource catalogue", admin, "/exchange/resources");
        page("population resource", admin, "/exchange/resources/101001-000001");
        page("sharing request", admin, "/exchange/resources/101001-000001/request");
        page("new resource", admin, "/exchange/resources/new");
        page("the organisation's requests", admin, "/exchange/grants/mine");
        page("requests waiting for a decision", admin, "/exchange/grants/waiting");
        page("overdue sharing requests", admin, "/exchange/supervision");
        page("data access log", admin, "/exchange/supervision/access");
        page("subscriptions", admin, "/workbench/exchange/subscriptions");
        page("catalogue", admin, "/admin/catalog");
        page("catalogue entry", admin, "/admin/catalog/items/" + draft.itemId());
        page("catalogue version in review", admin, "/admin/catalog/versions/" + inReview.id());
        page("catalogue: new entry", admin, "/admin/catalog/new");
        bad(
                "catalogue: new entry with bad fields",
                admin,
                "/admin/catalog/new",
                "form[action='/admin/catalog/new']",
                Map.of("guide.visits", "abc", "guide.realNameLevel", "9"));
        page("catalogue: guide editor", admin, "/admin/catalog/versions/" + draft.id() + "/edit");
        page("catalogue: application form editor", admin, "/admin/catalog/versions/" + draft.id() + "/form");
        bad(
                "catalogue: application form with bad fields",
                admin,
                "/admin/catalog/versions/" + draft.id() + "/form",
                "form[data-testid=form-editor]",
                Map.of("fields[0].key", "Bad Key"));
        page("catalogue: base items", admin, "/admin/catalog/base-items");
        page("catalogue: new base item", admin, "/admin/catalog/base-items/new");
        page("catalogue: exchange", admin, "/admin/catalog/exchange");
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    Stream<Visit> visits() {
        return visits.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visits")
    void passesTheWcag21AaRules(Visit visit) {
        become(visit.who());
        driver.get(url(visit.path()));
        String landed = URI.create(driver.getCurrentUrl()).getPath();
        assertThat(landed)
                .as(visit.name() + ": where " + visit.path() + " led")
                .isEqualTo(URI.create(visit.path()).getPath());
        visit.then().accept(driver);
        if (visit.errorShown()) {
            assertThat(driver.findElements(By.cssSelector(".error-summary, .error-message, [data-testid=problem]")))
                    .as(visit.name() + ": an error shown on " + driver.getCurrentUrl())
                    .isNotEmpty();
        }
        assertThat(driver.findElements(By.tagName("h1")))
                .as(visit.name() + ": the page's heading")
                .isNotEmpty();
        Accessibility.assertNoViolations(driver, visit.name());
    }

    @Test
    void theCheckFindsWhatBreaksTheRules() {
        driver.get("data:text/html;charset=utf-8,"
                + URLEncoder.encode("""
                                <!DOCTYPE html><html><head><title>反例</title></head><body><main><h1>反例</h1>
                                <label>姓名</label><input id="name"><p style="color:#bbb">浅灰色的字</p>
                                <img src="x.png"></main></body></html>""", StandardCharsets.UTF_8).replace("+", "%20"));
        assertThatThrownBy(() -> Accessibility.assertNoViolations(driver, "a page made to fail"))
                .hasMessageContaining("4 WCAG 2.1 A/AA rule(s) violated on a page made to fail")
                .hasMessageContaining("- html-has-lang (serious)")
                .hasMessageContaining("- label (critical)")
                .hasMessageContaining("- color-contrast (serious)")
                .hasMessageContaining("- image-alt (critical)")
                .hasMessageContaining("[#name]");
    }

    // ------------------------------------------------------------------ visits

    private void page(String name, Persona who, String path) {
        visits.add(new Visit(name, who, path, d -> {}, false));
    }

    /** A page answering bad input in its address (a 400 or 404 page: an error page, or the page with its errors). */
    private void errorPage(String name, Persona who, String path) {
        page(name, who, path);
    }

    /** A form on {@code path} sent with {@code changes}, answered with its errors. */
    private void bad(String name, Persona who, String path, String form, Map<String, String> changes) {
        visits.add(new Visit(name, who, path, send(form, changes, null), true));
    }

    /**
     * Sends the form {@code form} with {@code changes} (field name to value; for radios and boxes, the value ticked,
     * every other unticked) through {@code submitter}, or else its last submit button (the main one, after those
     * that add rows), as a person would, and waits for the answer.
     */
    private static Consumer<WebDriver> send(String form, Map<String, String> changes, String submitter) {
        return d -> {
            ((JavascriptExecutor) d).executeScript("""
                    const form = document.querySelector(arguments[0]);
                    for (const [name, value] of Object.entries(arguments[1])) {
                        for (const control of form.querySelectorAll('[name="' + name + '"]')) {
                            if (control.type === 'checkbox' || control.type === 'radio') {
                                control.checked = control.value === value;
                            } else {
                                control.value = value;
                            }
                        }
                    }""", form, changes);
            List<WebElement> buttons = d.findElement(By.cssSelector(form))
                    .findElements(By.cssSelector("button[type=submit], button:not([type])"));
            WebElement button =
                    submitter == null ? buttons.get(buttons.size() - 1) : d.findElement(By.cssSelector(submitter));
            clickAndWait(d, button);
        };
    }

    /** Clicks {@code button} and waits until the page it leads to has loaded. */
    private static void clickAndWait(WebDriver d, WebElement button) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.beforeSending = true");
        button.click();
        new WebDriverWait(d, Duration.ofSeconds(15))
                .until(x -> Boolean.TRUE.equals(js.executeScript(
                        "return window.beforeSending === undefined && document.readyState === 'complete'")));
    }

    /** An empty file chosen for the first material: refused, and the page says so on that material. */
    private static Consumer<WebDriver> uploadEmptyFile() {
        return d -> {
            try {
                Path empty = Files.createTempFile("空文件", ".pdf");
                WebElement slot = d.findElement(By.cssSelector("[data-testid=material]"));
                slot.findElement(By.cssSelector("input[type=file]")).sendKeys(empty.toString());
                clickAndWait(d, slot.findElement(By.cssSelector("form[enctype] button[type=submit]")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** The statistics page once its script has drawn the charts beside their tables. */
    private static Consumer<WebDriver> chartsDrawn() {
        return d -> new WebDriverWait(d, Duration.ofSeconds(20))
                .until(x ->
                        !x.findElements(By.cssSelector("[data-chart] canvas")).isEmpty());
    }

    /** The application form's fields emptied: what an applicant who has typed nothing sends. */
    private Map<String, String> blankAnswers(PublishedItem item) {
        Map<String, String> blank = new LinkedHashMap<>();
        for (FormField f : forms.formOf(item.guide()).fields()) {
            blank.put("values[" + f.key() + "]", "");
        }
        return blank;
    }

    // ------------------------------------------------------------------ the browser

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Hands the persona's session to the browser: its cookie alone, nothing left of the last page's visitor. */
    private void become(Persona who) {
        // A static file sets no cookie: the browser is on the site, so that its cookies can be set.
        driver.get(url("/css/zhengwu.css"));
        driver.manage().deleteAllCookies();
        String session = sessions.get(who);
        if (session != null) {
            driver.manage().addCookie(new Cookie(SESSION_COOKIE, session, "/"));
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** Starts a draft of {@code item} and returns its form page's address. */
    private String startDraft(TestBrowser browser, PublishedItem item) {
        TestBrowser.Page start = browser.get("/apply/" + item.implementationCode());
        TestBrowser.Page begun =
                browser.post("/apply/" + item.implementationCode(), Map.of("_csrf", TestBrowser.csrf(start)));
        if (begun.status() != 302) {
            throw new IllegalStateException("no draft of " + item.implementationCode() + ": " + begun.status());
        }
        return browser.relative(begun.location());
    }

    /** Fills in the draft's form, uploads every required material, submits it; returns the receipt. */
    private Document submit(TestBrowser browser, PublishedItem item, TestPeople.Citizen person, String formAddress) {
        Document formPage = browser.get(formAddress).html();
        String caseAddress = formAddress.replaceAll("/form$", "");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("_csrf", TestBrowser.csrf(browser.get(formAddress)));
        for (FormField f : forms.formOf(item.guide()).fields()) {
            Element control = formPage.getElementById("values" + f.key());
            String shown = control == null ? "" : control.val();
            boolean box = control != null && Set.of("radio", "checkbox").contains(control.attr("type"));
            answers.put(
                    "values[" + f.key() + "]",
                    !shown.isBlank() && !box
                            ? shown
                            : switch (f.type()) {
                                case TEXT -> "无障碍测试";
                                case TEXTAREA -> "无障碍测试说明";
                                case NUMBER -> "1";
                                case DATE -> "2026-01-05";
                                case CHOICE -> f.options().get(0).code();
                                case CHECKBOX -> "true";
                                case CITIZEN_ID -> person.idNumber();
                                case USCC -> TestPeople.newCreditCode();
                                case DIVISION -> "340100";
                                case MOBILE -> person.mobile();
                                case EMAIL -> "access@example.cn";
                            });
        }
        for (int i = 0; i < item.guide().materials().size(); i++) {
            var m = item.guide().materials().get(i);
            if (m.required() && m.condition() == null) {
                browser.postMultipart(
                        caseAddress + "/materials",
                        Map.of("material", List.of(String.valueOf(i + 1)), "_csrf", List.of(answers.get("_csrf"))),
                        Map.of("file", new TestBrowser.FilePart("申请材料.pdf", "application/pdf", TestCases.PDF)));
            }
        }
        answers.put("next", "review");
        TestBrowser.Page checked = browser.post(formAddress, answers);
        if (checked.status() != 302) {
            throw new IllegalStateException("the draft was not complete: "
                    + checked.html().select(".error-summary").text());
        }
        TestBrowser.Page review = browser.get(caseAddress + "/review");
        Element key = review.html().selectFirst("input[name=submissionKey]");
        TestBrowser.Page submitted = browser.post(
                caseAddress + "/submit", Map.of("submissionKey", key.val(), "_csrf", TestBrowser.csrf(review)));
        return browser.get(browser.relative(submitted.location())).html();
    }

    /** The representative names another person (实名 L2) the enterprise's agent, through the enterprise's page. */
    private void grantAgent(TestBrowser representative, long enterpriseId) {
        TestPeople.Citizen agent = TestPeople.register(citizens, "郑代办");
        jdbc.sql("UPDATE identity_account SET real_name_level = 2 WHERE username = :u")
                .param("u", agent.username())
                .update();
        String page = "/account/enterprises/" + enterpriseId;
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        TestBrowser.Page granted = representative.post(
                page + "/agents",
                Map.of(
                        "_csrf", TestBrowser.csrf(representative.get(page)),
                        "agent", agent.username(),
                        "scope", "APPLY_AND_QUERY",
                        "from", today.toString(),
                        "to", today.plusMonths(6).toString()));
        if (granted.status() != 302) {
            throw new IllegalStateException("no agent granted: "
                    + granted.html().select(".error-summary").text());
        }
    }

    /** What a new person types into the registration form. */
    private static Map<String, String> newRegistration() {
        String idNumber = TestPeople.newIdNumber();
        return Map.of(
                "username", "access" + idNumber.substring(12),
                "realName", "注册无障",
                "idNumber", idNumber,
                "mobile", TestPeople.newMobile(),
                "email", "",
                "password", "Access-Registration-5",
                "confirmation", "Access-Registration-5");
    }

    private static long caseId(String caseAddress) {
        return Long.parseLong(caseAddress.replaceAll("\\D+", ""));
    }

    /** The counter clerk asks for 补正 through the workbench's form. */
    private static void requestCorrection(TestBrowser clerk, long caseId) {
        Document page = clerk.get("/workbench/cases/" + caseId).html();
        Map<String, String> fields = new LinkedHashMap<>();
        TestBrowser.formFields(page.selectFirst("form[action$=/steps]"))
                .forEach((name, values) -> fields.put(name, values.get(0)));
        fields.put("action", "REQUEST_CORRECTION");
        fields.put("opinion", "请补交清晰的身份证明扫描件。");
        TestBrowser.Page asked = clerk.post("/workbench/cases/" + caseId + "/steps", fields);
        if (asked.status() != 302) {
            throw new IllegalStateException("补正 was not asked for case " + caseId + ": " + asked.status());
        }
    }

    /** A connected system registered by the administrator; its client_id. */
    private static String registerClient(TestBrowser administrator) {
        return registerClient(administrator, "WEB", "https://access.example.cn/callback");
    }

    private static String registerClient(TestBrowser administrator, String kind, String redirectUris) {
        String clientId = "access-" + UUID.randomUUID().toString().substring(0, 8);
        TestBrowser.Page registered = administrator.post(
                "/admin/clients",
                Map.of(
                        "_csrf",
                        TestBrowser.csrf(administrator.get("/admin/clients")),
                        "clientId",
                        clientId,
                        "name",
                        "无障碍测试系统",
                        "kind",
                        kind,
                        "redirectUris",
                        redirectUris,
                        "postLogoutRedirectUris",
                        "",
                        "scopes",
                        ""));
        if (registered.status() != 302) {
            throw new IllegalStateException("the client was not registered: "
                    + registered.html().select(".error-summary").text());
        }
        return clientId;
    }

    private VersionRecord entry(String stage) {
        BaseItemRecord base = editing.createBaseItem(
                "无障碍" + stage + UUID.randomUUID().toString().substring(0, 6), ItemType.LICENSING, null, "editor-a");
        return editing.createEntry(
                base.baseCode(),
                "11340100662167280R",
                null,
                GuideRulesTests.valid().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build(),
                "editor-a");
    }
}
