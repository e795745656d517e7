package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.account.Totp;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** Two factors for staff: enrolment with QR code and recovery codes, codes that work once, and the administrator's reset. */
@ZhengwuTest
class SecondFactorHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    private String newClerk() {
        String username = "mfa-" + TestPeople.newMobile();
        staff.create(username, "双因素测试", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        return username;
    }

    private static byte[] secretOf(Document setupPage) {
        return Totp.fromBase32(
                setupPage.selectFirst("[data-testid=totp-secret]").text().replace(" ", ""));
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void aPasswordAloneNeverReachesAdministrationAndEnrolmentNeedsAWorkingCode() {
        String username = newClerk();
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/mfa/setup");
        assertThat(browser.get("/admin").location()).endsWith("/account/mfa/setup");
        assertThat(browser.get("/account").location()).endsWith("/account/mfa/setup");

        Document setup = browser.get("/account/mfa/setup").html();
        assertThat(setup.selectFirst("img[src^=data:image/png;base64,]"))
                .as("the QR code")
                .isNotNull();
        byte[] secret = secretOf(setup);
        String csrf = TestBrowser.csrf(browser.get("/account/mfa/setup"));
        String code = Totp.code(secret, Totp.step(Instant.now()));
        Document wrong = browser.post("/account/mfa/setup", Map.of("code", otherThan(code), "_csrf", csrf))
                .html();
        assertThat(wrong.select(".error-summary").text()).isNotBlank();
        assertThat(secretOf(wrong)).as("the same secret is offered again").isEqualTo(secret);

        TestBrowser.Page enrolled = browser.post("/account/mfa/setup", Map.of("code", code, "_csrf", csrf));
        List<String> recovery = browser.get(browser.relative(enrolled.location()))
                .html()
                .select("[data-testid=recovery-codes] li")
                .eachText();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(browser.post("/account/mfa/setup/done", Map.of("_csrf", csrf))
                        .location())
                .as("back to the page asked for")
                .endsWith("/account?continue");
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT mfa_secret_cipher FROM identity_account WHERE username = :u")
                        .param("u", username)
                        .query(byte[].class)
                        .single())
                .isNotEqualTo(Totp.base32(secret).getBytes());
    }

    @Test
    void aCodeWorksOnceARecoveryCodeWorksOnceAndAnAdministratorCanReset() {
        String username = newClerk();
        TestBrowser first = new TestBrowser(port);
        first.signIn(username, TestBrowser.STAFF_PASSWORD);
        byte[] secret = secretOf(first.get("/account/mfa/setup").html());
        String csrf = TestBrowser.csrf(first.get("/account/mfa/setup"));
        long step = Totp.step(Instant.now());
        String enrolmentCode = Totp.code(secret, step);
        first.post("/account/mfa/setup", Map.of("code", enrolmentCode, "_csrf", csrf));
        List<String> recovery = first.get("/account/mfa/setup")
                .html()
                .select("[data-testid=recovery-codes] li")
                .eachText();
        first.post("/account/mfa/setup/done", Map.of("_csrf", csrf));

        // A second sign-in cannot replay the code used to enrol, nor pass a wrong one.
        TestBrowser second = new TestBrowser(port);
        assertThat(second.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");
        String mfaCsrf = TestBrowser.csrf(second.get("/login/mfa"));
        assertThat(second.post("/login/mfa", Map.of("code", enrolmentCode, "_csrf", mfaCsrf))
                        .status())
                .isEqualTo(200);
        assertThat(second.post("/login/mfa", Map.of("code", otherThan(Totp.code(secret, step + 1)), "_csrf", mfaCsrf))
                        .status())
                .isEqualTo(200);
        assertThat(second.get("/admin").location()).endsWith("/login/mfa");
        // The next step's code (accepted as clock drift) gets in.
        assertThat(second.post("/login/mfa", Map.of("code", Totp.code(secret, step + 1), "_csrf", mfaCsrf))
                        .location())
                .as("back to the page asked for")
                .endsWith("/admin?continue");

        // A recovery code, once.
        TestBrowser third = new TestBrowser(port);
        third.signIn(username, TestBrowser.STAFF_PASSWORD);
        String thirdCsrf = TestBrowser.csrf(third.get("/login/mfa"));
        assertThat(third.post("/login/mfa", Map.of("code", recovery.get(0), "_csrf", thirdCsrf))
                        .location())
                .endsWith("/admin");
        TestBrowser fourth = new TestBrowser(port);
        fourth.signIn(username, TestBrowser.STAFF_PASSWORD);
        assertThat(fourth.post(
                                "/login/mfa",
                                Map.of("code", recovery.get(0), "_csrf", TestBrowser.csrf(fourth.get("/login/mfa"))))
                        .status())
                .isEqualTo(200);

        List<AuditEntry> checks =
                log.search(new AccountabilityLog.Query(username, null, null, "identity.mfa.verify", null, null), 10, 0);
        assertThat(checks).extracting(e -> e.outcome().name()).contains("SUCCESS", "FAILURE");

        // The phone is lost: an administrator resets the second factor and the next sign-in enrols afresh.
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        long id = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        TestBrowser.Page reset = administrator.post(
                "/admin/accounts/" + id + "/mfa-reset",
                Map.of("_csrf", TestBrowser.csrf(administrator.get("/admin/accounts/" + id))));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(new TestBrowser(port)
                        .signIn(username, TestBrowser.STAFF_PASSWORD)
                        .location())
                .endsWith("/account/mfa/setup");
    }

    @Test
    void guessingTheCodeLocksTheAccountLikeGuessingThePassword() {
        String username = newClerk();
        TestBrowser enrol = new TestBrowser(port);
        enrol.signIn(username, TestBrowser.STAFF_PASSWORD);
        byte[] secret = secretOf(enrol.get("/account/mfa/setup").html());
        String csrf = TestBrowser.csrf(enrol.get("/account/mfa/setup"));
        enrol.post("/account/mfa/setup", Map.of("code", Totp.code(secret, Totp.step(Instant.now())), "_csrf", csrf));
        enrol.post("/account/mfa/setup/done", Map.of("_csrf", csrf));

        TestBrowser guesser = new TestBrowser(port, "203.0.113.66");
        guesser.signIn(username, TestBrowser.STAFF_PASSWORD);
        String guessCsrf = TestBrowser.csrf(guesser.get("/login/mfa"));
        TestBrowser.Page last = null;
        for (int i = 0; i < 5; i++) {
            last = guesser.post("/login/mfa", Map.of("code", String.format("%06d", 123450 + i), "_csrf", guessCsrf));
        }
        assertThat(last.location()).endsWith("/login?error");
        assertThat(guesser.get("/admin").location()).endsWith("/login");
        assertThat(jdbc.sql("SELECT locked_until FROM identity_account WHERE username = :u")
                        .param("u", username)
                        .query(java.sql.Timestamp.class)
                        .single())
                .isNotNull();
    }
}
