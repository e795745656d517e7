package org.zhengwu.cases.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * 特别程序 from the workbench's case page over real HTTP, on the 2026 calendar (the known answers of
 * {@link SpecialProceduresTests}): a hearing from 28 September to 8 October moves a case due on 9 October to 13
 * October, the extension to 27 October; the forms are offered only to those who may use them; a form shown before
 * someone else's change loses; another organisation's examiner is answered 404, a counter clerk 403.
 */
@ZhengwuTest
class ClockHttpTests {

    private static final String DIVISION = "340100";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHearingAndAnExtensionRecordedFromTheCasePageMoveTheDueDate() {
        ClockCases.Case c = new ClockCases(records, jdbc)
                .underReview(
                        ClockCases.HEFEI_MARKET, DIVISION, LocalDate.of(2026, 9, 24), 5, LocalDate.of(2026, 10, 9));
        String casePage = "/workbench/cases/" + c.id();
        TestBrowser examiner = new TestBrowser(port);
        examiner.signInNewStaff(staff, ClockCases.HEFEI_MARKET, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER);
        Document before = examiner.get(casePage).html();
        assertThat(before.select("form[action$=/clock/pause]")).hasSize(1);
        assertThat(before.select("form[action$=/clock/extension]")).hasSize(1);
        assertThat(before.select("form[action$=/clock/resume]")).isEmpty();
        Element staleForm = before.selectFirst("form[action$=/clock/extension]");

        TestBrowser.Page paused = examiner.submitForm(
                casePage,
                "form[action$=/clock/pause]",
                Map.of("pauseKind", "HEARING", "pauseReason", "申请人申请听证", "pauseStart", "2026-09-28"));
        assertThat(paused.status()).isEqualTo(302);
        Document whilePaused = examiner.follow(casePage).html();
        assertThat(whilePaused.selectFirst("[data-testid=paused]").text()).contains("听证", "2026-09-28");
        assertThat(whilePaused.select("form[action$=/clock/pause]")).isEmpty();
        assertThat(whilePaused.select("[data-testid=timeline] li").eachText())
                .anyMatch(step -> step.contains("听证，暂停计时") && step.contains("申请人申请听证"));

        TestBrowser.Page resumed =
                examiner.submitForm(casePage, "form[action$=/clock/resume]", Map.of("resumeOn", "2026-10-08"));
        assertThat(resumed.status()).isEqualTo(302);
        Document afterHearing = examiner.follow(casePage).html();
        assertThat(afterHearing.select("dl.summary").first().text()).contains("2026-10-13");
        assertThat(afterHearing.select("[data-testid=clock-events] tbody tr").eachText())
                .singleElement()
                .satisfies(
                        row -> assertThat(row).contains("听证", "申请人申请听证", "2026-09-28", "2026-10-08", "不计入时限 3 个工作日"));

        // The extension form shown before the hearing was recorded is stale.
        Map<String, List<String>> staleFields = TestBrowser.formFields(staleForm);
        staleFields.put("extensionReason", new ArrayList<>(List.of("延期")));
        TestBrowser.Page stale = examiner.postMulti(staleForm.attr("action"), staleFields);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html().selectFirst("[data-testid=problem]").text()).contains("刚刚被其他人处理过");

