package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 等保 登录失败处理 and session protection over real HTTP: lockout after five failures, the same answer whether or not
 * an account exists, the per-address limit, session renewal and cookie attributes, idle timeouts.
 */
@ZhengwuTest
class SignInProtectionHttpTests {

    /** Documentation addresses (RFC 5737), one per test, so that per-address counts never mix. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    private TestBrowser fromNewAddress() {
        return new TestBrowser(port, "198.51.100." + ADDRESS.incrementAndGet());
    }

    private Instant lockedUntil(String username) {
        return jdbc.sql("SELECT locked_until FROM identity_account WHERE username = :u")
                .param("u", username)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    @Test
    void fiveFailuresLockACitizenForFifteenMinutesAndTheAnswerNeverChanges() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "锁定测试");
        TestBrowser browser = fromNewAddress();
        String unknownAnswer =
                browser.signIn("nobody-" + citizen.username(), "Whatever-1").location();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.signIn(citizen.username(), "Wrong-Password-" + i).location())
                    .isEqualTo(unknownAnswer);
            assertThat(lockedUntil(citizen.username())).isNull();
        }
        assertThat(browser.signIn(citizen.username(), "Wrong-Password-5").location())
                .isEqualTo(unknownAnswer);
        assertThat(lockedUntil(citizen.username()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MINUTES));

        // The right password no longer opens the account, and the page says nothing new.
        TestBrowser.Page locked = browser.signIn(citizen.username(), TestPeople.PASSWORD);
        assertThat(locked.location()).isEqualTo(unknownAnswer);
        assertThat(browser.get("/account").status()).isEqualTo(302);
        assertThat(browser.get("/login?error")
                        .html()
                        .selectFirst(".error-summary")
                        .text())
                .isEqualTo(new TestBrowser(port)
                        .get("/login?error")
                        .html()
                        .selectFirst(".error-summary")
                        .text());
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                null, "account", citizen.username(), "identity.lockout", null, null),
                        5,
                        0))
                .hasSize(1);
        // Another identifier of the same account (its mobile) is locked too.
        assertThat(browser.signIn(citizen.mobile(), TestPeople.PASSWORD).location())
                .isEqualTo(unknownAnswer);
    }

    @Test
    void aLockedMemberOfStaffWaitsThirtyMinutesOrForAnAdministrator() {
        String username = "locked-" + TestPeople.newMobile();
        long id = staff.create(
                username, "锁定员工", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        TestBrowser browser = fromNewAddress();
        for (int i = 1; i <= 5; i++) {
            browser.signIn(username, "Wrong-Password-" + i);
        }
        assertThat(lockedUntil(username))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(1, ChronoUnit.MINUTES));
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login?error");

        TestBrowser administrator = new TestBrowser(port);
        String adminName = administrator.signInNewAdministrator(staff);
        assertThat(administrator
                        .get("/admin/accounts?q=" + username)
                        .html()
                        .select("tbody tr")
                        .text())
                .contains(username, "事项编制人员")
                .doesNotContain("CATALOG_EDITOR");
        TestBrowser.Page accountPage = administrator.get("/admin/accounts/" + id);
        assertThat(accountPage.html().text()).contains("锁定");
        TestBrowser.Page unlocked =
                administrator.post("/admin/accounts/" + id + "/unlock", Map.of("_csrf", TestBrowser.csrf(accountPage)));
        assertThat(unlocked.status()).isEqualTo(302);
        assertThat(lockedUntil(username)).isNull();
        assertThat(log.search(
                        new AccountabilityLog.Query(adminName, "account", username, "identity.unlock", null, null),
                        5,
                        0))
                .hasSize(1);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/mfa/setup");
    }

    @Test
    void anAddressWithTooManyFailuresIsTurnedAwayWhateverNameItTries() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "地址限制");
        TestBrowser noisy = fromNewAddress();
        for (int i = 0; i < 30; i++) {
            noisy.signIn("guess-" + i + "-" + citizen.username(), "Guess-Password-" + i);
        }
        assertThat(noisy.signIn(citizen.username(), TestPeople.PASSWORD).location())
                .endsWith("/login?error");
        assertThat(noisy.get("/account").status()).isEqualTo(302);
        assertThat(lockedUntil(citizen.username()))
                .as("the account itself is not punished")
                .isNull();
        assertThat(fromNewAddress()
                        .signIn(citizen.username(), TestPeople.PASSWORD)
                        .location())
                .endsWith("/account");
    }

    @Test
    void signingInRenewsTheSessionCookieWhichIsHttpOnlyAndSameSite() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "会话测试");
        TestBrowser browser = fromNewAddress();
        TestBrowser.Page login = browser.get("/login");
        String before = sessionCookie(setCookies(login));
        assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        TestBrowser.Page signedIn = browser.signIn(citizen.username(), TestPeople.PASSWORD);
        String after = sessionCookie(setCookies(signedIn));
        assertThat(after).isNotNull().contains("HttpOnly");
        assertThat(value(after)).isNotEqualTo(value(before));
    }

    @Test
    void staffSessionsEndAfterThirtyIdleMinutesAndThePublicAfterTwoHours() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "超时测试");
        TestBrowser person = fromNewAddress();
        person.signIn(citizen.username(), TestPeople.PASSWORD);
        assertThat(person.get("/account").html().body().attr("data-session-seconds"))
                .isEqualTo("7200");
        TestBrowser clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        assertThat(clerk.get("/admin").html().body().attr("data-session-seconds"))
                .isEqualTo("1800");
        // The warning before the end is written in the page, in the reader's language, for the script to show.
        assertThat(clerk.get("/admin").html().selectFirst("#session-warning").attr("data-warning"))
                .isNotBlank();
    }

    @Test
    void aStaffPasswordOlderThanNinetyDaysMustBeChangedBeforeAnythingElse() {
        String username = "expiry-" + TestPeople.newMobile();
        staff.create(username, "密码到期", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        new TestBrowser(port).signInStaff(username, TestBrowser.STAFF_PASSWORD);
        jdbc.sql(
                        "UPDATE identity_account SET password_changed_at = CURRENT_TIMESTAMP - INTERVAL '91 days' WHERE username = :u")
                .param("u", username)
                .update();

        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signInStaff(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/password?expired");
        assertThat(browser.get("/admin/catalog").location()).endsWith("/account/password?expired");
        TestBrowser.Page form = browser.get("/account/password?expired");
        assertThat(form.html().text()).contains("90 天");
        String csrf = TestBrowser.csrf(form);
        TestBrowser.Page reused = browser.post(
                "/account/password",
                Map.of(
                        "current",
                        TestBrowser.STAFF_PASSWORD,
                        "password",
                        TestBrowser.STAFF_PASSWORD,
                        "confirmation",
                        TestBrowser.STAFF_PASSWORD,
                        "_csrf",
                        csrf));
        assertThat(reused.html().text()).contains("最近 5 次");
        TestBrowser.Page changed = browser.post(
                "/account/password",
                Map.of(
                        "current",
                        TestBrowser.STAFF_PASSWORD,
                        "password",
                        "Renewed-Password-90",
                        "confirmation",
                        "Renewed-Password-90",
                        "_csrf",
                        csrf));
        assertThat(changed.location()).endsWith("/admin");
        assertThat(browser.get("/admin/catalog").status()).isEqualTo(200);
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                username, "account", username, "identity.password.change", null, null),
                        1,
                        0))
                .hasSize(1);
    }

    private static List<String> setCookies(TestBrowser.Page page) {
        return page.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream()
                .filter(c -> c.startsWith("ZHENGWU_SESSION="))
                .findFirst()
                .orElse(null);
    }

    private static String value(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
