package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The statistics page against a known set of cases in a county no other test uses (旌德县, 341825): two departments
 * there and one in the next county, whose cases the county's supervisor must not count. Every figure is checked
 * exactly — in the page's tables and in the CSV exports — including the working days from receipt to decision across
 * the 2026 Spring Festival and its adjusted working Saturday, and a decision made early in the morning (Asia/Shanghai)
 * that UTC would put on the day before.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStatisticsHttpTests {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    JdbcClient jdbc;

    private String a;
    private String b;
    private TestBrowser supervisor;
    private TestBrowser neighbourSupervisor;
    private TestBrowser clerk;

    @BeforeAll
    void setUp() {
        a = TestPeople.newCreditCode();
        b = TestPeople.newCreditCode();
        String c = TestPeople.newCreditCode();
        organisations.register(
                new OrganisationDraft(a, "旌德县统计甲局", "341825", "4", "1", null, null, null, false), "test");
        organisations.register(
                new OrganisationDraft(b, "旌德县统计乙局", "341825", "4", "1", null, null, null, false), "test");
        organisations.register(
                new OrganisationDraft(c, "绩溪县统计丙局", "341824", "4", "1", null, null, null, false), "test");
        String x = a + "4000000000001";
        String y = a + "4000000000002";
        String z = b + "4000000000003";

        // Department A: decided on time (decided at 07:30 in Shanghai, the evening before in UTC; 4 working days);
        // decided late (8 working days); asked for 补正 and under review; received on the period's last day.
        long a1 = received(a, "341825", "COMPLETED", "2", x, "统计事项甲", day(3, 2), day(3, 16));
        decide(a1, "APPROVED", at(3, 6, 7, 30));
        long a2 = received(a, "341825", "DELIVERED", "1", x, "统计事项甲", day(3, 2), day(3, 9));
        decide(a2, "DENIED", at(3, 12, 16, 0));
        long a3 = received(a, "341825", "UNDER_REVIEW", "2", y, "统计事项乙", day(3, 10), day(3, 24));
        correction(a3);
        received(a, "341825", "SUBMITTED", "3", x, "统计事项甲", day(3, 31), day(4, 14));
        // Received before the period, decided in it: 7 working days over the Spring Festival (15–23 February) and
        // the adjusted working Saturday 28 February.
        long a5 = received(a, "341825", "COMPLETED", "2", x, "统计事项甲", day(2, 20), day(3, 5));
        decide(a5, "APPROVED", at(3, 3, 11, 0));
        // Received after the period.
        received(a, "341825", "SUBMITTED", "2", x, "统计事项甲", day(4, 1), day(4, 15));
        // Department B: on time on its due day (4 working days), after a 补正; refused (不予受理: no decision).
        long b1 = received(b, "341825", "COMPLETED", "2", z, "统计事项丙", day(3, 16), day(3, 20));
        decide(b1, "APPROVED", at(3, 20, 15, 0));
        correction(b1);
        long b2 = received(b, "341825", "REFUSED", "2", z, "统计事项丙", day(3, 16), day(3, 30));
        jdbc.sql("UPDATE cases_case SET decided_at = :at WHERE id = :id")
                .param("at", at(3, 17, 9, 0))
                .param("id", b2)
                .update();
        draft(b, "341825", z);
        // The next county: never counted by the county's supervisor.
        long c1 = received(c, "341824", "COMPLETED", "2", c + "4000000000004", "统计事项丁", day(3, 5), day(3, 19));
        decide(c1, "APPROVED", at(3, 6, 10, 0));

        // Ratings: three in March (非常满意, 非常不满意 rectified, 不满意 still open and past due), one in April.
        rate(a1, 1, at(3, 7, 9, 0), null, null);
        rate(a2, 5, at(3, 13, 9, 0), "RECTIFIED", day(4, 2));
        rate(a5, 4, at(3, 5, 9, 0), "OPEN", day(3, 26));
        rate(b1, 2, at(4, 2, 9, 0), null, null);
        rate(c1, 5, at(3, 7, 9, 0), "OPEN", day(3, 27));

        supervisor = new TestBrowser(port);
        supervisor.signInNewStaff(staff, a, CaseAccess.CASE_SUPERVISOR);
        neighbourSupervisor = new TestBrowser(port);
        neighbourSupervisor.signInNewStaff(staff, c, CaseAccess.CASE_SUPERVISOR);
        clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, a, CaseAccess.CASE_CLERK, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER);
    }

    @Test
    void theFiguresOfAKnownMonthAreExact() {
        TestBrowser.Page page = supervisor.get("/statistics?" + MARCH + "&by=MONTH");
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(rows(html, "summary"))
                .containsExactly(
                        List.of("申请件数", "6"),
                        List.of("办结件数", "4"),
                        List.of("按时办结件数", "3"),
                        List.of("按时办结率（%）", "75.0"),
                        List.of("平均办理时长（工作日）", "5.8"),
                        List.of("补正件数", "2"),
                        List.of("补正率（%）", "33.3"),
                        List.of("评价数", "3"),
                        List.of("好评率（%）", "33.3"),
                        List.of("差评数", "2"),
                        List.of("已整改差评数", "1"),
                        List.of("差评整改率（%）", "50.0"));
        assertThat(rows(html, "volume")).containsExactly(List.of("2026-03", "6", "4"));
        assertThat(rows(html, "status"))
                .containsExactly(
                        List.of("待受理", "1"),
                        List.of("待补正", "0"),
                        List.of("不予受理", "1"),
                        List.of("已撤回", "0"),
                        List.of("审查中", "1"),
                        List.of("已办结", "2"),
                        List.of("已送达", "1"));
        assertThat(rows(html, "items"))
                .containsExactly(List.of("统计事项甲", "3"), List.of("统计事项丙", "2"), List.of("统计事项乙", "1"));
        assertThat(rows(html, "departments"))
                .containsExactly(
                        List.of("旌德县统计甲局", "4", "3", "66.7", "6.3"), List.of("旌德县统计乙局", "2", "1", "100.0", "4.0"));
        assertThat(rows(html, "regions")).containsExactly(List.of("旌德县", "6"));
        assertThat(rows(html, "channels"))
                .containsExactly(
                        List.of("窗口", "1"),
                        List.of("网上（电脑端）", "4"),
                        List.of("网上（移动端）", "1"),
                        List.of("快递", "0"),
                        List.of("其他", "0"));
        assertThat(rows(html, "satisfaction"))
                .containsExactly(
                        List.of("非常满意", "1", "33.3"),
                        List.of("满意", "0", "0.0"),
                        List.of("基本满意", "0", "0.0"),
                        List.of("不满意", "1", "33.3"),
                        List.of("非常不满意", "1", "33.3"));
        assertThat(rows(html, "rectification")).containsExactly(List.of("旌德县统计甲局", "2", "1", "50.0", "1"));

        // The next county's supervisor counts its one case only.
        Document neighbour =
                neighbourSupervisor.get("/statistics?" + MARCH + "&by=MONTH").html();
        assertThat(rows(neighbour, "summary").subList(0, 5))
                .containsExactly(
                        List.of("申请件数", "1"),
                        List.of("办结件数", "1"),
                        List.of("按时办结件数", "1"),
                        List.of("按时办结率（%）", "100.0"),
                        List.of("平均办理时长（工作日）", "1.0"));
    }

    @Test
    void weeksStartOnMondayAndEmptyWeeksAreShown() {
        Document html = supervisor.get("/statistics?" + MARCH + "&by=WEEK").html();
        assertThat(rows(html, "volume"))
                .containsExactly(
                        List.of("2026-02-23 起的一周", "0", "0"),
                        List.of("2026-03-02 起的一周", "2", "2"),
                        List.of("2026-03-09 起的一周", "1", "1"),
                        List.of("2026-03-16 起的一周", "2", "1"),
                        List.of("2026-03-23 起的一周", "0", "0"),
                        List.of("2026-03-30 起的一周", "1", "0"));
    }

    @Test
    void eachTableIsExportedAsCsvWithTheSameFigures() {
        TestBrowser.Page summary = supervisor.get("/statistics/summary.csv?" + MARCH + "&by=MONTH");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.header("Content-Type")).startsWith("text/csv");
        assertThat(summary.header("Content-Disposition"))
                .contains("attachment", "zhengwu-statistics-summary-2026-03-01-2026-03-31.csv");
        assertThat(summary.body())
                .isEqualTo("\uFEFF\"代码\",\"指标\",\"数值\"\r\n"
                        + "\"received\",\"申请件数\",\"6\"\r\n"
                        + "\"decided\",\"办结件数\",\"4\"\r\n"
                        + "\"on-time\",\"按时办结件数\",\"3\"\r\n"
                        + "\"on-time-rate\",\"按时办结率（%）\",\"75.0\"\r\n"
                        + "\"working-days\",\"平均办理时长（工作日）\",\"5.8\"\r\n"
                        + "\"corrected\",\"补正件数\",\"2\"\r\n"
                        + "\"correction-rate\",\"补正率（%）\",\"33.3\"\r\n"
                        + "\"ratings\",\"评价数\",\"3\"\r\n"
                        + "\"good-rate\",\"好评率（%）\",\"33.3\"\r\n"
                        + "\"bad\",\"差评数\",\"2\"\r\n"
                        + "\"rectified\",\"已整改差评数\",\"1\"\r\n"
                        + "\"rectification-rate\",\"差评整改率（%）\",\"50.0\"\r\n");
        assertThat(supervisor.get("/statistics/departments.csv?" + MARCH).body())
                .isEqualTo("\uFEFF\"代码\",\"部门\",\"申请件数\",\"办结件数\",\"按时办结率（%）\",\"平均办理时长（工作日）\"\r\n"
                        + "\"" + a + "\",\"旌德县统计甲局\",\"4\",\"3\",\"66.7\",\"6.3\"\r\n"
                        + "\"" + b + "\",\"旌德县统计乙局\",\"2\",\"1\",\"100.0\",\"4.0\"\r\n");
        // In the reader's language (a browser of its own: the language sticks to the session).
        TestBrowser english = new TestBrowser(port);
        english.signInNewStaff(staff, a, CaseAccess.CASE_SUPERVISOR);
        assertThat(english.get("/statistics/satisfaction.csv?" + MARCH + "&lang=en")
                        .body())
                .isEqualTo("\uFEFF\"Code\",\"Satisfaction\",\"Ratings\",\"Share (%)\"\r\n"
                        + "\"1\",\"Very satisfied\",\"1\",\"33.3\"\r\n"
                        + "\"2\",\"Satisfied\",\"0\",\"0.0\"\r\n"
                        + "\"3\",\"Fairly satisfied\",\"0\",\"0.0\"\r\n"
                        + "\"4\",\"Dissatisfied\",\"1\",\"33.3\"\r\n"
                        + "\"5\",\"Very dissatisfied\",\"1\",\"33.3\"\r\n");
        for (String table : CaseStatistics.TABLES) {
            assertThat(supervisor.get("/statistics/" + table + ".csv?" + MARCH).status())
                    .as(table)
                    .isEqualTo(200);
        }
        assertThat(supervisor.get("/statistics/cases.csv?" + MARCH).status()).isEqualTo(404);
        assertThat(supervisor
                        .get("/statistics/summary.csv?from=2026-04-01&to=2026-03-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theChartsAreDrawnFromTheTablesBySiteScriptsOnly() {
        TestBrowser.Page page = supervisor.get("/statistics?" + MARCH);
        Document html = page.html();
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(html.select("script"))
                .allMatch(s -> s.hasAttr("src") && s.data().isBlank());
        List<String> scripts = html.select("script[src]").eachAttr("src");
        assertThat(scripts).anyMatch(s -> s.contains("/webjars/echarts/") && s.contains("echarts.min"));
        for (String script : scripts) {
            TestBrowser.Page file = supervisor.get(script);
            assertThat(file.status()).as(script).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(script).contains("javascript");
        }
        // Each chart is hidden until drawn, and names the table beside it, which holds the figures.
        for (Element chart : html.select("[data-chart]")) {
            assertThat(chart.hasAttr("hidden")).isTrue();
            assertThat(chart.attr("aria-hidden")).isEqualTo("true");
            assertThat(html.getElementById(chart.attr("data-table"))).isNotNull();
        }
        assertThat(html.select("[data-chart]").eachAttr("data-table"))
                .containsExactly(
                        "table-volume",
                        "table-status",
                        "table-items",
                        "table-departments",
                        "table-regions",
                        "table-channels",
                        "table-satisfaction",
                        "table-rectification");
        // By default: the last 90 days by week, the form showing what was counted.
        Document defaults = supervisor.get("/statistics").html();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        assertThat(defaults.selectFirst("input[name=to]").val()).isEqualTo(today.toString());
        assertThat(defaults.selectFirst("input[name=from]").val())
                .isEqualTo(today.minusDays(89).toString());
        assertThat(defaults.selectFirst("input[name=by][checked]").val()).isEqualTo("WEEK");
    }

    @Test
    void aPeriodThatIsNotOneIsNamedAndNothingIsCounted() {
        TestBrowser.Page page = supervisor.get("/statistics?from=2026-04-01&to=2026-03-01");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().select("[data-testid=error-summary]").text()).contains("结束日期不能早于开始日期");
        assertThat(page.html().select("table")).isEmpty();
        assertThat(supervisor.get("/statistics?from=2020-01-01&to=2026-01-01").status())
                .isEqualTo(400);
        assertThat(clerk.get("/statistics").status()).isEqualTo(403);
        assertThat(clerk.get("/ratings").status()).isEqualTo(403);
    }

    @Test
    void theSupervisorSeesTheCountysRatingsAndItsRectificationRate() {
        Document html = supervisor.get("/ratings").html();
        assertThat(html.selectFirst("[data-testid=bad]").text()).isEqualTo("2");
        assertThat(html.selectFirst("[data-testid=rectified]").text()).isEqualTo("1");
        assertThat(html.selectFirst("[data-testid=rate]").text()).isEqualTo("50.0");
        assertThat(html.selectFirst("[data-testid=overdue]").text()).isEqualTo("1");
        assertThat(html.select("[data-testid=distribution] tbody tr").eachText())
                .containsExactly("非常满意 1", "满意 1", "基本满意 0", "不满意 1", "非常不满意 1");
        assertThat(html.select("[data-testid=ratings] tbody tr")).hasSize(4);
        assertThat(supervisor.get("/ratings?score=5").html().select("[data-testid=ratings] tbody tr"))
                .hasSize(1);
        // The county's open task is among the supervisor's tasks; the next county's is not.
        assertThat(supervisor.get("/ratings/tasks").html().select("[data-testid=tasks] tbody tr"))
                .hasSize(1);
    }

    /** The rows of a statistics table: each row's name (without its code) and its figures as shown. */
    private static List<List<String>> rows(Document html, String table) {
        Element element = html.selectFirst("[data-testid=table-" + table + "]");
        assertThat(element).as(table).isNotNull();
        return element.select("tbody tr").stream()
                .map(tr -> {
                    List<String> cells = new java.util.ArrayList<>();
                    cells.add(tr.selectFirst("th > span").text());
                    tr.select("td").forEach(td -> cells.add(td.text()));
                    return List.copyOf(cells);
                })
                .toList();
    }

    private long received(
            String organisation,
            String division,
            String status,
            String channel,
            String code,
            String itemName,
            LocalDate receivedOn,
            LocalDate dueOn) {
        CaseNumber number = CaseNumber.of(division, receivedOn, caseRecords.nextSequence(division, receivedOn));
        return jdbc.sql("""
                        INSERT INTO cases_case (case_number, status, channel, applicant_account_id, implementation_code,
                            item_version, item_name, item_type, organisation_uscc, division_code, case_kind,
                            received_on, due_on, created_at, updated_at, submitted_at)
                        VALUES (:number, :status, :channel, 1, :code, 1, :item, '01', :uscc, :division, '2', :received,
                            :due, :at, :at, :at)
                        RETURNING id""")
                .param("number", number.value())
                .param("status", status)
                .param("channel", channel)
                .param("code", code)
                .param("item", itemName)
                .param("uscc", organisation)
                .param("division", division)
                .param("received", receivedOn)
                .param("due", dueOn)
                .param(
                        "at",
                        Timestamp.from(receivedOn
                                .atTime(9, 0)
                                .atZone(BusinessTime.ZONE)
                                .toInstant()))
                .query(Long.class)
                .single();
    }

    private void draft(String organisation, String division, String code) {
        jdbc.sql("""
                        INSERT INTO cases_case (status, channel, applicant_account_id, implementation_code, item_version,
                            item_name, item_type, organisation_uscc, division_code, case_kind, created_at, updated_at)
                        VALUES ('DRAFT', '2', 1, :code, 1, '草稿事项', '01', :uscc, :division, '2', now(), now())""")
                .param("code", code)
                .param("uscc", organisation)
                .param("division", division)
                .update();
    }

    private void decide(long id, String decision, Timestamp at) {
        jdbc.sql("""
                        UPDATE cases_case SET decision = :decision, accepted_at = :at, decided_at = :at, completed_at = :at
                        WHERE id = :id""")
                .param("decision", decision)
                .param("at", at)
                .param("id", id)
                .update();
    }

    private void correction(long id) {
        jdbc.sql("""
                        INSERT INTO cases_correction (case_id, requested_at, requested_by, items)
                        VALUES (:id, now(), '测试', '身份证明')""").param("id", id).update();
    }

    private void rate(long caseId, int score, Timestamp at, String taskStatus, LocalDate dueOn) {
        long rating = jdbc.sql("""
                        INSERT INTO cases_rating (case_id, score, rated_by, rated_at) VALUES (:case, :score, 1, :at)
                        RETURNING id""")
                .param("case", caseId)
                .param("score", score)
                .param("at", at)
                .query(Long.class)
                .single();
        if (taskStatus == null) {
            return;
        }
        boolean rectified = taskStatus.equals("RECTIFIED");
        jdbc.sql("""
                        INSERT INTO cases_rectification (rating_id, case_id, organisation_uscc, division_code, opened_on,
                            due_on, status, measures, rectified_at, rectified_by, rectified_by_name)
                        SELECT :rating, c.id, c.organisation_uscc, c.division_code, :opened, :due, :status, :measures,
                               :rectifiedAt, :by, :by
                        FROM cases_case c WHERE c.id = :case""")
                .param("rating", rating)
                .param("case", caseId)
                .param("opened", LocalDate.ofInstant(at.toInstant(), BusinessTime.ZONE))
                .param("due", dueOn)
                .param("status", taskStatus)
                .param("measures", rectified ? "已整改" : null)
                .param("rectifiedAt", rectified ? at : null)
                .param("by", rectified ? "test" : null)
                .update();
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static Timestamp at(int month, int day, int hour, int minute) {
        return Timestamp.from(LocalDateTime.of(2026, month, day, hour, minute)
                .atZone(BusinessTime.ZONE)
                .toInstant());
    }
}
