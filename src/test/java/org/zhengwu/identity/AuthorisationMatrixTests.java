package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.basedata.library.LibraryImport;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.document.LicenceContent;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Every endpoint of the platform against every kind of caller: who is expected through, and who must be stopped
 * (401, 403, a redirect to sign-in, or 404 for another's object). The table must name every request mapping the
 * application has, so that a new endpoint cannot be added without deciding who may use it.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

    enum Persona {
        ANONYMOUS,
        /** A member of staff (an administrator) who has given the password but not the second factor. */
        HALF_SIGNED_IN,
        CITIZEN_A,
        CITIZEN_B,
        AGENT,
        OTHER_CLERK,
        OWN_CLERK,
        /** The demo's administrator, who holds all three administrators' roles (only where the profile allows it). */
        ADMINISTRATOR,
        /** 三员分立: each of the three administrators alone. */
        SYSTEM_ADMIN,
        SECURITY_ADMIN,
        AUDITOR
    }

    private static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);
    private static final Set<Persona> SIGNED_IN =
            EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS, Persona.HALF_SIGNED_IN));
    /** The second-factor pages: whoever has given a password. */
    private static final Set<Persona> PASSWORD_GIVEN = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS));

    private static final Set<Persona> PERSONS = EnumSet.of(Persona.CITIZEN_A, Persona.CITIZEN_B, Persona.AGENT);
    private static final Set<Persona> STAFF = EnumSet.of(
            Persona.OTHER_CLERK,
            Persona.OWN_CLERK,
            Persona.ADMINISTRATOR,
            Persona.SYSTEM_ADMIN,
            Persona.SECURITY_ADMIN,
            Persona.AUDITOR);
    private static final Set<Persona> CLERKS = EnumSet.of(Persona.OTHER_CLERK, Persona.OWN_CLERK);
    private static final Set<Persona> OWN_CLERK = EnumSet.of(Persona.OWN_CLERK);
    /** Accounts, connected systems, reference data: the system administrator's. */
    private static final Set<Persona> SYSTEM_ADMINS = EnumSet.of(Persona.ADMINISTRATOR, Persona.SYSTEM_ADMIN);
    /** Roles, unlocks, second-factor resets, the data keys: the security administrator's. */
    private static final Set<Persona> SECURITY_ADMINS = EnumSet.of(Persona.ADMINISTRATOR, Persona.SECURITY_ADMIN);
    /** The accountability log: the auditor's. */
    private static final Set<Persona> AUDITORS = EnumSet.of(Persona.ADMINISTRATOR, Persona.AUDITOR);
    /** Accounts are read by the two who act on them. */
    private static final Set<Persona> ACCOUNT_READERS =
            EnumSet.of(Persona.ADMINISTRATOR, Persona.SYSTEM_ADMIN, Persona.SECURITY_ADMIN);

    private static final Set<Persona> NOBODY = EnumSet.noneOf(Persona.class);

    /** Endpoints left out of the table, each with the test that covers it instead. */
    private static final Map<String, String> ELSEWHERE =
            Map.of("/error", "the error dispatch, reached only through another request's failure");

    /** {@code url}: the address each persona asks for (the same for all, but where asking takes effect). */
    record Probe(
            String method,
            String pattern,
            Function<Persona, String> url,
            Map<String, String> form,
            Set<Persona> allowed) {}

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Enterprises enterprises;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    FileStore fileStore;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    LicenceDocuments licenceDocuments;

    @Autowired
    LicenceRecords licenceRecords;

    @Autowired
    SealedFields sealedFields;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Persona, TestBrowser> browsers = new EnumMap<>(Persona.class);
    private final Map<Persona, String> csrf = new EnumMap<>(Persona.class);
    private final List<Probe> probes = new ArrayList<>();
    private final Map<Persona, String> clerkNames = new EnumMap<>(Persona.class);

    @Autowired
    LibraryImport libraryImport;

    @BeforeAll
    void setUp() {
        // An entry of a city department; the other clerk works for a department of one of the city's districts, whose
        // region (the district) does not reach up to the city.
        Map<String, Object> entry = jdbc.sql("""
                        SELECT i.id, i.organisation_uscc, i.division_code, i.implementation_code, v.id AS version_id,
                               v.version_no
                        FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        WHERE i.division_code = '340100' ORDER BY i.id DESC LIMIT 1""").query().singleRow();
        String ownOrganisation = (String) entry.get("organisation_uscc");
        String otherOrganisation = jdbc.sql("""
                        SELECT uscc FROM basedata_organisation
                        WHERE division_code = '340111' LIMIT 1""").query(String.class).single();

        TestPeople.Citizen a = TestPeople.register(citizens, "甲某某");
        TestPeople.Citizen b = TestPeople.register(citizens, "乙某某");
        TestPeople.Citizen agent = TestPeople.register(citizens, "丙某某");
        TestPeople.Citizen secondAgent = TestPeople.register(citizens, "丁某某");
        var accountA = directory.find(a.username()).orElseThrow();
        long enterpriseId = enterprises.register(TestPeople.newCreditCode(), "甲某某科技有限公司", accountA);
        var enterprise = enterprises.find(enterpriseId).orElseThrow();
        LocalDate today = enterprises.today();
        enterprises.grant(
                enterprise,
                accountA,
                directory.find(agent.username()).orElseThrow(),
                Enterprises.AgentScope.ALL,
                today,
                today.plusDays(30));
        enterprises.grant(
                enterprise,
                accountA,
                directory.find(secondAgent.username()).orElseThrow(),
                Enterprises.AgentScope.QUERY_ONLY,
                today,
                today.plusDays(30));
        long revocableGrant = enterprises.grants(enterpriseId).stream()
                .filter(g -> g.agentUsername().equals(secondAgent.username()))
                .findFirst()
                .orElseThrow()
                .id();

        signInPerson(Persona.CITIZEN_A, a);
        signInPerson(Persona.CITIZEN_B, b);
        signInPerson(Persona.AGENT, agent);
        browsers.put(Persona.ANONYMOUS, new TestBrowser(port));
        for (Persona clerk : List.of(Persona.OTHER_CLERK, Persona.OWN_CLERK)) {
            List<String> roles = new ArrayList<>(List.of(
                    CatalogAccess.CATALOG_EDITOR,
                    CatalogAccess.CATALOG_REVIEWER,
                    IdentityAccess.IDENTITY_CLERK,
                    CaseAccess.CASE_CLERK,
                    CaseAccess.CASE_REVIEWER,
                    CaseAccess.CASE_APPROVER,
                    LicenceAccess.LICENCE_OFFICER,
                    LicenceAccess.LICENCE_USER,
                    ExchangeAccess.RESOURCE_CATALOGUER,
                    ExchangeAccess.RESOURCE_REVIEWER,
                    ExchangeAccess.DATA_REQUESTER,
                    ExchangeAccess.DATA_STEWARD));
            if (clerk == Persona.OWN_CLERK) {
                // The supervisors' pages (ratings, statistics) need someone let in: the own clerk also supervises the
                // city (electronic supervision is a separate role, which the other clerk lacks, so both sides show).
                roles.add(CaseAccess.CASE_SUPERVISOR);
                roles.add(LicenceAccess.LICENCE_TRUST_ADMIN);
                roles.add(ExchangeAccess.EXCHANGE_SUPERVISOR);
                // The base libraries' import and lookup: the own clerk only.
                roles.add(BaseDataAccess.LIBRARY_IMPORTER);
                roles.add(BaseDataAccess.LIBRARY_READER);
            }
            TestBrowser browser = new TestBrowser(port);
            String clerkName = browser.signInNewStaff(
                    staff,
                    clerk == Persona.OWN_CLERK ? ownOrganisation : otherOrganisation,
                    roles.toArray(String[]::new));
            browsers.put(clerk, browser);
            clerkNames.put(clerk, clerkName);
        }
        TestBrowser administrator = new TestBrowser(port);
        String administratorName = administrator.signInNewAdministrator(staff);
        browsers.put(Persona.ADMINISTRATOR, administrator);
        for (var duty : Map.of(
                        Persona.SYSTEM_ADMIN, IdentityAccess.SYSTEM_ADMIN,
                        Persona.SECURITY_ADMIN, IdentityAccess.SECURITY_ADMIN,
                        Persona.AUDITOR, IdentityAccess.AUDITOR)
                .entrySet()) {
            TestBrowser browser = new TestBrowser(port);
            browser.signInNewStaff(staff, null, duty.getValue());
            browsers.put(duty.getKey(), browser);
        }
        TestBrowser halfSignedIn = new TestBrowser(port);
        assertThat(halfSignedIn
                        .signIn(administratorName, TestBrowser.STAFF_PASSWORD)
                        .location())
                .endsWith("/login/mfa");
        browsers.put(Persona.HALF_SIGNED_IN, halfSignedIn);
        browsers.forEach((persona, browser) -> csrf.put(
                persona,
                TestBrowser.csrf(browser.get(
                        switch (persona) {
                            case ANONYMOUS -> "/login";
                            case HALF_SIGNED_IN -> "/login/mfa";
                            default -> "/account";
                        }))));
        // The agent acts for the enterprise, as one who signs in to apply on its behalf would.
        assertThat(browsers.get(Persona.AGENT)
                        .post(
                                "/account/acting",
                                Map.of("enterprise", String.valueOf(enterpriseId), "_csrf", csrf.get(Persona.AGENT)))
                        .status())
                .isEqualTo(302);
        // Connected systems registered as an administrator registers them: one to look at, and one to be deleted by
        // each
        // administrator who may delete one.
        String targetClient = "matrix-" + TestPeople.newMobile();
        Map<Persona, String> doomedClients = new EnumMap<>(Persona.class);
        SYSTEM_ADMINS.forEach(persona -> doomedClients.put(persona, "matrix-" + TestPeople.newMobile()));
        List<String> clients = new ArrayList<>(doomedClients.values());
        clients.add(targetClient);
        for (String clientId : clients) {
            assertThat(administrator
                            .post(
                                    "/admin/clients",
                                    Map.of(
                                            "clientId",
                                            clientId,
                                            "name",
                                            "矩阵测试系统",
                                            "kind",
                                            "SERVICE",
                                            "scopes",
                                            "catalog.read",
                                            "_csrf",
                                            csrf.get(Persona.ADMINISTRATOR)))
                            .status())
                    .isEqualTo(302);
        }

        long targetAccount = staff.create(
                "target-" + TestPeople.newMobile(),
                "被管理账号",
                TestBrowser.STAFF_PASSWORD,
                null,
                Set.of(CatalogAccess.CATALOG_EDITOR),
                "test");
        String code = (String) entry.get("implementation_code");
        long itemId = (Long) entry.get("id");
        long versionId = (Long) entry.get("version_id");
        String attachment = jdbc.sql("SELECT id FROM catalog_attachment LIMIT 1")
                .query(String.class)
                .single();
        String division = ((String) entry.get("division_code"));

        // The public portal and the read-only API.
        get("/", EVERYONE);
        get("/themes", EVERYONE);
        get("/departments", EVERYONE);
        get("/regions", EVERYONE);
        get("/regions/{code}", "/regions/" + division, EVERYONE);
        get("/search", "/search?q=" + code, EVERYONE);
        get("/items/{code}", "/items/" + code, EVERYONE);
        get("/items/{code}/print", "/items/" + code + "/print", EVERYONE);
        get("/items/{code}/versions", "/items/" + code + "/versions", EVERYONE);
        get("/items/{code}/versions/{versionNo}", "/items/" + code + "/versions/" + entry.get("version_no"), EVERYONE);
        get("/attachments/{id}", "/attachments/" + attachment, EVERYONE);
        get("/api/v1/items", "/api/v1/items?q=" + code, EVERYONE);
        get("/api/v1/items/{implementationCode}", "/api/v1/items/" + code, EVERYONE);
        get("/api/v1/items/export.csv", EVERYONE);
        get("/api/v1/catalogue/export.json", EVERYONE);
        get("/api/v1/catalogue/base-items.csv", EVERYONE);
        get("/api/v1/catalogue/entries.csv", EVERYONE);
        get("/api/v1/catalogue/materials.csv", EVERYONE);
        get("/api/v1/catalogue/lists.csv", EVERYONE);
        get("/api/v1/organisations/{uscc}", "/api/v1/organisations/" + ownOrganisation, EVERYONE);
        get("/api/v1/divisions/{code}", "/api/v1/divisions/" + division, EVERYONE);
        get("/api/v1/code-tables", EVERYONE);
        get("/api/v1/code-tables/{table}", "/api/v1/code-tables/item-type", EVERYONE);
        get("/api/v1/calendar/days/{date}", "/api/v1/calendar/days/2026-10-01", EVERYONE);
        get("/api/v1/calendar/due-date", "/api/v1/calendar/due-date?from=2026-09-30&workingDays=1", EVERYONE);

        // 办件: citizen A's case at the own clerk's organisation.
        TestCases.Submitted aCase = TestCases.submitted(
                caseRecords,
                ownOrganisation,
                division,
                directory.find(a.username()).orElseThrow().id());
        long aMaterial = TestCases.material(caseRecords, fileStore, aCase.id());
        get("/progress", EVERYONE);
        // A mistyped number: the form again with its error, for everyone (CaseProgressHttpTests looks cases up).
        post("/progress", Map.of("number", "123", "code", "WRONG"), EVERYONE);
        get("/api/v1/cases", SIGNED_IN);
        get(
                "/api/v1/cases/{number}",
                "/api/v1/cases/" + aCase.number().value(),
                EnumSet.of(Persona.CITIZEN_A, Persona.OWN_CLERK));
        // Without the query code: a 400 problem for everyone (CaseProgressHttpTests looks up with it).
        get(
                "/api/v1/case-progress/{number}",
                "/api/v1/case-progress/" + aCase.number().value(),
                EVERYONE);
        // Applying online: persons only; one's own case only (the others' answer is 404).
        String onlineCode = OnlineItems.first(catalog, CaseKind.PROMISED).implementationCode();
        Set<Persona> citizenA = EnumSet.of(Persona.CITIZEN_A);
        get("/apply/{code}", "/apply/" + onlineCode, PERSONS);
        // The personas are at real-name level 1, below what the item asks: each is refused (403) and no draft is made
        // (ApplyOnlineHttpTests starts drafts at level 4).
        post("/apply/{code}", "/apply/" + onlineCode, Map.of(), NOBODY);
        get("/my/cases", PERSONS);
        get("/my/cases/{id}", "/my/cases/" + aCase.id(), citizenA);
        get("/my/cases/{id}/receipt", "/my/cases/" + aCase.id() + "/receipt", citizenA);
        // A submitted case is no draft: its owner meets a conflict (409), nothing changes.
        get("/my/cases/{id}/form", "/my/cases/" + aCase.id() + "/form", citizenA);
        post("/my/cases/{id}/form", "/my/cases/" + aCase.id() + "/form", Map.of("values[x]", "y"), citizenA);
        get("/my/cases/{id}/review", "/my/cases/" + aCase.id() + "/review", citizenA);
        post("/my/cases/{id}/materials", "/my/cases/" + aCase.id() + "/materials", Map.of("material", "1"), citizenA);
        post(
                "/my/cases/{id}/materials/{materialId}/remove",
                "/my/cases/" + aCase.id() + "/materials/" + aMaterial + "/remove",
                Map.of(),
                citizenA);
        // 使用我的电子证照: the owner of a submitted case meets a conflict (409) with or without consent, nothing changes.
        post(
                "/my/cases/{id}/materials/{material}/licence",
                "/my/cases/" + aCase.id() + "/materials/1/licence",
                Map.of("licence", "1.2.156.3005.2.x", "consent", "true"),
                citizenA);
        post(
                "/my/cases/{id}/materials/{material}/licence/remove",
                "/my/cases/" + aCase.id() + "/materials/1/licence/remove",
                Map.of(),
                citizenA);
        // Submitted already: its owner is shown the receipt.
        post(
                "/my/cases/{id}/submit",
                "/my/cases/" + aCase.id() + "/submit",
                Map.of("submissionKey", java.util.UUID.randomUUID().toString()),
                citizenA);
        // A stale version (the case is at version 1): a conflict for its owner, nothing changes.
        post("/my/cases/{id}/withdraw", "/my/cases/" + aCase.id() + "/withdraw", Map.of("version", "0"), citizenA);
        post("/my/cases/{id}/correction", "/my/cases/" + aCase.id() + "/correction", Map.of("version", "0"), citizenA);
        get("/my/cases/{id}/materials/{materialId}", "/my/cases/" + aCase.id() + "/materials/" + aMaterial, citizenA);

        // 一件事: the guides are public; applying is for persons (the personas' level is too low to start a draft);
        // citizen A's draft is theirs alone. On a draft the bundle's page and receipt lead back to its form, and a
        // submission of an incomplete draft comes back to the form with its problem: nothing changes.
        String bundleCode = "YJS340104001";
        get("/bundles", EVERYONE);
        get("/bundles/{code}", "/bundles/" + bundleCode, EVERYONE);
        get("/apply/bundles/{code}", "/apply/bundles/" + bundleCode, PERSONS);
        post("/apply/bundles/{code}", "/apply/bundles/" + bundleCode, Map.of(), NOBODY);
        long aBundle = jdbc.sql("""
                        INSERT INTO cases_bundle (status, bundle_code, bundle_name, division_code, applicant_account_id,
                            created_at, updated_at)
                        VALUES ('DRAFT', :code, '新生儿出生一件事', '340104', :applicant, now(), now())
                        RETURNING id""")
                .param("code", bundleCode)
                .param("applicant", directory.find(a.username()).orElseThrow().id())
                .query(Long.class)
                .single();
        long aBundleMaterial = bundleMaterial(aBundle);
        String bundle = "/my/bundles/" + aBundle;
        get("/my/bundles/{id}", bundle, citizenA);
        get("/my/bundles/{id}/receipt", bundle + "/receipt", citizenA);
        get("/my/bundles/{id}/form", bundle + "/form", citizenA);
        post("/my/bundles/{id}/form", bundle + "/form", Map.of("values[x]", "y"), citizenA);
        get("/my/bundles/{id}/review", bundle + "/review", citizenA);
        post("/my/bundles/{id}/materials", bundle + "/materials", Map.of("material", "1"), citizenA);
        post(
                "/my/bundles/{id}/materials/{materialId}/remove",
                bundle + "/materials/" + aBundleMaterial + "/remove",
                Map.of(),
                citizenA);
        post(
                "/my/bundles/{id}/submit",
                bundle + "/submit",
                Map.of("submissionKey", java.util.UUID.randomUUID().toString()),
                citizenA);
        get(
                "/workbench/cases/{id}/materials/{materialId}",
                "/workbench/cases/" + aCase.id() + "/materials/" + aMaterial,
                OWN_CLERK);
        get("/workbench", CLERKS);
        get("/workbench/cases/{id}", "/workbench/cases/" + aCase.id(), OWN_CLERK);
        // An action that is not one: the case page again with the error, nothing changes.
        post(
                "/workbench/cases/{id}/steps",
                "/workbench/cases/" + aCase.id() + "/steps",
                Map.of("action", "NONE", "version", "0"),
                OWN_CLERK);
        // 窗口收件: clerks with cases.accept, for their own organisation's entries only (another's is a 404); a draft
        // is the registering clerk's alone. An empty applicant form comes back with its errors; the draft (made here
        // by the own clerk, as at the counter) is saved, refused an empty upload, sent back to its form when
        // registered incomplete, and its receipt leads back to the form until it is registered.
        String counterCode = catalog.all().stream()
                .filter(i -> i.organisation().uscc().equals(ownOrganisation)
                        && !i.type().enforcement())
                .findFirst()
                .orElseThrow()
                .implementationCode();
        get("/workbench/counter", CLERKS);
        get("/workbench/counter/items/{code}", "/workbench/counter/items/" + counterCode, OWN_CLERK);
        post(
                "/workbench/counter/items/{code}",
                "/workbench/counter/items/" + counterCode,
                Map.of("kind", "PERSON"),
                OWN_CLERK);
        TestBrowser.Page counterBegun = browsers.get(Persona.OWN_CLERK)
                .post(
                        "/workbench/counter/items/" + counterCode,
                        Map.of(
                                "kind", "PERSON",
                                "name", "窗口矩阵",
                                "idNumber", TestPeople.newIdNumber(),
                                "mobile", TestPeople.newMobile(),
                                "_csrf", csrf.get(Persona.OWN_CLERK)));
        assertThat(counterBegun.status()).as(counterBegun.body()).isEqualTo(302);
        String counterDraft = browsers.get(Persona.OWN_CLERK)
                .relative(counterBegun.location())
                .replaceAll("/form$", "");
        long counterDraftId = Long.parseLong(counterDraft.replaceAll("\\D", ""));
        long counterMaterial = TestCases.material(caseRecords, fileStore, counterDraftId);
        get("/workbench/counter/{id}/form", counterDraft + "/form", OWN_CLERK);
        post("/workbench/counter/{id}/form", counterDraft + "/form", Map.of("values[x]", "y"), OWN_CLERK);
        get("/workbench/counter/{id}/review", counterDraft + "/review", OWN_CLERK);
        post("/workbench/counter/{id}/materials", counterDraft + "/materials", Map.of("material", "1"), OWN_CLERK);
        post(
                "/workbench/counter/{id}/materials/{materialId}/remove",
                counterDraft + "/materials/" + counterMaterial + "/remove",
                Map.of(),
                OWN_CLERK);
        post(
                "/workbench/counter/{id}/submit",
                counterDraft + "/submit",
                Map.of("submissionKey", java.util.UUID.randomUUID().toString()),
                OWN_CLERK);
        get("/workbench/counter/{id}/receipt", counterDraft + "/receipt", OWN_CLERK);
        // 电子监察 and 特别程序: forms with nothing filled in come back with their problems, nothing changes.
        long aWarning =
                jdbc.sql("""
                        INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                        SELECT id, 'YELLOW', due_on, organisation_uscc, division_code, now() FROM cases_case
                        WHERE id = :case RETURNING id""").param("case", aCase.id()).query(Long.class).single();
        // Only the own clerk supervises (CASE_SUPERVISOR, its city): the other clerk is refused the pages (403).
        get("/supervision", OWN_CLERK);
        get("/supervision/warnings/{id}", "/supervision/warnings/" + aWarning, OWN_CLERK);
        post(
                "/supervision/warnings/{id}/supervise",
                "/supervision/warnings/" + aWarning + "/supervise",
                Map.of("note", ""),
                OWN_CLERK);
        get("/workbench/cases/{id}/clock", "/workbench/cases/" + aCase.id() + "/clock", OWN_CLERK);
        for (String procedure : List.of("pause", "resume", "extension")) {
            post(
                    "/workbench/cases/{id}/clock/" + procedure,
                    "/workbench/cases/" + aCase.id() + "/clock/" + procedure,
                    Map.of("version", "0"),
                    OWN_CLERK);
        }

        // 好差评: citizen A rates their own case (this one is not decided yet: the page says so, a rating is refused);
        // a 差评 of the own clerk's department opens a task its staff see and record on, the supervisors see.
        get("/my/cases/{id}/rating", "/my/cases/" + aCase.id() + "/rating", EnumSet.of(Persona.CITIZEN_A));
        // No score: the form again with its error for the applicant.
        post(
                "/my/cases/{id}/rating",
                "/my/cases/" + aCase.id() + "/rating",
                Map.of("score", ""),
                EnumSet.of(Persona.CITIZEN_A));
        TestCases.PoorlyRated poorlyRated = TestCases.poorlyRated(
                caseRecords,
                jdbc,
                ownOrganisation,
                division,
                directory.find(a.username()).orElseThrow().id(),
                false);
        // 办件文书 of the decided case: its department's staff and its applicant.
        get(
                "/workbench/cases/{id}/notices/{kind}",
                "/workbench/cases/" + poorlyRated.caseId() + "/notices/approval",
                OWN_CLERK);
        get(
                "/my/cases/{id}/notices/{kind}",
                "/my/cases/" + poorlyRated.caseId() + "/notices/acceptance",
                EnumSet.of(Persona.CITIZEN_A));
        get("/ratings/tasks", CLERKS);
        get("/ratings/tasks/{id}", "/ratings/tasks/" + poorlyRated.taskId(), OWN_CLERK);
        // Nothing recorded: the task page again with the errors for whoever may record.
        post(
                "/ratings/tasks/{id}/rectification",
                "/ratings/tasks/" + poorlyRated.taskId() + "/rectification",
                Map.of("measures", ""),
                OWN_CLERK);
        post(
                "/ratings/tasks/{id}/follow-ups",
                "/ratings/tasks/" + poorlyRated.taskId() + "/follow-ups",
                Map.of("visitedOn", ""),
                OWN_CLERK);
        get("/ratings", OWN_CLERK);
        get("/statistics", OWN_CLERK);
        get("/statistics/{table}.csv", "/statistics/summary.csv", OWN_CLERK);

        // Signing in, registering and recovering an account.
        get("/login", EVERYONE);
        get("/register", EVERYONE);
        post("/register", Map.of("username", ""), EVERYONE);
        post("/register/confirm", Map.of("code", "000000"), EVERYONE);
        get("/password/reset", EVERYONE);
        post("/password/reset", Map.of("who", ""), EVERYONE);
        post("/password/reset/confirm", Map.of("code", "000000"), EVERYONE);
        get("/login/mfa", PASSWORD_GIVEN);
        post("/login/mfa", Map.of("code", "000000"), PASSWORD_GIVEN);
        // A challenge for a security key: only for a half-signed-in account that has keys (the administrator here has
        // an authenticator app only; SecurityKeyHttpTests has one with keys).
        post("/login/mfa/webauthn/options", Map.of(), NOBODY);
        // A key's answer (none here): the page again for the half-signed-in, the account for the signed-in.
        post("/login/mfa/webauthn", Map.of("credential", ""), PASSWORD_GIVEN);
        // Only for staff whose first password must be replaced (no persona here: FirstPasswordHttpTests); everyone else
        // is sent on, to sign in or to the code page.
        get("/login/new-password", NOBODY);
        post("/login/new-password", Map.of("password", ""), NOBODY);
        get("/account/mfa/setup", PASSWORD_GIVEN);
        post("/account/mfa/setup", Map.of("code", "000000"), PASSWORD_GIVEN);
        // Closing an enrolment this session did not make: back to the code page for the half-signed-in.
        post("/account/mfa/setup/done", Map.of(), SIGNED_IN);
        // Security keys are staff's; at first enrolment only for an account without a second factor (not this one).
        get("/account/webauthn", STAFF);
        post("/account/webauthn/register/options", Map.of(), STAFF);
        post("/account/webauthn/register", Map.of("label", "矩阵测试密钥", "credential", ""), STAFF);
        // A key that is not the caller's (SecurityKeyHttpTests removes real ones).
        post("/account/webauthn/{id}/remove", "/account/webauthn/bm90LWEta2V5LW9mLWFueW9uZQ/remove", Map.of(), NOBODY);
        // Consent for a client that is not registered is shown to no one (the SSO tests show it for real clients).
        get("/oauth2/consent", "/oauth2/consent?client_id=nobody&scope=openid&state=x", NOBODY);

        // One's own account.
        get("/account", SIGNED_IN);
        get("/account/keepalive", SIGNED_IN);
        post("/account/identity-match", Map.of(), SIGNED_IN);
        post("/account/mobile/code", Map.of(), SIGNED_IN);
        get("/account/mobile", SIGNED_IN);
        post("/account/mobile", Map.of("code", "000000"), SIGNED_IN);
        // A person's own mobile; staff have none (404).
        get("/account/mobile/change", PERSONS);
        post("/account/mobile/change", Map.of("mobile", "1"), PERSONS);
        // Without a number waiting for its code, a person is sent back to the first step (a redirect, not a refusal).
        get("/account/mobile/change/confirm", PERSONS);
        post("/account/mobile/change/confirm", Map.of("code", "000000"), PERSONS);
        get("/account/password", SIGNED_IN);
        post("/account/password", Map.of("current", "not-my-password"), SIGNED_IN);
        post(
                "/account/acting",
                "/account/acting",
                Map.of("enterprise", String.valueOf(enterpriseId)),
                EnumSet.of(Persona.CITIZEN_A, Persona.AGENT));
        get("/account/enterprises", PERSONS);
        post("/account/enterprises", Map.of("uscc", "not-a-code"), PERSONS);
        get("/account/enterprises/{id}", "/account/enterprises/" + enterpriseId, EnumSet.of(Persona.CITIZEN_A));
        post(
                "/account/enterprises/{id}/agents",
                "/account/enterprises/" + enterpriseId + "/agents",
                Map.of(),
                EnumSet.of(Persona.CITIZEN_A));

        // 电子证照: a licence of citizen A's, issued by the own clerk's organisation.
        long licence = aLicence(
                ownOrganisation,
                division,
                directory.find(a.username()).orElseThrow().id());
        get("/licences/verification", EVERYONE);
        // Without a file: the form again with its error, for everyone (LicenceHttpTests posts files).
        post("/licences/verification", Map.of(), EVERYONE);
        get("/api/v1/licences/verification", "/api/v1/licences/verification?identifier=1.2.156.3005.2.x", EVERYONE);
        // A form post is not the multipart the API takes (415 for everyone; LicenceHttpTests posts files).
        post("/api/v1/licences/verification", Map.of(), EVERYONE);
        get("/my/licences", PERSONS);
        get("/my/licences/{id}", "/my/licences/" + licence, EnumSet.of(Persona.CITIZEN_A));
        get("/my/licences/{id}/file", "/my/licences/" + licence + "/file", EnumSet.of(Persona.CITIZEN_A));
        get("/my/licences/{id}/page.png", "/my/licences/" + licence + "/page.png", EnumSet.of(Persona.CITIZEN_A));
        // 用证授权: citizen A lets the own clerk's organisation use the licence (file too); a second one to withdraw.
        long authorised = authorise(licence, ownOrganisation);
        long toWithdraw = authorise(licence, ownOrganisation);
        post(
                "/my/licences/{id}/authorisations",
                "/my/licences/" + licence + "/authorisations",
                Map.of("grantee", ""),
                EnumSet.of(Persona.CITIZEN_A));
        get("/licences/authorised", CLERKS);
        get("/licences/authorised/{authorisation}", "/licences/authorised/" + authorised, OWN_CLERK);
        get("/licences/authorised/{authorisation}/file", "/licences/authorised/" + authorised + "/file", OWN_CLERK);
        post(
                "/my/licences/{id}/authorisations/{authorisation}/withdraw",
                "/my/licences/" + licence + "/authorisations/" + toWithdraw + "/withdraw",
                Map.of(),
                EnumSet.of(Persona.CITIZEN_A));
        // 互认: the trust list and imports are the own clerk's (who also holds the trust administrator's role).
        get("/licences/trust", OWN_CLERK);
        post("/licences/trust", Map.of("name", ""), OWN_CLERK);
        // A root that is not on the list: nobody removes it (LicenceImportHttpTests removes a real one).
        post("/licences/trust/{fingerprint}/remove", "/licences/trust/" + "0".repeat(64) + "/remove", Map.of(), NOBODY);
        get("/licences/trust/platform-root.cer", EVERYONE);
        get("/licences/import", OWN_CLERK);
        post("/licences/import", Map.of(), OWN_CLERK);
        get("/licences/manage", CLERKS);
        get("/licences/manage/{id}", "/licences/manage/" + licence, OWN_CLERK);
        get(
                "/licences/manage/{id}/{action:revoke|annotate|reissue}",
                "/licences/manage/" + licence + "/annotate",
                OWN_CLERK);
        // Without a reason: the form again with its error for the issuing officer; nothing changes.
        for (String change : List.of("revoke", "annotate", "reissue")) {
            post(
                    "/licences/manage/{id}/" + change,
                    "/licences/manage/" + licence + "/" + change,
                    Map.of("reason", ""),
                    OWN_CLERK);
        }

        // 共享交换: a draft resource of the own clerk's organisation (city: the own clerk reviews the city too), the person
        // library (the province's data bureau's, requested by anyone with exchange.request), and a request of the own
        // clerk's organisation for it.
        String draftCode = String.format(java.util.Locale.ROOT, "301001/%06d", (int) (Math.random() * 900_000) + 1);
        String draftRef = draftCode.replace('/', '-');
        jdbc.sql("""
                        INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                            provider_division, summary, format, share_type, share_conditions, share_methods, open_type,
                            update_cycle, status, catalogue_updated_at, entered_by, created_at)
                        VALUES (:code, '3', '301001', '矩阵测试资源', :uscc, '340100', '摘要', '数据库', 'CONDITIONAL',
                            '条件', 'API', 'NONE', 'DAILY', 'DRAFT', now(), 'test', now())""").param("code", draftCode).param("uscc", ownOrganisation).update();
        jdbc.sql("""
                        INSERT INTO exchange_resource_item (resource_code, position, field, name, data_type, sensitive)
                        VALUES (:code, 1, 'caseNumber', '案号', 'STRING', FALSE)""").param("code", draftCode).update();
        long exchangeGrant =
                jdbc.sql("""
                        INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis,
                            fields_requested, valid_from, valid_until, status, requested_by, requested_at, due_on)
                        VALUES ('101001/000001', :uscc, '340100', '矩阵测试', '依据', 'idNumber', CURRENT_DATE,
                            CURRENT_DATE + 30, 'REQUESTED', 'test', now(), CURRENT_DATE + 14)
                        RETURNING id""").param("uscc", ownOrganisation).query(Long.class).single();
        get("/exchange/resources", CLERKS);
        get("/exchange/resources/new", CLERKS);
        post("/exchange/resources/new", Map.of("code", ""), CLERKS);
        get("/exchange/resources/{ref}", "/exchange/resources/101001-000001", CLERKS);
        get("/exchange/resources/{ref}/edit", "/exchange/resources/" + draftRef + "/edit", OWN_CLERK);
        post(
                "/exchange/resources/{ref}/edit",
                "/exchange/resources/" + draftRef + "/edit",
                Map.of("name", ""),
                OWN_CLERK);
        post("/exchange/resources/{ref}/submit", "/exchange/resources/" + draftRef + "/submit", Map.of(), OWN_CLERK);
        post(
                "/exchange/resources/{ref}/return",
                "/exchange/resources/" + draftRef + "/return",
                Map.of("reason", ""),
                OWN_CLERK);
        post("/exchange/resources/{ref}/publish", "/exchange/resources/" + draftRef + "/publish", Map.of(), OWN_CLERK);
        // 下架: the provider's own cataloguer (a draft is not published: 409, past the authorisation).
        post(
                "/exchange/resources/{ref}/withdraw",
                "/exchange/resources/" + draftRef + "/withdraw",
                Map.of("reason", "x"),
                OWN_CLERK);
        get("/exchange/resources/{ref}/request", "/exchange/resources/101001-000001/request", CLERKS);
        post(
                "/exchange/resources/{ref}/request",
                "/exchange/resources/101001-000001/request",
                Map.of("purpose", ""),
                CLERKS);
        get("/exchange/grants/mine", CLERKS);
        get("/exchange/grants/waiting", CLERKS);
        get("/exchange/supervision", OWN_CLERK);
        get("/exchange/supervision/access", OWN_CLERK);
        post("/exchange/supervision/access/subject", Map.of("key", "x"), OWN_CLERK);
        get("/exchange/grants/{id}", "/exchange/grants/" + exchangeGrant, OWN_CLERK);
        // The provider (the data bureau) decides: no persona here works there.
        for (String decision : List.of("approve", "refuse", "revoke")) {
            post(
                    "/exchange/grants/{id}/" + decision,
                    "/exchange/grants/" + exchangeGrant + "/" + decision,
                    Map.of("reason", ""),
                    NOBODY);
        }
        post("/exchange/grants/{id}/withdraw", "/exchange/grants/" + exchangeGrant + "/withdraw", Map.of(), OWN_CLERK);
        get("/my/data-uses", PERSONS);
        get("/api/v1/exchange/resources", STAFF);
        get("/api/v1/exchange/resources/{ref}", "/api/v1/exchange/resources/101001-000001", STAFF);
        // Shared data: department systems' tokens only (SharingHttpTests), never a session.
        get(
                "/api/v1/exchange/data/{resource}/records/{key}",
                "/api/v1/exchange/data/101001-000001/records/" + a.idNumber(),
                NOBODY);
        get("/api/v1/exchange/data/{resource}/records", "/api/v1/exchange/data/101001-000001/records", NOBODY);
        get("/api/v1/exchange/data/{resource}/export", "/api/v1/exchange/data/101001-000001/export", NOBODY);

        // Administration.
        get("/admin", STAFF);
        get("/admin/catalog", CLERKS);
        get("/admin/catalog/new", CLERKS);
        post("/admin/catalog/new", Map.of("baseCode", ""), CLERKS);
        get("/admin/catalog/items/{id}", "/admin/catalog/items/" + itemId, OWN_CLERK);
        get("/admin/catalog/versions/{id}", "/admin/catalog/versions/" + versionId, OWN_CLERK);
        get("/admin/catalog/versions/{id}/edit", "/admin/catalog/versions/" + versionId + "/edit", OWN_CLERK);
        post(
                "/admin/catalog/versions/{id}/edit",
                "/admin/catalog/versions/" + versionId + "/edit",
                Map.of("name", "x"),
                OWN_CLERK);
        // The application form of the published version: shown and tried; a change is turned away (not a draft).
        get("/admin/catalog/versions/{id}/form", "/admin/catalog/versions/" + versionId + "/form", OWN_CLERK);
        post(
                "/admin/catalog/versions/{id}/form",
                "/admin/catalog/versions/" + versionId + "/form",
                Map.of("fields[0].key", "x", "action", "save"),
                OWN_CLERK);
        post(
                "/admin/catalog/versions/{id}/form/try",
                "/admin/catalog/versions/" + versionId + "/form/try",
                Map.of("values[applicant_name]", "x"),
                OWN_CLERK);
        // Transitions the published version cannot take: whoever is let through meets a conflict, nothing changes.
        for (String transition : List.of("submit", "discard", "approve", "publish")) {
            post(
                    "/admin/catalog/versions/{id}/" + transition,
                    "/admin/catalog/versions/" + versionId + "/" + transition,
                    Map.of(),
                    OWN_CLERK);
        }
        post(
                "/admin/catalog/versions/{id}/reject",
                "/admin/catalog/versions/" + versionId + "/reject",
                Map.of("reason", ""),
                OWN_CLERK);
        post(
                "/admin/catalog/items/{id}/withdraw",
                "/admin/catalog/items/" + itemId + "/withdraw",
                Map.of("reason", ""),
                OWN_CLERK);
        get("/admin/catalog/base-items", CLERKS);
        get("/admin/catalog/base-items/new", NOBODY);
        post("/admin/catalog/base-items/new", Map.of("name", "越权新增", "type", "01"), NOBODY);
        // Catalogue import: the platform's own editors only (none of the personas; CatalogueExchangeHttpTests lets one
        // in).
        get("/admin/catalog/exchange", NOBODY);
        post("/admin/catalog/exchange/import", Map.of(), NOBODY);
        post("/admin/catalog/exchange/import-sheets", Map.of(), NOBODY);
        get(
                "/admin/catalog/exchange/jobs/{id}",
                "/admin/catalog/exchange/jobs/00000000-0000-0000-0000-000000000000",
                NOBODY);
        get("/admin/organisations", SYSTEM_ADMINS);
        get("/admin/organisations/new", SYSTEM_ADMINS);
        post("/admin/organisations/new", Map.of("uscc", ""), SYSTEM_ADMINS);
        get("/admin/organisations/{uscc}", "/admin/organisations/" + ownOrganisation, SYSTEM_ADMINS);
        post(
                "/admin/organisations/{uscc}",
                "/admin/organisations/" + ownOrganisation,
                Map.of("name", ""),
                SYSTEM_ADMINS);
        get("/admin/divisions/import", SYSTEM_ADMINS);
        post("/admin/divisions/import", Map.of(), SYSTEM_ADMINS);
        // Base library imports and lookups: the own clerk holds the roles; a job is its operator's (another importer
        // gets 404, LibraryImportHttpTests).
        long importJob = libraryImport.start(
                "person",
                LibraryImport.ALL_OR_NOTHING,
                "matrix.csv",
                "csv",
                "id_number,name,household_division\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                clerkNames.get(Persona.OWN_CLERK));
        get("/admin/basedata/indicators", SYSTEM_ADMINS);
        post("/admin/basedata/indicators", Map.of("code", ""), SYSTEM_ADMINS);
        get("/admin/basedata/indicators/{code}", "/admin/basedata/indicators/GDP", SYSTEM_ADMINS);
        post(
                "/admin/basedata/indicators/{code}/values",
                "/admin/basedata/indicators/GDP/values",
                Map.of("division", ""),
                SYSTEM_ADMINS);
        get("/admin/basedata/places", SYSTEM_ADMINS);
        post("/admin/basedata/places", Map.of("code", ""), SYSTEM_ADMINS);
        get("/admin/basedata/imports", OWN_CLERK);
        post("/admin/basedata/imports", Map.of(), OWN_CLERK);
        get("/admin/basedata/imports/{id}", "/admin/basedata/imports/" + importJob, OWN_CLERK);
        get(
                "/admin/basedata/imports/{id}/problems.csv",
                "/admin/basedata/imports/" + importJob + "/problems.csv",
                OWN_CLERK);
        get("/admin/basedata/lookup", "/admin/basedata/lookup?entity=" + "测试", OWN_CLERK);
        post("/admin/basedata/lookup/person", Map.of("idNumber", ""), OWN_CLERK);
        // The working-day calendar, in a year no other test uses: nothing the allowed callers send changes it (a day
        // with no date, a day that is not set, a schedule with no notice, a year that is not entered).
        get("/admin/calendar", SYSTEM_ADMINS);
        get("/admin/calendar/{year}", "/admin/calendar/2097", SYSTEM_ADMINS);
        post("/admin/calendar/{year}/days", "/admin/calendar/2097/days", Map.of("date", ""), SYSTEM_ADMINS);
        post(
                "/admin/calendar/{year}/days/{date}/remove",
                "/admin/calendar/2097/days/2097-01-01/remove",
                Map.of(),
                SYSTEM_ADMINS);
        post("/admin/calendar/{year}/entered", "/admin/calendar/2097/entered", Map.of("source", ""), SYSTEM_ADMINS);
        post("/admin/calendar/{year}/reopen", "/admin/calendar/2097/reopen", Map.of(), SYSTEM_ADMINS);
        get("/admin/accounts", ACCOUNT_READERS);
        get("/admin/accounts/new", SYSTEM_ADMINS);
        post("/admin/accounts/new", Map.of("username", ""), SYSTEM_ADMINS);
        get("/admin/accounts/{id}", "/admin/accounts/" + targetAccount, ACCOUNT_READERS);
        post("/admin/accounts/{id}/unlock", "/admin/accounts/" + targetAccount + "/unlock", Map.of(), SECURITY_ADMINS);
        post(
                "/admin/accounts/{id}/mfa-reset",
                "/admin/accounts/" + targetAccount + "/mfa-reset",
                Map.of(),
                SECURITY_ADMINS);
        post(
                "/admin/accounts/{id}/roles",
                "/admin/accounts/" + targetAccount + "/roles",
                Map.of("roles", "CATALOG_EDITOR"),
                SECURITY_ADMINS);
        post(
                "/admin/accounts/{id}/enabled",
                "/admin/accounts/" + targetAccount + "/enabled",
                Map.of("enabled", "false"),
                SYSTEM_ADMINS);
        get("/admin/roles", SECURITY_ADMINS);
        get("/admin/clients", SYSTEM_ADMINS);
        post("/admin/clients", Map.of("clientId", ""), SYSTEM_ADMINS);
        post("/admin/clients/keys/rotate", Map.of(), SYSTEM_ADMINS);
        get("/admin/clients/{clientId}", "/admin/clients/" + targetClient, SYSTEM_ADMINS);
        post(
                "/admin/clients/{clientId}/enabled",
                "/admin/clients/" + targetClient + "/enabled",
                Map.of("enabled", "false"),
                SYSTEM_ADMINS);
        post("/admin/clients/{clientId}/secret", "/admin/clients/" + targetClient + "/secret", Map.of(), SYSTEM_ADMINS);
        post(
                "/admin/clients/{clientId}/api-access",
                "/admin/clients/" + targetClient + "/api-access",
                Map.of("organisation", ""),
                SYSTEM_ADMINS);
        get("/admin/clients/{clientId}/delete", "/admin/clients/" + targetClient + "/delete", SYSTEM_ADMINS);
        get("/admin/keys", SECURITY_ADMINS);
        post("/admin/keys/census", Map.of(), SECURITY_ADMINS);
        post("/admin/keys/reseal", Map.of(), SECURITY_ADMINS);
        get("/admin/audit", AUDITORS);
        post("/admin/audit/verify", Map.of(), AUDITORS);
        get("/admin/outbox", SYSTEM_ADMINS);
        get("/admin/identity/in-person", CLERKS);
        post("/admin/identity/in-person", Map.of("idNumber", b.idNumber()), CLERKS);
        post("/admin/identity/in-person/confirm", Map.of("idNumber", "110101190001011009"), CLERKS);
        get("/admin/identity/enterprises", CLERKS);
        post("/admin/identity/enterprises", Map.of("uscc", "not-a-code"), CLERKS);
        post("/admin/identity/enterprises/confirm", Map.of("uscc", "not-a-code"), CLERKS);

        // 共享交换, publish/subscribe: the API is for connected systems only (their tokens and scopes are tested in
        // exchange.pubsub's HTTP tests): every person and member of staff is refused, whatever their roles. The node's
        // public key is public. The monitoring pages are the provider's data steward's (the own clerk's).
        org.zhengwu.exchange.ExchangeFixture exchange = new org.zhengwu.exchange.ExchangeFixture(jdbc);
        String exchangeResource = exchange.resource(
                ownOrganisation,
                division,
                List.of(org.zhengwu.exchange.ExchangeFixture.Item.string("code", 20)
                        .key()));
        long exchangeSubscription =
                exchange.subscription(exchangeResource, otherOrganisation, "PUSH", "http://127.0.0.1:9/hook");
        String subscriptionPath = "/api/v1/exchange/subscriptions/" + exchangeSubscription;
        get("/api/v1/exchange/node-key", EVERYONE);
        post("/api/v1/exchange/inbound", Map.of(), NOBODY);
        post(
                "/api/v1/exchange/publish/{resource}/changes",
                "/api/v1/exchange/publish/" + exchangeResource.replace('/', '-') + "/changes",
                Map.of(),
                NOBODY);
        get(
                "/api/v1/exchange/publish/{resource}/rejections",
                "/api/v1/exchange/publish/" + exchangeResource.replace('/', '-') + "/rejections",
                NOBODY);
        get("/api/v1/exchange/subscriptions", NOBODY);
        post("/api/v1/exchange/subscriptions", Map.of(), NOBODY);
        get("/api/v1/exchange/subscriptions/{id}", subscriptionPath, NOBODY);
        get("/api/v1/exchange/subscriptions/{id}/changes", subscriptionPath + "/changes", NOBODY);
        post("/api/v1/exchange/subscriptions/{id}/ack", subscriptionPath + "/ack", Map.of(), NOBODY);
        post("/api/v1/exchange/subscriptions/{id}/replay", subscriptionPath + "/replay", Map.of(), NOBODY);
        post("/api/v1/exchange/subscriptions/{id}/cancel", subscriptionPath + "/cancel", Map.of(), NOBODY);
        get("/workbench/exchange/subscriptions", CLERKS);
        get(
                "/workbench/exchange/subscriptions/{id}",
                "/workbench/exchange/subscriptions/" + exchangeSubscription,
                OWN_CLERK);
        post(
                "/workbench/exchange/subscriptions/{id}/replay",
                "/workbench/exchange/subscriptions/" + exchangeSubscription + "/replay",
                Map.of("from", ""),
                OWN_CLERK);

        // Endpoints outside the MVC mappings: the OIDC provider's own, monitoring and the API description.
        get("/.well-known/openid-configuration", EVERYONE);
        get("/oauth2/jwks", EVERYONE);
        get("/userinfo", NOBODY);
        post(
                "/oauth2/token",
                Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "guess"),
                NOBODY);
        get("/actuator/health", EVERYONE);
        get("/actuator/metrics", SYSTEM_ADMINS);
        get("/actuator/info", SYSTEM_ADMINS);
        get("/v3/api-docs", EVERYONE);

        // Last, because these take effect: a new draft, the representative's revocation, a client deleted.
        probes.add(new Probe(
                "POST",
                "/admin/clients/{clientId}/delete",
                persona -> "/admin/clients/"
                        + doomedClients.getOrDefault(persona, doomedClients.get(Persona.SYSTEM_ADMIN)) + "/delete",
                Map.of(),
                SYSTEM_ADMINS));
        post(
                "/admin/catalog/items/{id}/new-version",
                "/admin/catalog/items/" + itemId + "/new-version",
                Map.of(),
                OWN_CLERK);
        post(
                "/account/enterprises/{id}/agents/{grantId}/revoke",
                "/account/enterprises/" + enterpriseId + "/agents/" + revocableGrant + "/revoke",
                Map.of(),
                EnumSet.of(Persona.CITIZEN_A));
    }

    /** A file of the bundle draft's first merged material, kept in the file store; its id. */
    private long bundleMaterial(long bundleId) {
        try {
            var stored = fileStore.store(new java.io.ByteArrayInputStream(TestCases.PDF));
            return jdbc.sql("""
                            INSERT INTO cases_bundle_material (bundle_id, material_no, material_name, file_key, file_name,
                                file_kind, size_bytes, sm3, uploaded_at)
                            VALUES (:bundle, 1, '父母双方居民身份证', :key, '身份证.pdf', 'PDF', :size, :sm3, now())
                            RETURNING id""")
                    .param("bundle", bundleId)
                    .param("key", stored.key())
                    .param("size", stored.size())
                    .param("sm3", stored.sm3())
                    .query(Long.class)
                    .single();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long authorise(long licence, String grantee) {
        return jdbc.sql("""
                        INSERT INTO licence_authorisation (type_code, issuer_uscc, number, grantee_uscc, grantee_name,
                            scope, valid_until, granted_by, granted_at)
                        SELECT type_code, issuer_uscc, number, :grantee, '权限测试部门', 'FILE', CURRENT_DATE + 30,
                               holder_account_id, now()
                        FROM licence_licence WHERE id = :id RETURNING id""")
                .param("grantee", grantee)
                .param("id", licence)
                .query(Long.class)
                .single();
    }

    /** A licence sealed and stored the real way, held by the account, without a case behind it. */
    private long aLicence(String issuerUscc, String division, long holderAccountId) {
        String number = "2026" + String.format("%07d", (int) (Math.random() * 9_000_000) + 1_000_000);
        LicenceIdentifier identifier = new LicenceIdentifier("11100000000013338W011", issuerUscc, number, 1);
        java.time.LocalDate today = java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE);
        String holderCode = TestPeople.newCreditCode();
        byte[] ofd = licenceDocuments.issue(new LicenceContent(
                identifier.value(),
                "营业执照",
                number,
                1,
                "权限测试商店",
                holderCode,
                "统一社会信用代码",
                "权限测试局",
                issuerUscc,
                today,
                today,
                null,
                List.of(new LicenceContent.Line("名称", "权限测试商店")),
                "http://localhost/licences/verification?identifier=" + identifier.value(),
                "certificate"));
        try {
            var stored = fileStore.store(new java.io.ByteArrayInputStream(ofd));
            return licenceRecords
                    .insert(
                            new LicenceRecords.NewLicence(
                                    identifier.value(),
                                    identifier.typeCode(),
                                    number,
                                    1,
                                    "营业执照",
                                    issuerUscc,
                                    "权限测试局",
                                    today,
                                    today,
                                    null,
                                    division,
                                    sealedFields.holderName("权限测试商店"),
                                    sealedFields.holderCode(holderCode),
                                    sealedFields.index(holderCode),
                                    holderCode,
                                    "001",
                                    holderAccountId,
                                    sealedFields.values(Map.of("name", "权限测试商店")),
                                    null,
                                    null,
                                    null,
                                    stored.key(),
                                    stored.sm3(),
                                    stored.size()),
                            java.time.Instant.now())
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void signInPerson(Persona persona, TestPeople.Citizen citizen) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(citizen.username(), TestPeople.PASSWORD).location())
                .endsWith("/account");
        browsers.put(persona, browser);
    }

    private void get(String path, Set<Persona> allowed) {
        get(path, path, allowed);
    }

    private void get(String pattern, String url, Set<Persona> allowed) {
        probes.add(new Probe("GET", pattern, persona -> url, Map.of(), allowed));
    }

    private void post(String path, Map<String, String> form, Set<Persona> allowed) {
        post(path, path, form, allowed);
    }

    private void post(String pattern, String url, Map<String, String> form, Set<Persona> allowed) {
        probes.add(new Probe("POST", pattern, persona -> url, form, allowed));
    }

    @Test
    void everyRequestMappingIsInTheTable() {
        Set<String> inTable = new TreeSet<>();
        probes.forEach(p -> inTable.add(p.method() + " " + p.pattern()));
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (ELSEWHERE.containsKey(pattern)
                        || pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger-ui")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (!inTable.contains(method.name() + " " + pattern)) {
                        missing.add(method.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(missing).as("endpoints nobody has decided who may use").isEmpty();
    }

    @Test
    void everyoneReachesExactlyWhatTheTableAllows() {
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedDenials = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            // Those who must be stopped go first, so that an allowed change cannot hide a missing check.
            List<Persona> order = new ArrayList<>(EnumSet.complementOf(toEnumSet(probe.allowed())));
            order.addAll(probe.allowed());
            for (Persona persona : order) {
                TestBrowser browser = browsers.get(persona);
                String url = probe.url().apply(persona);
                TestBrowser.Page page;
                if (probe.method().equals("GET")) {
                    page = browser.get(
                            url,
                            "Accept",
                            url.startsWith("/api/")
                                            || url.startsWith("/actuator")
                                            || url.startsWith("/userinfo")
                                            || url.startsWith("/v3/")
                                            || url.startsWith("/oauth2/jwks")
                                            || url.startsWith("/.well-known")
                                    ? "application/json"
                                    : "text/html");
                } else {
                    Map<String, String> form = new LinkedHashMap<>(probe.form());
                    form.put("_csrf", csrf.get(persona));
                    page = browser.post(url, form);
                }
                String line = probe.method() + " " + url + " as " + persona + " → " + page.status()
                        + (page.location() == null ? "" : " " + browser.relative(page.location()));
                if (page.status() >= 500 || page.status() == 405) {
                    failures.add(line);
                    continue;
                }
                boolean allowed = !denied(page, browser);
                if (allowed && !probe.allowed().contains(persona)) {
                    unexpectedAllows.add(line);
                } else if (!allowed && probe.allowed().contains(persona)) {
                    unexpectedDenials.add(line);
                }
            }
        }
        assertThat(failures).as("requests that failed outright").isEmpty();
        assertThat(unexpectedAllows)
                .as("callers let through who must be stopped")
                .isEmpty();
        assertThat(unexpectedDenials)
                .as("callers stopped who should be let through")
                .isEmpty();
        assertThat(probes.size()).isGreaterThan(80);
    }

    private static EnumSet<Persona> toEnumSet(Set<Persona> personas) {
        return personas.isEmpty() ? EnumSet.noneOf(Persona.class) : EnumSet.copyOf(personas);
    }

    /**
     * Stopped: unauthenticated, forbidden, sent to sign in (or to the second factor), or told the object does not
     * exist.
     */
    private static boolean denied(TestBrowser.Page page, TestBrowser browser) {
        if (page.status() == 401 || page.status() == 403 || page.status() == 404) {
            return true;
        }
        if (page.status() / 100 == 3 && page.location() != null) {
            String target = browser.relative(page.location());
            return target.equals("/login") || target.startsWith("/login?") || target.equals("/login/mfa");
        }
        return false;
    }

    @Test
    void theTableCoversEveryPersonaOnBothSides() {
        Set<Persona> everAllowed = new LinkedHashSet<>();
        Set<Persona> everDenied = new LinkedHashSet<>();
        probes.forEach(p -> {
            everAllowed.addAll(p.allowed());
            everDenied.addAll(EnumSet.complementOf(toEnumSet(p.allowed())));
        });
        assertThat(everAllowed).containsExactlyInAnyOrderElementsOf(EVERYONE);
        assertThat(everDenied).containsExactlyInAnyOrderElementsOf(EVERYONE);
    }
}
