package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * How many sessions one account may hold, and how long any may last: an administrator one at a time (the newest
 * sign-in wins, and the one pushed out is told why), citizens as many as they like, and every session ends at its
 * absolute lifetime however active — the person told why, and taken back to the page they asked for once signed in
 * again. Other staff's limit is counted in {@code AccountSessionsTests}, without a sign-in per authenticator step.
 */
@ZhengwuTest
class SessionLimitsHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorHoldsOneSessionAndAPasswordAlonePushesNobodyOut() {
        TestBrowser first = new TestBrowser(port);
        String username = first.signInNewAdministrator(staff);
        TestBrowser second = new TestBrowser(port);
        assertThat(second.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");
        assertThat(first.get("/admin").status())
                .as("a session waiting for its second factor counts for nothing")
                .isEqualTo(200);

        second.enterSecondFactor(username);
        assertThat(second.get("/admin").status()).isEqualTo(200);
        Page pushedOut = first.get("/admin");
        assertThat(first.relative(pushedOut.location())).isEqualTo("/login?replaced");
        assertThat(first.get("/login?replaced").html().select("[role=alert]").text())
                .contains("您的登录已失效")
                .contains("已在其他地方登录");
        assertThat(first.get("/admin").location()).endsWith("/login");
        assertThat(second.get("/admin").status())
                .as("the newest sign-in goes on")
                .isEqualTo(200);
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                username, "account", username, "identity.session.replace", null, null),
                        5,
                        0))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).isEqualTo("earlier sessions ended: 1; limit 1"));
    }

    @Test
    void citizensHoldAsManySessionsAsTheyLike() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "多处登录");
        List<TestBrowser> browsers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestBrowser browser = new TestBrowser(port);
            assertThat(browser.signIn(citizen.username(), TestPeople.PASSWORD).location())
                    .endsWith("/account");
            browsers.add(browser);
        }
        assertThat(browsers)
                .allSatisfy(
                        browser -> assertThat(browser.get("/account").status()).isEqualTo(200));
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeAndSigningInAgainResumesWhereItWas() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "会话时限");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        long id = directory.find(citizen.username()).orElseThrow().id();
        assertThat(lifetimeHours(id)).as("the public's lifetime").isEqualTo(24);
        String clerk = new TestBrowser(port).signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        assertThat(lifetimeHours(directory.find(clerk).orElseThrow().id()))
                .as("staff's lifetime")
                .isEqualTo(12);
        assertThat(browser.get("/account/enterprises").status()).isEqualTo(200);

        // Twenty-four hours on, however active the session was.
        jdbc.sql(
                        "UPDATE identity_session SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1 second' WHERE account_id = :id")
                .param("id", id)
                .update();
        Page ended = browser.get("/account/enterprises");
        assertThat(browser.relative(ended.location())).isEqualTo("/login?expired");
        assertThat(browser.get("/login?expired").html().select("[role=alert]").text())
                .contains("最长时限");
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                "system", "account", citizen.username(), "identity.session.expire", null, null),
                        5,
                        0))
                .hasSize(1);

        assertThat(browser.signIn(citizen.username(), TestPeople.PASSWORD).location())
                .as("signed in again, back where the session ended")
                .contains("/account/enterprises");
        assertThat(browser.get("/account/enterprises").status()).isEqualTo(200);
    }

    private long lifetimeHours(long accountId) {
        return jdbc.sql("""
                        SELECT CAST(EXTRACT(EPOCH FROM expires_at - signed_in_at) / 3600 AS BIGINT)
                        FROM identity_session WHERE account_id = :id ORDER BY id DESC LIMIT 1""").param("id", accountId).query(Long.class).single();
    }
}
