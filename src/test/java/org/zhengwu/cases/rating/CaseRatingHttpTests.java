package org.zhengwu.cases.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 好差评 over real HTTP and PostgreSQL: an applicant rates their own case once, after 办结; a 差评 opens a rectification
 * task for the case's department, due 15 working days later on the 2026 calendar, which that department's staff
 * alone see, rectify and follow up (each step in the accountability log), while the region's supervisors look on.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseRatingHttpTests {

    static final String HEFEI_MARKET = "11340100662167280R";

    @LocalServerPort
    int port;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    CaseRatings ratings;

    @Autowired
    RatingRecords ratingRecords;

    @Autowired
    Rectifications rectifications;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Organisations organisations;

    @Autowired
    AccountabilityLog log;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    private TestPeople.Citizen applicant;
    private long applicantId;
    private TestBrowser applicantBrowser;
    private TestBrowser otherCitizen;
    private TestBrowser clerk;
    private TestBrowser strangerClerk;
    private TestBrowser supervisor;

    @BeforeAll
    void setUp() {
        applicant = TestPeople.register(citizens, "评价人");
        applicantId = directory.find(applicant.username()).orElseThrow().id();
        applicantBrowser = new TestBrowser(port);
        applicantBrowser.signIn(applicant.username(), TestPeople.PASSWORD);
        otherCitizen = new TestBrowser(port);
        otherCitizen.signIn(TestPeople.register(citizens, "旁人").username(), TestPeople.PASSWORD);
        clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, HEFEI_MARKET, CaseAccess.CASE_CLERK);
        // A department of its own, which no test gives a case: its clerk must see no task at all.
        String stranger = TestPeople.newCreditCode();
        organisations.register(
                new OrganisationDraft(stranger, "绩溪县评价测试局", "341824", "4", "1", null, null, null, false), "test");
        strangerClerk = new TestBrowser(port);
        strangerClerk.signInNewStaff(staff, stranger, CaseAccess.CASE_CLERK, CaseAccess.CASE_REVIEWER);
        // A supervisor of the city, whose region holds the market regulator's cases.
        supervisor = new TestBrowser(port);
        supervisor.signInNewStaff(staff, "113401006699095821", CaseAccess.CASE_SUPERVISOR);
    }

    @Test
    void anApplicantRatesTheirOwnCaseOnceAndOnlyAfterItIsDecided() {
        TestCases.Submitted pending = TestCases.submitted(caseRecords, HEFEI_MARKET, "340100", applicantId);
        TestBrowser.Page early = applicantBrowser.get("/my/cases/" + pending.id() + "/rating");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.html().select("[data-testid=not-yet]").text()).contains("办件办结后才能评价");
        assertThat(early.html().select("form[action$=/rating]")).isEmpty();
        TestBrowser.Page tooEarly = applicantBrowser.post(
                "/my/cases/" + pending.id() + "/rating", Map.of("score", "1", "_csrf", TestBrowser.csrf(early)));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.html().select("[data-testid=problem]").text()).contains("办件办结后才能评价");

        TestCases.Submitted done = TestCases.completed(caseRecords, HEFEI_MARKET, "340100", applicantId);
        String page = "/my/cases/" + done.id() + "/rating";
        assertThat(new TestBrowser(port).get(page).location()).endsWith("/login");
        assertThat(otherCitizen.get(page).status()).isEqualTo(404);
        assertThat(clerk.get(page).status()).isEqualTo(403);
        TestBrowser.Page stolen =
                otherCitizen.post(page, Map.of("score", "5", "_csrf", TestBrowser.csrf(otherCitizen.get("/account"))));
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(entries("cases.rate", done.number().value()))
                .anyMatch(e -> e.outcome() == AuditEvent.Outcome.DENIED);

        TestBrowser.Page form = applicantBrowser.get(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("input[name=score]").eachAttr("value")).containsExactly("1", "2", "3", "4", "5");
        String csrf = TestBrowser.csrf(form);
        TestBrowser.Page rated = applicantBrowser.postMulti(
                page,
                Map.of(
                        "score", List.of("2"),
                        "tags", List.of("EFFICIENCY", "ATTITUDE"),
                        "comment", List.of("窗口很耐心"),
                        "_csrf", List.of(csrf)));
        assertThat(rated.status()).isEqualTo(302);
        TestBrowser.Page shown = applicantBrowser.get(page);
        assertThat(shown.html().select("[data-testid=notice]").text()).contains("感谢您的评价");
        assertThat(shown.html().select("[data-testid=given]").text()).contains("满意", "办事效率", "服务态度", "窗口很耐心");
        assertThat(shown.html().select("form[action$=/rating]")).isEmpty();
        assertThat(shown.html().select("[data-testid=rectification]")).isEmpty();

        TestBrowser.Page again = applicantBrowser.post(page, Map.of("score", "5", "_csrf", csrf));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html().select("[data-testid=problem]").text()).contains("只能评价一次");
        assertThat(ratings.of(done.id()).orElseThrow().score()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_rating WHERE case_id = :id")
                        .param("id", done.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_rectification WHERE case_id = :id")
                        .param("id", done.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(entries("cases.rate", done.number().value()))
                .anyMatch(e -> e.outcome() == AuditEvent.Outcome.SUCCESS
                        && e.actor().equals(applicant.username())
                        && "score=2".equals(e.details()));
    }

    @Test
    void twoRatingsSentAtOnceStoreOne() throws InterruptedException, ExecutionException {
        TestCases.Submitted done = TestCases.completed(caseRecords, HEFEI_MARKET, "340100", applicantId);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (int score : new int[] {1, 5}) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    ratings.rate(applicant(), done.id(), new CaseRatings.Given(score, null, List.of()));
                    return "rated";
                } catch (CaseConflictException e) {
                    return e.messageKey();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<String> attempt : attempts) {
            outcomes.add(attempt.get());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("rated", "cases.rating.once");
        assertThat(jdbc.sql("SELECT count(*) FROM cases_rating WHERE case_id = :id")
                        .param("id", done.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        int score = ratings.of(done.id()).orElseThrow().score();
        long tasks = jdbc.sql("SELECT count(*) FROM cases_rectification WHERE case_id = :id")
                .param("id", done.id())
                .query(Long.class)
                .single();
        assertThat(tasks).isEqualTo(score == 5 ? 1 : 0);
    }

    @Test
    void aPoorRatingIsDueFifteenWorkingDaysLaterOnThe2026Calendar() {
        // Rated on Thursday 24 September 2026: 中秋 (25–27 September) and 国庆 (1–7 October) are not counted, the
        // adjusted working Saturday 10 October is: the fifteenth working day after it is Thursday 22 October.
        TestCases.Submitted done = TestCases.completed(caseRecords, HEFEI_MARKET, "340100", applicantId);
        Instant ratedAt = LocalDate.of(2026, 9, 24)
                .atTime(10, 0)
                .atZone(BusinessTime.ZONE)
                .toInstant();
        Rating rating = ratings.rate(
                applicant(), done.id(), new CaseRatings.Given(4, "材料要求讲得不清楚", List.of(RatingTag.MATERIALS)), ratedAt);
        assertThat(rating.bad()).isTrue();
        Rectification task = ratingRecords.rectificationOfRating(rating.id()).orElseThrow();
        assertThat(task.openedOn()).isEqualTo(LocalDate.of(2026, 9, 24));
        assertThat(task.dueOn()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(task.organisationUscc()).isEqualTo(HEFEI_MARKET);
        assertThat(task.open()).isTrue();
        assertThat(entries("cases.rectification.open", done.number().value()))
                .anyMatch(e -> e.details().contains("due=2026-10-22"));

        assertThatThrownBy(() -> ratings.rate(applicant(), done.id(), new CaseRatings.Given(1, null, List.of())))
                .isInstanceOf(CaseConflictException.class)
                .hasMessage("cases.rating.once");
    }

    @Test
    void theDepartmentRectifiesAndFollowsUpWhileOthersSeeNothingAndSupervisorsOnlyLook() {
        TestCases.Submitted done = TestCases.completed(caseRecords, HEFEI_MARKET, "340100", applicantId);
        String page = "/my/cases/" + done.id() + "/rating";
        TestBrowser.Page rated = applicantBrowser.postMulti(
                page,
                Map.of(
                        "score", List.of("5"),
                        "tags", List.of("EFFICIENCY"),
                        "comment", List.of("超过承诺时限才办结"),
                        "_csrf", List.of(TestBrowser.csrf(applicantBrowser.get(page)))));
        assertThat(rated.status()).isEqualTo(302);
        TestBrowser.Page thanked = applicantBrowser.get(page);
        assertThat(thanked.html().select("[data-testid=notice]").text()).contains("转办理部门整改");
        Rectification task = ratingRecords
                .rectificationOfRating(ratings.of(done.id()).orElseThrow().id())
                .orElseThrow();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        assertThat(task.openedOn()).isEqualTo(today);
        assertThat(task.dueOn()).isEqualTo(expectedDue(today));
        String taskPage = "/ratings/tasks/" + task.id();

        // The department's clerk sees it among the open tasks; a clerk of another department sees none at all.
        assertThat(clerk.get("/ratings/tasks")
                        .html()
                        .select("[data-testid=tasks] a")
                        .eachText())
                .contains(done.number().value());
        for (String status : List.of("open", "rectified", "all")) {
            TestBrowser.Page none = strangerClerk.get("/ratings/tasks?status=" + status);
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.html().select("[data-testid=tasks]")).isEmpty();
            assertThat(none.html().select("[data-testid=no-tasks]")).hasSize(1);
        }
        assertThat(strangerClerk.get(taskPage).status()).isEqualTo(404);
        String strangerCsrf = TestBrowser.csrf(strangerClerk.get("/ratings/tasks"));
        assertThat(strangerClerk
                        .post(taskPage + "/rectification", Map.of("measures", "越权整改", "_csrf", strangerCsrf))
                        .status())
                .isEqualTo(404);
        assertThat(otherCitizen.get(taskPage).status()).isEqualTo(403);

        // The supervisor sees the task and the rating, and cannot act.
        TestBrowser.Page watched = supervisor.get(taskPage);
        assertThat(watched.status()).isEqualTo(200);
        assertThat(watched.html().select("[data-testid=rating]").text()).contains("非常不满意", "超过承诺时限才办结");
        assertThat(watched.html().select("form[action$=/rectification]")).isEmpty();
        assertThat(supervisor
                        .get("/ratings")
                        .html()
                        .select("[data-testid=ratings]")
                        .text())
                .contains(done.number().value());

        TestBrowser.Page detail = clerk.get(taskPage);
        assertThat(detail.html().select("[data-testid=due]").text())
                .contains(expectedDue(today).toString());
        String csrf = TestBrowser.csrf(detail);
        TestBrowser.Page tooSoon = clerk.post(
                taskPage + "/follow-ups",
                Map.of("visitedOn", today.toString(), "contact", "NOT_REACHED", "_csrf", csrf));
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.html().select("[data-testid=problem]").text()).contains("请先记录整改情况");

        TestBrowser.Page recorded =
                clerk.post(taskPage + "/rectification", Map.of("measures", "已调整审批流程，压缩办理时限", "_csrf", csrf));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(clerk.get(taskPage).html().select("[data-testid=measures]").text())
                .isEqualTo("已调整审批流程，压缩办理时限");
        assertThat(clerk.post(taskPage + "/rectification", Map.of("measures", "再记一次", "_csrf", csrf))
                        .status())
                .isEqualTo(409);
        assertThat(ratingRecords.rectification(task.id()).orElseThrow().measures())
                .isEqualTo("已调整审批流程，压缩办理时限");
        assertThat(entries("cases.rectification.record", done.number().value()))
                .anyMatch(e ->
                        e.outcome() == AuditEvent.Outcome.SUCCESS && e.actor().startsWith("staff-"));

        TestBrowser.Page followedUp = clerk.post(
                taskPage + "/follow-ups",
                Map.of(
                        "visitedOn",
                        today.toString(),
                        "contact",
                        "REACHED",
                        "satisfactionAfter",
                        "2",
                        "notes",
                        "申请人认可整改",
                        "_csrf",
                        csrf));
        assertThat(followedUp.status()).isEqualTo(302);
        String followUps =
                clerk.get(taskPage).html().select("[data-testid=follow-ups]").text();
        assertThat(followUps).contains(today.toString(), "已联系上申请人", "满意", "申请人认可整改");
        assertThat(entries("cases.follow-up.record", done.number().value()))
                .anyMatch(e ->
                        e.details().contains("contact=REACHED") && e.details().contains("satisfaction=2"));
        assertThat(supervisor
                        .get(taskPage)
                        .html()
                        .select("[data-testid=follow-ups]")
                        .text())
                .contains("申请人认可整改");
        assertThat(clerk.get("/ratings/tasks?status=rectified")
                        .html()
                        .select("[data-testid=tasks] a")
                        .eachText())
                .contains(done.number().value());
        assertThat(applicantBrowser.get(page).html().text()).contains("办理部门已记录整改情况");
    }

    @Test
    void aChangedCalendarCountsTheDueDatesOfOpenTasksAgain() {
        // A task whose due date could not be known when it opened (its count ran into a year without a schedule).
        TestCases.PoorlyRated unknown =
                TestCases.poorlyRated(caseRecords, jdbc, HEFEI_MARKET, "340100", applicantId, false);
        TestCases.PoorlyRated done =
                TestCases.poorlyRated(caseRecords, jdbc, HEFEI_MARKET, "340100", applicantId, true);
        jdbc.sql("UPDATE cases_rectification SET opened_on = DATE '2026-09-24', due_on = NULL WHERE id IN (:ids)")
                .param("ids", List.of(unknown.taskId(), done.taskId()))
                .update();
        // What the listener of CalendarChanged does (asynchronously, after the calendar's transaction), twice.
        rectifications.countDueDatesAgain();
        rectifications.countDueDatesAgain();
        assertThat(ratingRecords.rectification(unknown.taskId()).orElseThrow().dueOn())
                .isEqualTo(LocalDate.of(2026, 10, 22));
        // A rectified task keeps what it was measured against.
        assertThat(ratingRecords.rectification(done.taskId()).orElseThrow().dueOn())
                .isNull();
    }

    private LocalDate expectedDue(LocalDate openedOn) {
        return workingDays.dueDate(openedOn, 15);
    }

    private Actor applicant() {
        return new Actor(
                applicantId,
                UUID.randomUUID(),
                applicant.username(),
                "评价人",
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
    }

    private List<AuditEntry> entries(String action, String caseNumber) {
        return log.search(new AccountabilityLog.Query(null, "case", caseNumber, action, null, null), 20, 0);
    }
}
