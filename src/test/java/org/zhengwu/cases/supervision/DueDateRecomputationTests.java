package org.zhengwu.cases.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * Due dates follow the calendar: an administrator enters the year 2088 (no other test uses it), corrects a day in it and
 * takes it back, through the calendar's pages; after each change the open cases whose clock touches 2088 are counted
 * again, with their pauses, and those that do not are left alone. Known answers: Monday 1 March 2088 + 10 working days
 * is Monday 15 March on weekdays alone; with Monday 8 March a holiday it is Tuesday 16 March.
 */
@ZhengwuTest
class DueDateRecomputationTests {

    private static final String DIVISION = "340100";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Test
    void dueDatesAreCountedAgainWhenTheCalendarOfTheirYearChanges() {
        ClockCases cases = new ClockCases(records, jdbc);
        LocalDate monday = LocalDate.of(2088, 3, 1);
        ClockCases.Case plain = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, monday, 10, null);
        ClockCases.Case atCounter = cases.submitted(ClockCases.HEFEI_MARKET, DIVISION, monday, 10, null);
        ClockCases.Case heard = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, monday, 10, null);
        // A hearing from Wednesday 3 to Saturday 6 March covers Thursday and Friday: two working days more.
        jdbc.sql("""
                        INSERT INTO cases_clock_event (case_id, kind, reason, started_on, ended_on, started_by, ended_by,
                            recorded_at, ended_at)
                        VALUES (:case, 'HEARING', '听证', DATE '2088-03-03', DATE '2088-03-06', 'examiner', 'examiner',
                            now(), now())""").param("case", heard.id()).update();
        ClockCases.Case intoNextYear =
                cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, LocalDate.of(2088, 12, 20), 10, null);
        ClockCases.Case decided = cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, monday, 10, null);
        cases.status(decided, "COMPLETED");
        // Started after 2088, its clock does not touch it (the due date is made up: no count of it can give it).
        LocalDate madeUp = LocalDate.of(2089, 2, 1);
        ClockCases.Case otherYear =
                cases.underReview(ClockCases.HEFEI_MARKET, DIVISION, LocalDate.of(2089, 1, 5), 10, madeUp);
        int versionBefore = records.find(plain.id()).orElseThrow().lockVersion();

        TestBrowser admin = new TestBrowser(port);
        admin.signInNewStaff(staff, null, IdentityAccess.SYSTEM_ADMIN);
        assertThat(admin.submitForm(
                                "/admin/calendar/2088",
                                "form[action=/admin/calendar/2088/entered]",
                                Map.of("source", "国务院办公厅关于2088年部分节假日安排的通知（测试）"))
                        .status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(cases.due(plain)).isEqualTo(LocalDate.of(2088, 3, 15));
            assertThat(cases.due(atCounter)).isEqualTo(LocalDate.of(2088, 3, 15));
            assertThat(cases.due(heard)).isEqualTo(LocalDate.of(2088, 3, 17));
        });
        assertThat(cases.due(intoNextYear))
                .as("2089 has no schedule: still unknown")
                .isNull();
        assertThat(cases.due(decided)).as("off the clock").isNull();
        assertThat(cases.due(otherYear)).isEqualTo(madeUp);
        assertThat(records.find(plain.id()).orElseThrow().lockVersion())
                .as("a clerk's open form stays valid")
                .isEqualTo(versionBefore);

        assertThat(admin.submitForm(
                                "/admin/calendar/2088",
                                "form[action=/admin/calendar/2088/days]",
                                Map.of("date", "2088-03-08", "working", "false", "reason", "测试假日"))
                        .status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(cases.due(plain)).isEqualTo(LocalDate.of(2088, 3, 16));
            assertThat(cases.due(heard)).isEqualTo(LocalDate.of(2088, 3, 18));
        });

        Element reopen =
                admin.get("/admin/calendar/2088").html().selectFirst("form[action=/admin/calendar/2088/reopen]");
        assertThat(admin.postMulti(reopen.attr("action"), TestBrowser.formFields(reopen))
                        .status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(cases.due(plain)).as("unknown again, never guessed").isNull();
            assertThat(cases.due(heard)).isNull();
        });
        assertThat(cases.due(otherYear)).isEqualTo(madeUp);

        assertThat(log
                        .search(new AccountabilityLog.Query("system", "calendar-year", "2088", null, null, null), 10, 0)
                        .stream()
                        .map(e -> e.action())
                        .toList())
                .hasSize(3)
                .containsOnly("cases.due.recompute");
    }
}
