package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccessWithdrawal;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.FormAnswers;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;

/**
 * Two application nodes on one PostgreSQL, with no sticky sessions: node A starts the embedded database, node B is
 * given its address as an external database (as production nodes are given {@code ZHENGWU_DB_URL}), and both share the
 * key directory and the file store. One browser — one cookie jar — talks to either node, as a load balancer without
 * stickiness would send it. A member of staff who signed in (with the second factor) on A pages and posts on B with the
 * CSRF token A gave; access withdrawn on B ends the session on A; signing out on B ends it on A. A citizen's case
 * submitted on A is accepted by a clerk on B, whose process step runs on B. A scheduled job taken on A is skipped on B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTests {

    private int portA;
    private int portB;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments: above the test configuration files.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ZhengwuApplication.class).run(arguments);
    }

    private static Map<String, Object> common(int port) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("spring.jmx.enabled", "false");
        p.put("spring.application.admin.enabled", "false");
        return p;
    }

    @BeforeAll
    void startBothNodes() throws java.sql.SQLException {
        portA = freePort();
        portB = freePort();
        nodeA = start(common(portA));
        HikariDataSource database = nodeA.getBean(DataSource.class).unwrap(HikariDataSource.class);
        Map<String, Object> b = common(portB);
        b.put("spring.datasource.url", database.getJdbcUrl());
        b.put("spring.datasource.username", database.getUsername());
        b.put("spring.datasource.password", database.getPassword());
        nodeB = start(b);
        assertThat(nodeB.getBean(JdbcClient.class)
                        .sql("SELECT inet_server_port()")
                        .query(Integer.class)
                        .single())
                .as("node B works on node A's database")
                .isEqualTo(jdbc(nodeA)
                        .sql("SELECT inet_server_port()")
                        .query(Integer.class)
                        .single());
    }

    @AfterAll
    void stopBothNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    private String anOrganisation() {
        return jdbc(nodeA)
                .sql("SELECT uscc FROM basedata_organisation ORDER BY uscc LIMIT 1")
                .query(String.class)
                .single();
    }

    @Test
    void aMemberOfStaffSignedInOnOneNodeContinuesOnTheOtherAndSignsOutThere() {
        TestBrowser onA = new TestBrowser(portA);
        String username =
                onA.signInNewStaff(nodeA.getBean(StaffAccounts.class), anOrganisation(), CaseAccess.CASE_CLERK);
        assertThat(onA.cookie("ZHENGWU_SESSION"))
                .as("the session cookie keeps its name")
                .isNotNull();
        assertThat(jdbc(nodeA)
                        .sql("""
                        SELECT max_inactive_interval FROM identity_http_session WHERE principal_name = :username""")
                        .param("username", username)
                        .query(Integer.class)
                        .list())
                .as("the session is in the database, with the staff idle timeout")
                .containsExactly(30 * 60);

        TestBrowser onB = onA.onPort(portB);
        TestBrowser.Page workbench = onB.get("/workbench");
        assertThat(workbench.status()).as("a signed-in page on B").isEqualTo(200);
        assertThat(workbench.html().select("a[href=/account]"))
                .as("signed in all the way")
                .isNotEmpty();
        TestBrowser.Page account = onB.get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(username);

        // A POST on B with the CSRF token of a page served by A: accepted; with another token, refused.
        String tokenFromA = TestBrowser.csrf(onA.get("/account"));
        assertThat(onB.post("/logout", Map.of("_csrf", "not-" + tokenFromA)).status())
                .as("B checks the token")
                .isEqualTo(403);
        assertThat(onA.get("/workbench").status()).as("still signed in").isEqualTo(200);
        TestBrowser.Page signedOut = onB.post("/logout", Map.of("_csrf", tokenFromA));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).contains("signedOut");

        TestBrowser.Page afterSignOut = onA.get("/workbench");
        assertThat(afterSignOut.status()).as("signed out on B: signed out on A").isEqualTo(302);
        assertThat(afterSignOut.location()).endsWith("/login");
        assertThat(jdbc(nodeB)
                        .sql("SELECT count(*) FROM identity_http_session WHERE principal_name = :username")
                        .param("username", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void accessWithdrawnOnOneNodeEndsTheSessionOnEveryNode() {
        TestBrowser onA = new TestBrowser(portA);
        String username =
                onA.signInNewStaff(nodeA.getBean(StaffAccounts.class), anOrganisation(), CaseAccess.CASE_CLERK);
        TestBrowser onB = onA.onPort(portB);
        assertThat(onB.get("/workbench").status()).isEqualTo(200);

        nodeB.getBean(AccessWithdrawal.class)
                .withdraw(
                        nodeB.getBean(AccountDirectory.class).find(username).orElseThrow(),
                        "test",
                        AccessWithdrawal.Reason.DISABLED);

        TestBrowser.Page refused = onA.get("/workbench");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains("/login?withdrawn");
        assertThat(onB.get("/workbench").status()).isEqualTo(302);
    }

    @Test
    void aCaseSubmittedOnOneNodeIsAcceptedOnTheOther() {
        PublishedCatalog catalog = nodeA.getBean(PublishedCatalog.class);
        PublishedItem item = OnlineItems.first(catalog, CaseKind.PROMISED);
        TestPeople.Citizen person = TestPeople.register(nodeA.getBean(CitizenAccounts.class), "周两台");
        jdbc(nodeA)
                .sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        TestBrowser applicant = new TestBrowser(portA);
        applicant.signIn(person.username(), TestPeople.PASSWORD);

        // The draft, its form and its materials on A; the review and the submission on B.
        TestBrowser.Page start = applicant.get("/apply/" + item.implementationCode());
        assertThat(start.status()).isEqualTo(200);
        TestBrowser.Page begun =
                applicant.post("/apply/" + item.implementationCode(), Map.of("_csrf", TestBrowser.csrf(start)));
        assertThat(begun.status()).isEqualTo(302);
        String formAddress = applicant.relative(begun.location());
        long caseId = Long.parseLong(formAddress.replaceAll("\\D+(\\d+)\\D*", "$1"));
        Document formPage = applicant.get(formAddress).html();
        String csrf = formPage.selectFirst("form[data-testid=application-form] input[name=_csrf]")
                .val();
        for (int i = 0; i < item.guide().materials().size(); i++) {
            var material = item.guide().materials().get(i);
            if (material.required() && material.condition() == null) {
                TestBrowser.Page added = applicant.postMultipart(
                        formAddress.replaceAll("/form$", "") + "/materials",
                        Map.of("material", List.of(String.valueOf(i + 1)), "_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart("材料" + (i + 1) + ".pdf", "application/pdf", TestCases.PDF)));
                assertThat(added.status()).isEqualTo(302);
            }
        }
        Map<String, String> answers = answers(nodeA.getBean(ApplicationForms.class), item, formPage, person, csrf);
        answers.put("next", "review");
        TestBrowser onB = applicant.onPort(portB);
        TestBrowser.Page toReview = onB.post(formAddress, answers);
        assertThat(toReview.status()).as(toReview.body()).isEqualTo(302);
        assertThat(toReview.location()).endsWith("/review");
        TestBrowser.Page reviewPage = onB.get(onB.relative(toReview.location()));
        assertThat(reviewPage.status()).as(reviewPage.body()).isEqualTo(200);
        Document review = reviewPage.html();
        Map<String, String> submission = Map.of(
                "submissionKey",
                review.selectFirst("input[name=submissionKey]").val(),
                "_csrf",
                review.selectFirst("form[action$=/submit] input[name=_csrf]").val());
        TestBrowser.Page submitted = applicant.post("/my/cases/" + caseId + "/submit", submission);
        assertThat(submitted.location()).endsWith("/my/cases/" + caseId + "/receipt");
        CaseRecords records = nodeA.getBean(CaseRecords.class);
        assertThat(records.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);

        // A clerk of the item's organisation, signed in on B, accepts it on B.
        TestBrowser clerk = new TestBrowser(portB);
        clerk.signInNewStaff(
                nodeB.getBean(StaffAccounts.class), item.organisation().uscc(), CaseAccess.CASE_CLERK);
        TestBrowser.Page detail = clerk.get("/workbench/cases/" + caseId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("周两台");
        TestBrowser.Page accepted = clerk.post(
                "/workbench/cases/" + caseId + "/steps",
                Map.of(
                        "action",
                        "ACCEPT",
                        "version",
                        detail.html().selectFirst("input[name=version]").val(),
                        "_csrf",
                        TestBrowser.csrf(detail)));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(records.find(caseId).orElseThrow().status())
                .as("as node A reads it")
                .isEqualTo(CaseStatus.UNDER_REVIEW);
        // The applicant, back on A, sees the acceptance.
        assertThat(applicant.get("/my/cases/" + caseId).status()).isEqualTo(200);
    }

    /**
     * The lock itself — two nodes' schedulers firing together, one run per period, twice without the lock — is what
     * {@code shared.database.JobLocksTests} shows with the platform's {@code JobLocks} on two contexts; here a real job
     * of the platform taken on A is skipped on B, whose attempt leaves A's lock as it was.
     */
    @Test
    void aScheduledJobTakenOnOneNodeIsSkippedOnTheOther() throws Exception {
        Class<?> job = Class.forName("org.zhengwu.cases.lifecycle.DeemedAcceptance");
        Method scheduled = job.getDeclaredMethod("scheduled");
        scheduled.setAccessible(true);
        scheduled.invoke(nodeA.getBean(job));
        String lock = "SELECT locked_at FROM shared_job_lock WHERE name = 'cases.deemed-acceptance'";
        Timestamp takenByA = jdbc(nodeA).sql(lock).query(Timestamp.class).single();
        scheduled.invoke(nodeB.getBean(job));
        assertThat(jdbc(nodeB).sql(lock).query(Timestamp.class).single())
                .as("B did not take the job again within its lockAtLeastFor")
                .isEqualTo(takenByA);
    }

    private static Map<String, String> answers(
            ApplicationForms forms, PublishedItem item, Document formPage, TestPeople.Citizen person, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.putAll(FormAnswers.of(forms.formOf(item.guide()), formPage, person.idNumber(), person.mobile()));
        return fields;
    }
}