        TestBrowser.Page extended = examiner.submitForm(
                casePage, "form[action$=/clock/extension]", Map.of("extensionReason", "案情复杂，经负责人批准"));
        assertThat(extended.status()).isEqualTo(302);
        Document afterExtension = examiner.follow(casePage).html();
        assertThat(afterExtension.select("dl.summary").first().text()).contains("2026-10-27");
        assertThat(afterExtension.select("form[action$=/clock/extension]"))
                .as("once only")
                .isEmpty();
        assertThat(afterExtension.select("[data-testid=timeline] li").eachText())
                .anyMatch(step -> step.contains("经批准延期") && step.contains("案情复杂"));
    }

    @Test
    void onlyThoseWhoExamineOrDecideTheOrganisationsCasesSeeAndUseTheForms() {
        ClockCases.Case c = new ClockCases(records, jdbc)
                .underReview(
                        ClockCases.HEFEI_MARKET, DIVISION, LocalDate.of(2026, 9, 24), 5, LocalDate.of(2026, 10, 9));
        String casePage = "/workbench/cases/" + c.id();
        TestBrowser counterClerk = new TestBrowser(port);
        counterClerk.signInNewStaff(staff, ClockCases.HEFEI_MARKET, CaseAccess.CASE_CLERK);
        Document seen = counterClerk.get(casePage).html();
        assertThat(seen.select("form[action*=/clock/]")).isEmpty();
        assertThat(counterClerk
                        .post(
                                casePage + "/clock/pause",
                                Map.of(
                                        "version", "1",
                                        "pauseKind", "HEARING",
                                        "pauseReason", "听证",
                                        "pauseStart", "2026-09-28",
                                        "_csrf", TestBrowser.csrf(counterClerk.get(casePage))))
                        .status())
                .isEqualTo(403);

        TestBrowser examiner = new TestBrowser(port);
        examiner.signInNewStaff(staff, ClockCases.HEFEI_MARKET, CaseAccess.CASE_REVIEWER);
        Document examined = examiner.get(casePage).html();
        assertThat(examined.select("form[action$=/clock/pause]")).hasSize(1);
        assertThat(examined.select("form[action$=/clock/extension]"))
                .as("an extension is for the one who decides")
                .isEmpty();
        assertThat(examiner.post(
                                casePage + "/clock/extension",
                                Map.of(
                                        "version",
                                        "1",
                                        "extensionReason",
                                        "延期",
                                        "_csrf",
                                        TestBrowser.csrf(examiner.get(casePage))))
                        .status())
                .isEqualTo(403);

        String otherOrganisation = jdbc.sql("""
                        SELECT uscc FROM basedata_organisation WHERE division_code = '340100' AND uscc <> :u
                        ORDER BY uscc LIMIT 1""")
                .param("u", ClockCases.HEFEI_MARKET)
                .query(String.class)
                .single();
        TestBrowser stranger = new TestBrowser(port);
        stranger.signInNewStaff(staff, otherOrganisation, CaseAccess.CASE_REVIEWER, CaseAccess.CASE_APPROVER);
        assertThat(stranger.get(casePage + "/clock").status()).isEqualTo(404);
        assertThat(stranger.post(
                                casePage + "/clock/pause",
                                Map.of(
                                        "version", "1",
                                        "pauseKind", "HEARING",
                                        "pauseReason", "听证",
                                        "pauseStart", "2026-09-28",
                                        "_csrf", TestBrowser.csrf(stranger.get("/workbench"))))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_clock_event WHERE case_id = :id")
                        .param("id", c.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aFormWithProblemsComesBackOnTheClockPage() {
        ClockCases.Case c = new ClockCases(records, jdbc)
                .underReview(
                        ClockCases.HEFEI_MARKET, DIVISION, LocalDate.of(2026, 9, 24), 5, LocalDate.of(2026, 10, 9));
        TestBrowser examiner = new TestBrowser(port);
        examiner.signInNewStaff(staff, ClockCases.HEFEI_MARKET, CaseAccess.CASE_REVIEWER);
        TestBrowser.Page answer = examiner.submitForm(
                "/workbench/cases/" + c.id(),
                "form[action$=/clock/pause]",
                Map.of("pauseKind", "TESTING", "pauseReason", "检测", "pauseStart", "2026-09-23"));
        assertThat(answer.status()).isEqualTo(200);
        Document page = answer.html();
        assertThat(page.select("[data-testid=error-summary] a").eachText())
                .containsExactly("开始日期：不能早于办件开始计时的日期 2026-09-24。");
        assertThat(page.selectFirst("textarea[name=pauseReason]").text()).isEqualTo("检测");
        assertThat(page.selectFirst("a[href=/workbench/cases/" + c.id() + "]")).isNotNull();
    }
}
