package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.StatementLog;
import org.zhengwu.support.ZhengwuTest;

/**
 * What one submission sends to PostgreSQL (issue 10's durable submissions): every statement, read from
 * the JDBC driver's protocol trace, listed in the test's output and held to a ceiling — while the transaction still
 * writes everything a submission must (the case, its process, timeline, accountability entry and event).
 */
@ZhengwuTest
class SubmissionStatementsTests {

    /**
     * The statements of one submission, BEGIN and COMMIT included (docs/BENCHMARKS.md): two reads, the number's own
     * transaction of four, and the filing transaction.
     */
    static final int CEILING = 21;

    /**
     * The statements of the filing transaction, BEGIN and COMMIT included (the process definition no longer looked up
     * by key in it, and the process started without a variable).
     */
    static final int FILING_CEILING = 15;

    private static long nextAccount = 9_600_000;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource pool;

    @Test
    void aSubmissionIsFewStatementsAndWritesEverythingItMust() {
        PublishedItem item = OnlineItems.first(catalog, CaseKind.PROMISED);
        Actor applicant = citizen();
        // Earlier submissions warm the caches (process definitions, the calendar) as a running server has them, and
        // make the driver prepare the submission's statements under names (its threshold is 5 executions): the
        // statement log must still see each statement's text.
        for (int i = 0; i < 6; i++) {
            long warm = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", "预热"));
            lifecycle.submit(applicant, warm, UUID.randomUUID(), draft -> {});
        }

        long id = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", "计数"));
        UUID key = UUID.randomUUID();
        List<String> statements = StatementLog.of(pool, () -> lifecycle.submit(applicant, id, key, draft -> {}));
        System.out.println("One submission, " + statements.size() + " statements:\n" + StatementLog.listed(statements));

        assertThat(statements).isNotEmpty();
        assertThat(statements).allMatch(s -> s != null && !s.startsWith("? S_"), "every statement with its text");
        // The number is taken in a transaction of its own, which does not wait for the disk, before the submitting
        // transaction begins: the division's sequence row is locked for one statement, not through the filing.
        int numbered = indexOf(statements, "INSERT INTO cases_number_sequence");
        assertThat(numbered).isGreaterThanOrEqualTo(2);
        assertThat(statements.get(numbered - 2)).isEqualToIgnoringCase("BEGIN");
        assertThat(statements.get(numbered - 1)).containsIgnoringCase("synchronous_commit");
        assertThat(statements.get(numbered + 1)).isEqualToIgnoringCase("COMMIT");
        // Before it, only the reads that decide whether there is anything to number (the key, the draft).
        assertThat(statements.subList(0, numbered - 2)).allMatch(s -> s.startsWith("SELECT"));
        List<String> filing = statements.subList(numbered + 2, statements.size());
        assertThat(filing.get(0)).isEqualToIgnoringCase("BEGIN");
        assertThat(filing.get(filing.size() - 1)).isEqualToIgnoringCase("COMMIT");
        assertThat(filing).noneMatch(s -> s.contains("cases_number_sequence"));
        assertThat(filing.stream().filter(s -> s.equalsIgnoreCase("COMMIT"))).hasSize(1);
        assertThat(statements)
                .noneMatch(s -> s.toUpperCase(java.util.Locale.ROOT).contains("ACT_HI_"));
        assertThat(filing).hasSizeLessThanOrEqualTo(FILING_CEILING);
        assertThat(statements).hasSizeLessThanOrEqualTo(CEILING);
        // Everything a submission must write is written, in that one transaction.
        String number = jdbc.sql("SELECT case_number FROM cases_case WHERE submission_key = :key")
                .param("key", key)
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM cases_step WHERE case_id = :id AND step = 'submit'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE action = 'cases.submit' AND object_id = :n")
                        .param("n", number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The outbox: the CaseSubmitted event and the applicant's notice, each a publication written in the transaction
        // (completed publications are not kept, so the statements are the evidence).
        assertThat(statements.stream().filter(s -> s != null && s.startsWith("INSERT INTO EVENT_PUBLICATION")))
                .hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = :n")
                        .param("n", number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM act_ru_task t JOIN cases_case c ON c.process_instance_id = t.proc_inst_id_"
                                        + " WHERE c.id = :id AND t.task_def_key_ = 'accept'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * The statements a signed-in request sends before and besides its page's own work — the session's account and
     * its permissions, looked up by the filters and the controller — listed for docs/BENCHMARKS.md.
     */
    @Test
    void theStatementsOfASignedInRequestAreListed() {
        org.zhengwu.support.TestBrowser browser = new org.zhengwu.support.TestBrowser(port);
        browser.signInNewStaff(
                staff,
                OnlineItems.first(catalog, CaseKind.PROMISED).organisation().uscc(),
                "CASE_CLERK");
        assertThat(browser.get("/").status()).isEqualTo(200);
        List<String> statements = StatementLog.ofEveryThread(
                pool, () -> assertThat(browser.get("/").status()).isEqualTo(200));
        System.out.println(
                "A signed-in GET /, " + statements.size() + " statements:\n" + StatementLog.listed(statements));
        assertThat(statements).isNotEmpty();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.zhengwu.identity.StaffAccounts staff;

    private static int indexOf(List<String> statements, String start) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) != null && statements.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static Actor citizen() {
        long id = nextAccount++;
        return new Actor(
                id,
                UUID.randomUUID(),
                "applicant" + id,
                "申请人" + id,
                AccountType.PERSON,
                RealNameLevel.IN_PERSON,
                Set.of(),
                Map.of(),
                DataScope.NONE);
    }
}
