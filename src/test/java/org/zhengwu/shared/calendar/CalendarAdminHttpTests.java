package org.zhengwu.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Administrators keep the calendar through its pages: only with the permission, only with the form's CSRF token,
 * each change in the accountability log and counted by the API at once. Works in years no other test uses.
 */
@ZhengwuTest
class CalendarAdminHttpTests {

    private static final String HEFEI_MARKET = "11340100662167280R";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountabilityLog log;

    private TestBrowser systemAdministrator() {
        TestBrowser browser = new TestBrowser(port);
        browser.signInNewStaff(staff, null, IdentityAccess.SYSTEM_ADMIN);
        return browser;
    }

    private List<AuditEntry> logged(String actor, String action) {
        return log.search(new AccountabilityLog.Query(actor, null, null, action, null, null), 10, 0);
    }

    @Test
    void onlyThoseWhoKeepTheCalendarReachItsPages() {
        TestBrowser anonymous = new TestBrowser(port);
        TestBrowser.Page asked = anonymous.get("/admin/calendar");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(anonymous.relative(asked.location())).isEqualTo("/login");

        TestBrowser citizen = new TestBrowser(port);
        citizen.signIn(TestPeople.register(citizens, "日历访客").username(), TestPeople.PASSWORD);
        assertThat(citizen.get("/admin/calendar").status()).isEqualTo(403);
        assertThat(citizen.get("/admin/calendar/2026").status()).isEqualTo(403);

        TestBrowser editor = new TestBrowser(port);
        editor.signInNewStaff(staff, HEFEI_MARKET, CatalogAccess.CATALOG_EDITOR);
        assertThat(editor.get("/admin/calendar").status()).isEqualTo(403);
        assertThat(editor.get("/admin").html().select("a[href=/admin/calendar]"))
                .isEmpty();

        TestBrowser admin = systemAdministrator();
        assertThat(admin.get("/admin").html().select("a[href=/admin/calendar]")).hasSize(1);
        Document years = admin.get("/admin/calendar").html();
        assertThat(years.select("[data-testid=calendar-years] tbody tr").eachText())
                .anyMatch(row -> row.startsWith("2026") && row.contains("2026年部分节假日安排") && row.contains("33"))
                .anyMatch(row -> row.startsWith("2025") && row.contains("2025年部分节假日安排"));
        Document year = admin.get("/admin/calendar/2026").html();
        assertThat(year.select("[data-testid=calendar-days] tbody tr").eachText())
                .hasSize(39)
                .anyMatch(row -> row.startsWith("2026-10-10 周六") && row.contains("调休上班"));
        assertThat(admin.get("/admin/calendar/1999").status()).isEqualTo(404);
        assertThat(admin.get("/admin/calendar/not-a-year").status()).isEqualTo(400);
    }

    @Test
    void aDaySetRemovedAndAYearEnteredAreCountedAtOnceAndLogged() {
        TestBrowser admin = systemAdministrator();
        TestBrowser anonymous = new TestBrowser(port);
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-01").status())
                .as("no schedule yet")
                .isEqualTo(422);

        // A holiday on Thursday 1 May 2092 and Saturday 3 May made a working day.
        TestBrowser.Page set = admin.submitForm(
                "/admin/calendar/2092",
                "form[action=/admin/calendar/2092/days]",
                Map.of("date", "2092-05-01", "working", "false", "reason", "劳动节"));
        assertThat(set.status()).isEqualTo(302);
        admin.submitForm(
                "/admin/calendar/2092",
                "form[action=/admin/calendar/2092/days]",
                Map.of("date", "2092-05-03", "working", "true", "reason", "调休上班（劳动节）"));
        Document page = admin.follow("/admin/calendar/2092").html();
        assertThat(page.select("[data-testid=calendar-days] tbody tr").eachText())
                .hasSize(2)
                .anyMatch(row -> row.startsWith("2092-05-01 周四") && row.contains("劳动节"));
        assertThat(page.selectFirst(".notice--warning").text()).contains("2092 年的放假安排尚未录入完成");
        assertThat(page.selectFirst("h1").text())
                .as("a year is no number with a thousands separator")
                .isEqualTo("2092 年工作日历");
        assertThat(page.selectFirst("#date-hint").text()).contains("2092-10-01");
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-01").status())
                .as("still not counted: the year is not entered")
                .isEqualTo(422);

        TestBrowser.Page entered = admin.submitForm(
                "/admin/calendar/2092",
                "form[action=/admin/calendar/2092/entered]",
                Map.of("source", "国务院办公厅关于2092年部分节假日安排的通知（测试）"));
        assertThat(entered.status()).isEqualTo(302);
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-01").body())
                .contains("\"workingDay\":false", "劳动节");
        assertThat(anonymous
                        .getJson("/api/v1/calendar/due-date?from=2092-04-30&workingDays=1")
                        .body())
                .as("Friday 2 May, then Saturday 3 May counted")
                .contains("\"due\":\"2092-05-02\"");
        assertThat(anonymous
                        .getJson("/api/v1/calendar/due-date?from=2092-04-30&workingDays=2")
                        .body())
                .contains("\"due\":\"2092-05-03\"");

        // Changing a day: the change link fills the form with the day as it is.
        Element form = admin.get("/admin/calendar/2092?date=2092-05-01")
                .html()
                .selectFirst("form[action=/admin/calendar/2092/days]");
        assertThat(form.selectFirst("input[name=reason]").attr("value")).isEqualTo("劳动节");
        assertThat(form.selectFirst("input[name=working][value=false]").hasAttr("checked"))
                .isTrue();
        admin.submitForm(
                "/admin/calendar/2092?date=2092-05-01",
                "form[action=/admin/calendar/2092/days]",
                Map.of("reason", "劳动节（更正）"));
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-01").body()).contains("劳动节（更正）");

        Element remove = admin.get("/admin/calendar/2092")
                .html()
                .selectFirst("form[action=/admin/calendar/2092/days/2092-05-03/remove]");
        TestBrowser.Page removed = admin.postMulti(remove.attr("action"), TestBrowser.formFields(remove));
        assertThat(removed.status()).isEqualTo(302);
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-03").body())
                .contains("\"workingDay\":false", "\"reason\":null");

        Element reopen =
                admin.get("/admin/calendar/2092").html().selectFirst("form[action=/admin/calendar/2092/reopen]");
        assertThat(admin.postMulti(reopen.attr("action"), TestBrowser.formFields(reopen))
                        .status())
                .isEqualTo(302);
        assertThat(anonymous.getJson("/api/v1/calendar/days/2092-05-01").status())
                .isEqualTo(422);

        List<String> entries =
                log.search(new AccountabilityLog.Query(null, null, null, null, null, null), 200, 0).stream()
                        .filter(e -> e.action().startsWith("shared.calendar.")
                                && e.objectId().startsWith("2092"))
                        .map(e -> e.action() + " " + e.objectId() + " " + e.outcome())
                        .toList();
        assertThat(entries)
                .containsExactlyInAnyOrder(
                        "shared.calendar.day.set 2092-05-01 SUCCESS",
                        "shared.calendar.day.set 2092-05-03 SUCCESS",
                        "shared.calendar.year.enter 2092 SUCCESS",
                        "shared.calendar.day.set 2092-05-01 SUCCESS",
                        "shared.calendar.day.remove 2092-05-03 SUCCESS",
                        "shared.calendar.year.reopen 2092 SUCCESS");
        assertThat(log.search(new AccountabilityLog.Query(null, "calendar-day", "2092-05-01", null, null, null), 5, 0))
                .first()
                .satisfies(e -> {
                    assertThat(e.actor()).startsWith("staff-");
                    assertThat(e.details()).contains("劳动节（更正）", "was not a working day: 劳动节");
                    assertThat(e.clientIp()).isEqualTo("127.0.0.1");
                });
    }

