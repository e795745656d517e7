package org.zhengwu.cases.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The supervisors' pages over real HTTP: a supervisor of the city (合肥, 340100) sees the warnings of the city's
 * departments and districts, counted by department and by region, and not the province's; a supervisor of a district
 * sees only the district's and is answered 404 for another's warning; a clerk without {@code cases.supervise} gets 403;
 * 督办 resolves a warning with its note, in the accountability log under the supervisor's name; the list and the
 * one-object check agree. Warnings here are put straight into the table on cases due a month from now, which the
 * hourly run leaves as they are.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SupervisionQueries queries;

    @Autowired
    AccountabilityLog log;

    private String cityOrganisation;
    private String districtOrganisation;
    private String countyOrganisation;
    private String provinceOrganisation;
    private ClockCases.Case cityCase;
    private ClockCases.Case countyCase;
    private ClockCases.Case districtCase;
    private ClockCases.Case provinceCase;
    private long cityWarning;
    private long countyWarning;
    private long districtWarning;
    private long provinceWarning;
    private TestBrowser citySupervisor;
    private String citySupervisorName;
    private TestBrowser districtSupervisor;
    private TestBrowser cityClerk;

    private String organisationIn(String division, String not) {
        return jdbc.sql("""
                        SELECT uscc FROM basedata_organisation WHERE division_code = :division AND uscc <> :not
                        ORDER BY uscc LIMIT 1""")
                .param("division", division)
                .param("not", not)
                .query(String.class)
                .single();
    }

    private long warning(ClockCases.Case c, String uscc, String division, String level, LocalDate due) {
        return jdbc.sql("""
                        INSERT INTO cases_warning (case_id, level, due_on, organisation_uscc, division_code, raised_at)
                        VALUES (:case, :level, :due, :uscc, :division, now()) RETURNING id""")
                .param("case", c.id())
                .param("level", level)
                .param("due", due)
                .param("uscc", uscc)
                .param("division", division)
                .query(Long.class)
                .single();
    }

    @BeforeAll
    void setUp() {
        cityOrganisation = organisationIn("340100", ClockCases.HEFEI_MARKET);
        districtOrganisation = organisationIn("340111", "");
        countyOrganisation = organisationIn("340104", "");
        provinceOrganisation = organisationIn("340000", "");
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        LocalDate due = today.plusDays(30);
        ClockCases cases = new ClockCases(records, jdbc);
        cityCase = cases.underReview(ClockCases.HEFEI_MARKET, "340100", today, 10, due);
        countyCase = cases.underReview(countyOrganisation, "340104", today, 10, due);
        districtCase = cases.underReview(districtOrganisation, "340111", today, 10, due);
        provinceCase = cases.underReview(provinceOrganisation, "340000", today, 10, due);
        cityWarning = warning(cityCase, ClockCases.HEFEI_MARKET, "340100", "YELLOW", due);
        countyWarning = warning(countyCase, countyOrganisation, "340104", "RED", due);
        districtWarning = warning(districtCase, districtOrganisation, "340111", "YELLOW", due);
        provinceWarning = warning(provinceCase, provinceOrganisation, "340000", "RED", due);

        citySupervisor = new TestBrowser(port);
        citySupervisorName = citySupervisor.signInNewStaff(staff, cityOrganisation, CaseAccess.CASE_SUPERVISOR);
        districtSupervisor = new TestBrowser(port);
        districtSupervisor.signInNewStaff(staff, districtOrganisation, CaseAccess.CASE_SUPERVISOR);
        cityClerk = new TestBrowser(port);
        cityClerk.signInNewStaff(staff, ClockCases.HEFEI_MARKET, CaseAccess.CASE_CLERK, CaseAccess.CASE_REVIEWER);
    }

    private static List<String> listed(Document page) {
        return page.select("[data-testid=warnings] tbody tr td:first-child a").eachText();
    }

    @Test
    void aSupervisorSeesTheWarningsOfTheRegionByDepartmentAndByRegion() {
        Document page = citySupervisor.get("/supervision?state=ALL").html();
        assertThat(listed(page))
                .contains(cityCase.number(), countyCase.number(), districtCase.number())
                .doesNotContain(provinceCase.number());
        // Open warnings only (another test here supervises the county's).
        assertThat(page.select("[data-testid=by-division] tbody th").eachText())
                .anyMatch(row -> row.contains("340100"))
                .anyMatch(row -> row.contains("340111"))
                .noneMatch(row -> row.contains("340000"));
        // Each count is what the table holds within the region at this moment.
        for (var row : page.select("[data-testid=by-division] tbody tr")) {
            String division = row.selectFirst("th .guide-code").text();
            int red = jdbc.sql("""
                            SELECT count(*) FROM cases_warning
                            WHERE division_code = :division AND level = 'RED' AND resolved_at IS NULL""")
                    .param("division", division)
                    .query(Integer.class)
                    .single();
            assertThat(row.select("td").get(1).text()).as("red in " + division).isEqualTo(String.valueOf(red));
        }
        String marketName = jdbc.sql("SELECT name FROM basedata_organisation WHERE uscc = :u")
                .param("u", ClockCases.HEFEI_MARKET)
                .query(String.class)
                .single();
        assertThat(page.select("[data-testid=by-organisation] tbody th").eachText())
                .contains(marketName);

        // Filters: by level, by department, resolved ones.
        assertThat(listed(citySupervisor.get("/supervision?level=RED&state=ALL").html()))
                .contains(countyCase.number())
                .doesNotContain(cityCase.number(), districtCase.number());
        assertThat(listed(citySupervisor
                        .get("/supervision?organisation=" + ClockCases.HEFEI_MARKET)
                        .html()))
                .contains(cityCase.number())
                .doesNotContain(countyCase.number());
        assertThat(citySupervisor.get("/supervision?level=PURPLE").status()).isEqualTo(400);
        assertThat(citySupervisor.get("/supervision?state=GONE").status()).isEqualTo(400);

        // Each warning leads to its case, which the supervisor may open (and not act on).
        TestBrowser.Page casePage = citySupervisor.get("/workbench/cases/" + countyCase.id());
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.html().select("[data-testid=case-warnings] li").text())
                .contains("红色预警");
        assertThat(casePage.html().select("form[action*=/clock/]")).isEmpty();
    }

    /**
     * The demo's administrator holds every role and no organisation, so reaches the whole platform: every list of
     * cases, warnings, ratings and figures answers with the condition that keeps every row.
     */
    @Test
    void aMemberOfThePlatformWithEveryCaseRoleSeesEveryList() {
        TestBrowser platform = new TestBrowser(port);
        platform.signInNewStaff(
                staff,
                null,
                IdentityAccess.ADMIN,
                CaseAccess.CASE_CLERK,
                CaseAccess.CASE_REVIEWER,
                CaseAccess.CASE_APPROVER,
                CaseAccess.CASE_SUPERVISOR);
        for (String page : List.of(
                "/workbench",
                "/workbench?tab=done",
                "/workbench?tab=all",
                "/workbench?tab=warnings",
                "/supervision?state=ALL",
                "/ratings",
                "/ratings/tasks",
                "/ratings/tasks?status=all",
                "/statistics",
                "/statistics/summary.csv")) {
            assertThat(platform.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(platform.getJson("/api/v1/cases").status()).isEqualTo(200);
    }

    @Test
    void aSupervisorOfAnotherRegionSeesNothingOfItAndAClerkIsTurnedAway() {
        Document page = districtSupervisor.get("/supervision?state=ALL").html();
        assertThat(listed(page))
                .contains(districtCase.number())
                .doesNotContain(cityCase.number(), countyCase.number(), provinceCase.number());
        assertThat(page.select("[data-testid=by-division] tbody th").eachText())
                .allMatch(row -> row.contains("340111"));
        assertThat(districtSupervisor
                        .get("/supervision/warnings/" + cityWarning)
                        .status())
                .isEqualTo(404);
        assertThat(districtSupervisor
                        .post(
                                "/supervision/warnings/" + cityWarning + "/supervise",
                                Map.of(
                                        "note",
                                        "越权督办",
                                        "_csrf",
                                        TestBrowser.csrf(districtSupervisor.get("/supervision"))))
                        .status())
                .isEqualTo(404);
        assertThat(districtSupervisor.get("/workbench/cases/" + cityCase.id()).status())
                .isEqualTo(404);

        assertThat(cityClerk.get("/supervision").status()).isEqualTo(403);
        assertThat(cityClerk.get("/supervision/warnings/" + cityWarning).status())
                .isEqualTo(403);
        assertThat(cityClerk
                        .post(
                                "/supervision/warnings/" + cityWarning + "/supervise",
                                Map.of("note", "督办", "_csrf", TestBrowser.csrf(cityClerk.get("/workbench"))))
                        .status())
                .isEqualTo(403);
        assertThat(warningOpen(cityWarning)).isTrue();
    }

    @Test
    void theWorkbenchShowsTheWarningOfACase() {
        Document warnings = cityClerk.get("/workbench?tab=warnings").html();
        assertThat(warnings.select("[data-testid=workbench] tbody tr").eachText())
                .anyMatch(row -> row.contains(cityCase.number()) && row.contains("黄色预警"));
        Document all =
                cityClerk.get("/workbench?tab=all&number=" + cityCase.number()).html();
        assertThat(all.select("[data-testid=warning-tag]").eachText()).containsExactly("黄色预警");
        assertThat(cityClerk.get("/workbench?tab=warnings").html().select("nav.tabs a[href=/supervision]"))
                .as("the supervision link is for supervisors")
                .isEmpty();
        assertThat(citySupervisor.get("/workbench?tab=warnings").html().select("nav.tabs a[href=/supervision]"))
                .hasSize(1);
    }

    @Test
    void superviseResolvesTheWarningWithItsNoteOnce() {
        String page = "/supervision/warnings/" + countyWarning;
        TestBrowser.Page form = citySupervisor.get(page);
        assertThat(form.status()).isEqualTo(200);
        String csrf = TestBrowser.csrf(form);

        TestBrowser.Page empty = citySupervisor.post(page + "/supervise", Map.of("note", " ", "_csrf", csrf));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html().select("[data-testid=error-summary] a").eachAttr("href"))
                .containsExactly("#note");
        assertThat(warningOpen(countyWarning)).isTrue();

        TestBrowser.Page done =
                citySupervisor.post(page + "/supervise", Map.of("note", "请于三个工作日内办结并报告原因", "_csrf", csrf));
        assertThat(done.status()).isEqualTo(302);
        assertThat(warningOpen(countyWarning)).isFalse();
        Map<String, Object> row =
                jdbc.sql("""
                        SELECT resolution, resolution_note, resolved_by FROM cases_warning WHERE id = :id""").param("id", countyWarning).query().singleRow();
        assertThat(row)
                .containsEntry("resolution", "SUPERVISED")
                .containsEntry("resolution_note", "请于三个工作日内办结并报告原因")
                .containsEntry("resolved_by", citySupervisorName);
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                citySupervisorName, "case", countyCase.number(), "cases.warning.resolve", null, null),
                        5,
                        0))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("SUPERVISED", "请于三个工作日内办结"));

        Document after = citySupervisor.follow(page).html();
        assertThat(after.selectFirst("[data-testid=note]").text()).isEqualTo("请于三个工作日内办结并报告原因");
        assertThat(after.select("form[action$=/supervise]")).isEmpty();
        assertThat(citySupervisor
                        .post(page + "/supervise", Map.of("note", "再督办", "_csrf", csrf))
                        .status())
                .isEqualTo(409);
        assertThat(listed(citySupervisor.get("/supervision?state=RESOLVED").html()))
                .contains(countyCase.number());
    }

    @Test
    void theListAndTheOneObjectCheckAgree() {
        for (Actor actor : List.of(
                supervisor(cityOrganisation, "340100"),
                supervisor(districtOrganisation, "340111"),
                supervisor(provinceOrganisation, "340000"))) {
            Set<Long> listed = new HashSet<>();
            SupervisionQueries.Page page =
                    queries.list(actor, new SupervisionQueries.Filter(null, null, SupervisionQueries.State.ALL), 1);
            page.rows().forEach(w -> listed.add(w.id()));
            assertThat(page.more()).as("few enough to compare on one page").isFalse();
            Set<Long> reachable = jdbc
                    .sql("SELECT id, organisation_uscc, division_code FROM cases_warning")
                    .query((rs, n) -> actor.mayReach(CaseAccess.SUPERVISE, rs.getString(2), rs.getString(3))
                            ? rs.getLong(1)
                            : null)
                    .list()
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            assertThat(listed).as(actor.scope().toString()).isEqualTo(reachable);
        }
        assertThat(queries.list(
                                supervisor(provinceOrganisation, "340000"),
                                new SupervisionQueries.Filter(null, null, SupervisionQueries.State.ALL),
                                1)
                        .rows())
                .extracting(Warning::id)
                .contains(provinceWarning, cityWarning, districtWarning);
    }

    private static Actor supervisor(String organisation, String division) {
        return new Actor(
                1,
                UUID.randomUUID(),
                "supervisor",
                "监察员",
                AccountType.STAFF,
                RealNameLevel.IN_PERSON,
                Set.of(CaseAccess.CASE_SUPERVISOR),
                Map.of(CaseAccess.SUPERVISE, Reach.REGION),
                DataScope.of(organisation, division));
    }

    private boolean warningOpen(long id) {
        return jdbc.sql("SELECT resolved_at IS NULL FROM cases_warning WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }
}
