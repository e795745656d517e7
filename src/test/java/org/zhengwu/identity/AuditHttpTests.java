package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** Sign-in events and administrative changes reach the accountability log, which administrators search and verify. */
@ZhengwuTest
class AuditHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountabilityLog log;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignInAttempts attempts;

    @Test
    void signInsAndFailuresAreLoggedWithAddressAndRequestId() {
        String typed = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        new TestBrowser(port).signIn(typed, "wrong");
        // A name that is no account is logged by its blind index, never as typed (FailedSignInRecordsHttpTests).
        AuditEntry failure = log.search(
                        new AccountabilityLog.Query(
                                "anonymous",
                                "sign-in-name",
                                attempts.unknownName(typed),
                                "identity.sign-in",
                                null,
                                null),
                        1,
                        0)
                .get(0);
        assertThat(failure.outcome().name()).isEqualTo("FAILURE");
        assertThat(failure.clientIp()).isEqualTo("127.0.0.1");
        assertThat(failure.requestId()).isNotBlank();
        TestBrowser admin = new TestBrowser(port);
        String username = admin.signInNewAdministrator(accounts);
        assertThat(log.search(new AccountabilityLog.Query(username, null, null, "identity.sign-in", null, null), 1, 0))
                .first()
                .extracting(e -> e.outcome().name())
                .isEqualTo("SUCCESS");
    }

    @Test
    void administratorsSearchAndVerifyTheLog() {
        TestBrowser admin = new TestBrowser(port);
        admin.signInNewAdministrator(accounts);
        Document page = admin.get("/admin/audit?action=identity.sign-in").html();
        assertThat(page.select("tbody tr")).isNotEmpty();
        assertThat(page.select("tbody tr td:nth-child(4)").eachText()).allMatch(t -> t.startsWith("登录"));
        String csrf = page.selectFirst("form[action=/admin/audit/verify] input[name=_csrf]")
                .attr("value");
        Document verified =
                admin.post("/admin/audit/verify", Map.of("_csrf", csrf)).html();
        assertThat(verified.selectFirst("[role=status]").text()).contains("日志完整");
        assertThat(new TestBrowser(port).get("/admin/audit").status()).isEqualTo(302);
    }

    @Test
    void actionsAreNamedInTheReadersLanguageAndUnknownOnesByTheirCode() {
        TestBrowser admin = new TestBrowser(port);
        admin.signInNewAdministrator(accounts);
        log.record(AuditEvent.success("tester", "test.unlabelled", "thing", "1"));
        Document chinese = admin.get("/admin/audit?action=identity.sign-in").html();
        assertThat(chinese.selectFirst("tbody tr td:nth-child(4)").text())
                .startsWith("登录")
                .contains("identity.sign-in");
        assertThat(admin.get("/admin/audit?action=test.unlabelled")
                        .html()
                        .selectFirst("tbody tr td:nth-child(4)")
                        .text())
                .isEqualTo("test.unlabelled");
        Document english =
                admin.get("/admin/audit?action=identity.sign-in&lang=en").html();
        assertThat(english.selectFirst("tbody tr td:nth-child(4)").text()).startsWith("Sign-in");
        admin.get("/admin/audit?lang=zh-CN");
    }
}