    @Test
    void aChangeWithoutTheFormsTokenIsRefusedAndChangesNothing() {
        TestBrowser admin = systemAdministrator();
        TestBrowser.Page forged = admin.post(
                "/admin/calendar/2093/days", Map.of("date", "2093-01-05", "working", "false", "reason", "伪造"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(admin.post("/admin/calendar/2093/entered", Map.of("source", "伪造"))
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/admin/calendar/2093").html().select("[data-testid=calendar-days]"))
                .isEmpty();
        assertThat(log.search(new AccountabilityLog.Query(null, "calendar-day", "2093-01-05", null, null, null), 1, 0))
                .isEmpty();
    }

    @Test
    void theCalendarsRulesAreNamedOnTheirFields() {
        TestBrowser admin = systemAdministrator();
        Document weekdayWorking = admin.submitForm(
                        "/admin/calendar/2094",
                        "form[action=/admin/calendar/2094/days]",
                        Map.of("date", "2094-03-03", "working", "true", "reason", "调休上班"))
                .html();
        assertThat(weekdayWorking.selectFirst(".error-summary").text()).contains("当天安排：周一至周五本来就是工作日");
        Document otherYear = admin.submitForm(
                        "/admin/calendar/2094",
                        "form[action=/admin/calendar/2094/days]",
                        Map.of("date", "2095-01-01", "working", "false", "reason", "元旦"))
                .html();
        assertThat(otherYear.selectFirst(".error-summary").text()).contains("日期：请填写 2094 年的日期");
        assertThat(otherYear.selectFirst("input[name=date]").attr("value"))
                .as("what was typed is kept")
                .isEqualTo("2095-01-01");
        Document tooLong = admin.submitForm(
                        "/admin/calendar/2094",
                        "form[action=/admin/calendar/2094/days]",
                        Map.of("date", "2094-01-01", "working", "false", "reason", "节".repeat(51)))
                .html();
        assertThat(tooLong.selectFirst(".error-summary").text()).contains("事由：不能超过 50 个字");
        TestBrowser.Page nothingToRemove = admin.postMulti(
                "/admin/calendar/2094/days/2094-01-01/remove",
                Map.of("_csrf", List.of(TestBrowser.csrf(admin.get("/admin/calendar/2094")))));
        assertThat(nothingToRemove.status()).isEqualTo(302);
        assertThat(admin.follow("/admin/calendar/2094")
                        .html()
                        .selectFirst("[role=status]")
                        .text())
                .contains("未设置");
        assertThat(admin.postMulti(
                                "/admin/calendar/2094/days/2095-01-01/remove",
                                Map.of("_csrf", List.of(TestBrowser.csrf(admin.get("/admin/calendar/2094")))))
                        .status())
                .as("a day of another year")
                .isEqualTo(404);
        assertThat(admin.get("/admin/calendar/2094").html().select("[data-testid=calendar-days]"))
                .isEmpty();
    }
}
