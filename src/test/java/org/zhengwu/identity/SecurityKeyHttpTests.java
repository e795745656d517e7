package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.zhengwu.support.SoftwareAuthenticator;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Security keys and passkeys (WebAuthn) as a staff second factor, over HTTP with a key in software: chosen at the first
 * sign-in instead of an authenticator app, then the way in; and every answer that must not sign anyone in — no
 * challenge, one answered twice, another account's key, an unknown key, a forged signature, another site's page, a
 * copy of the key — refused, logged and counted. A half-finished sign-in cannot add a factor to an account that has
 * one; the last factor cannot be removed; the security administrator's reset removes the keys and ends the sessions.
 */
@ZhengwuTest
class SecurityKeyHttpTests {

    static final String KEY_NAME = "办公室安全密钥";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    /** A member of staff with a key, and a browser in which they are fully signed in with it. */
    record KeyHolder(String username, SoftwareAuthenticator key, TestBrowser browser) {}

    /**
     * A browser of this class's own client address: the refused answers here count as failed sign-ins, and must not
     * use up the allowance of 127.0.0.1 that the other tests share.
     */
    private TestBrowser browser() {
        return new TestBrowser(port, "192.0.2.241");
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private String newStaff() {
        String username = "key-" + TestPeople.newMobile();
        staff.create(
                username, "安全密钥测试", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        return username;
    }

    /** A new member of staff who chooses a security key at the first sign-in and finishes signing in with it. */
    private KeyHolder enrolledWithKey() {
        String username = newStaff();
        TestBrowser browser = browser();
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/mfa/setup");
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        assertThat(browser.enrolSecurityKey(key, KEY_NAME).location()).endsWith("/admin");
        return new KeyHolder(username, key, browser);
    }

    private static Page answer(TestBrowser browser, String credential, String csrf) {
        return browser.post("/login/mfa/webauthn", Map.of("credential", credential, "_csrf", csrf));
    }

    private TestBrowser halfSignedIn(String username) {
        TestBrowser browser = browser();
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");
        return browser;
    }

    private static void assertRefused(TestBrowser browser, Page answer, String message) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.html().select("[data-testid=error-summary]").text()).contains(message);
        assertThat(browser.relative(browser.get("/admin").location())).isEqualTo("/login/mfa");
    }

    private List<String> log(String username, String action) {
        return jdbc.sql("""
                        SELECT outcome || ' ' || coalesce(details, '') FROM shared_audit_entry
                        WHERE actor = :u AND action = :action ORDER BY seq""")
                .param("u", username)
                .param("action", action)
                .query(String.class)
                .list();
    }

    private long keys(String username) {
        return jdbc.sql("""
                        SELECT count(*) FROM identity_webauthn_credential k JOIN identity_account a ON a.id = k.account_id
                        WHERE a.username = :u""").param("u", username).query(Long.class).single();
    }

    @Test
    void aNewMemberOfStaffChoosesASecurityKeyAndSignsInWithItAgain() {
        String username = newStaff();
        TestBrowser browser = browser();
        browser.signIn(username, TestBrowser.STAFF_PASSWORD);
        Document setup = browser.get("/account/mfa/setup").html();
        assertThat(setup.select("form[action=/account/mfa/setup]"))
                .as("the authenticator app")
                .hasSize(1);
        assertThat(setup.select("form[action=/account/webauthn/register][data-webauthn=register]"))
                .as("or a security key")
                .hasSize(1);
        assertThat(setup.select("script[src^=/js/webauthn]")).hasSize(1);
        assertThat(setup.select("noscript").text()).contains("JavaScript");

        SoftwareAuthenticator key = new SoftwareAuthenticator();
        browser.registerSecurityKey("/account/mfa/setup", key, KEY_NAME);
        Page codes = browser.get("/account/mfa/setup");
        assertThat(codes.html().text()).contains("安全密钥已注册");
        assertThat(browser.get("/admin").status())
                .as("not signed in by registering")
                .isEqualTo(302);
        browser.post("/account/mfa/setup/done", Map.of("_csrf", TestBrowser.csrf(codes)));
        Document mfa = browser.get("/login/mfa").html();
        assertThat(mfa.select("[data-testid=use-security-key]").text()).isEqualTo("使用安全密钥或通行密钥");
        assertThat(mfa.text()).contains("请点击“使用安全密钥或通行密钥”");

        assertThat(browser.relative(browser.enterSecurityKey(key).location()))
                .as("where the password alone was refused")
                .isEqualTo("/admin?continue");
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        browser.post("/logout", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
        TestBrowser again = halfSignedIn(username);
        assertThat(again.enterSecurityKey(key).location()).endsWith("/admin");
        assertThat(again.get("/admin/catalog").status()).isEqualTo(200);

        Document keys = again.get("/account/webauthn").html();
        assertThat(keys.select("[data-testid=security-keys] tbody tr").text()).contains(KEY_NAME);
        assertThat(log(username, "identity.webauthn.register"))
                .containsExactly("SUCCESS security key: " + KEY_NAME + "; first second factor");
        assertThat(log(username, "identity.mfa.verify"))
                .containsExactly("SUCCESS security key: " + KEY_NAME, "SUCCESS security key: " + KEY_NAME);
    }

    /** A half-finished sign-in at the code page, where the page's script would fetch a challenge and post the answer. */
    private record CodePage(TestBrowser browser, String csrf) {

        /** The challenge, as the page's script fetches it. */
        String challenge() {
            return browser.postForJson("/login/mfa/webauthn/options", csrf);
        }

        Page answer(String credential) {
            return SecurityKeyHttpTests.answer(browser, credential, csrf);
        }

        /** Whether {@code credential} was refused with {@code message}, the session still half-signed-in. */
        void refuses(String credential, String message) {
            assertRefused(browser, answer(credential), message);
        }
    }

    private CodePage codePage(String username) {
        TestBrowser browser = halfSignedIn(username);
        return new CodePage(browser, TestBrowser.csrf(browser.get("/login/mfa")));
    }

    @Test
    void anAnswerWithoutAChallengeOrAnsweredTwiceIsRefused() {
        KeyHolder holder = enrolledWithKey();
        CodePage page = codePage(holder.username());
        String answered = holder.key().sign(page.challenge(), origin());
        assertThat(page.answer(answered).location()).endsWith("/admin");

        // The same answer again: in the same session the challenge is spent, in another it is not the one given.
        CodePage replaying = codePage(holder.username());
        replaying.refuses(answered, "已超时或已经用过");
        replaying.challenge();
        replaying.refuses(answered, "安全密钥验证未通过");

        assertThat(log(holder.username(), "identity.mfa.verify"))
                .endsWith("FAILURE security key refused: no challenge", "FAILURE security key refused: not verified");
    }

    @Test
    void anotherAccountsKeyAnUnknownKeyAForgedSignatureAndAnotherSitesPageAreRefused() {
        KeyHolder holder = enrolledWithKey();
        KeyHolder other = enrolledWithKey();
        CodePage page = codePage(holder.username());

        page.refuses(other.key().sign(page.challenge(), origin()), "安全密钥验证未通过");
        page.refuses(new SoftwareAuthenticator().sign(page.challenge(), origin()), "安全密钥验证未通过");
        page.refuses(holder.key().signBroken(page.challenge(), origin()), "安全密钥验证未通过");
        page.refuses(holder.key().sign(page.challenge(), "https://zhengwu.example.test"), "安全密钥验证未通过");

        assertThat(log(holder.username(), "identity.mfa.verify"))
                .endsWith(
                        "FAILURE security key refused: unknown key",
                        "FAILURE security key refused: unknown key",
                        "FAILURE security key refused: not verified",
                        "FAILURE security key refused: not verified");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM identity_sign_in_failure f
                        WHERE f.failed_at > now() - INTERVAL '5 minutes'
                          AND f.login_key = (SELECT 'account:' || id FROM identity_account WHERE username = :u)""").param("u", holder.username()).query(Long.class).single())
                .as("counted as failed sign-ins, as wrong codes are")
                .isEqualTo(4);
        // The control: the right key still signs in, and the other account's key was not touched.
        assertThat(halfSignedIn(holder.username())
                        .enterSecurityKey(holder.key())
                        .location())
                .endsWith("/admin");
        assertThat(halfSignedIn(other.username()).enterSecurityKey(other.key()).location())
                .endsWith("/admin");
    }

    @Test
    void aCopyOfTheKeyWhoseCounterLagsIsRefused() {
        KeyHolder holder = enrolledWithKey();
        SoftwareAuthenticator copy = holder.key().copy();
        assertThat(halfSignedIn(holder.username())
                        .enterSecurityKey(holder.key())
                        .location())
                .endsWith("/admin");

        CodePage page = codePage(holder.username());
        page.refuses(copy.sign(page.challenge(), origin()), "安全密钥验证未通过");
        assertThat(log(holder.username(), "identity.mfa.verify"))
                .last()
                .isEqualTo("FAILURE security key refused: copied key");
    }

    @Test
    void malformedAnswersAreRefusedAndCountedUntilTheAccountLocks() {
        KeyHolder holder = enrolledWithKey();
        CodePage page = codePage(holder.username());
        assertThat(page.answer("").html().select("[data-testid=error-summary]").text())
                .as("no answer at all: the browser could not ask a key, which is no attempt")
                .contains("JavaScript");
        for (String junk : List.of("{", "{}", "[]", "{\"rawId\":\"!!!\",\"response\":{}}")) {
            page.challenge();
            page.refuses(junk, "安全密钥验证未通过");
        }
        // The fifth failure locks the account, as five wrong codes do: the half-finished sign-in ends.
        page.challenge();
        assertThat(page.browser().relative(page.answer("{\"id\":\"x\"}").location()))
                .isEqualTo("/login?error");
        assertThat(browser()
                        .signIn(holder.username(), TestBrowser.STAFF_PASSWORD)
                        .location())
                .as("the password now leads nowhere, even with the right key in hand")
                .endsWith("/login?error");
        assertThat(log(holder.username(), "identity.mfa.verify"))
                .filteredOn(line -> line.startsWith("FAILURE"))
                .hasSize(5)
                .allMatch(line -> line.equals("FAILURE security key refused: malformed"));
    }

    @Test
    void aHalfFinishedSignInCannotAddAFactorToAnAccountThatHasOne() {
        // An account with an authenticator app: a stolen password cannot register a key for it.
        TestBrowser owner = browser();
        String appUser = owner.signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        TestBrowser thief = halfSignedIn(appUser);
        String csrf = TestBrowser.csrf(thief.get("/login/mfa"));
        assertThat(thief.request("POST", "/account/webauthn/register/options", Map.of("_csrf", csrf))
                        .status())
                .isEqualTo(404);
        // Options fetched while fully signed in, in the owner's browser, do not help the other session either.
        String ownerCsrf = TestBrowser.csrf(owner.get("/account/webauthn"));
        String options = owner.postForJson("/account/webauthn/register/options", ownerCsrf);
        Page attempt = thief.post(
                "/account/webauthn/register",
                Map.of(
                        "label",
                        "窃取者的密钥",
                        "credential",
                        new SoftwareAuthenticator().register(options, origin()),
                        "_csrf",
                        csrf));
        assertThat(thief.relative(attempt.location())).isEqualTo("/login/mfa");
        assertThat(keys(appUser)).isZero();
        assertThat(log(appUser, "identity.webauthn.register")).containsExactly("DENIED not allowed");

        // An account with a key only: the stolen password cannot enrol an authenticator app for it.
        KeyHolder holder = enrolledWithKey();
        TestBrowser keyThief = halfSignedIn(holder.username());
        assertThat(keyThief.get("/account/mfa/setup").status()).isEqualTo(302);
        String keyThiefCsrf = TestBrowser.csrf(keyThief.get("/login/mfa"));
        for (String code : List.of("000000", "123456")) {
            assertThat(keyThief.relative(
                            keyThief.post("/account/mfa/setup", Map.of("code", code, "_csrf", keyThiefCsrf))
                                    .location()))
                    .isEqualTo("/account/mfa/setup");
        }
        assertThat(jdbc.sql("SELECT mfa_enrolled_at FROM identity_account WHERE username = :u")
                        .param("u", holder.username())
                        .query(java.sql.Timestamp.class)
                        .optional())
                .isEmpty();
        assertThat(keyThief.relative(keyThief.get("/admin").location())).isEqualTo("/login/mfa");
    }

    @Test
    void keysAreAddedAndRemovedButNeverTheLastSecondFactor() {
        KeyHolder holder = enrolledWithKey();
        TestBrowser browser = holder.browser();
        Document page = browser.get("/account/webauthn").html();
        String onlyKey = holder.key().id();
        String csrf = page.selectFirst("input[name=_csrf]").attr("value");

        Page refused = browser.post("/account/webauthn/" + onlyKey + "/remove", Map.of("_csrf", csrf));
        assertThat(browser.relative(refused.location())).isEqualTo("/account/webauthn");
        assertThat(browser.get("/account/webauthn")
                        .html()
                        .select("[role=alert]")
                        .text())
                .contains("这是您唯一的第二因素");
        assertThat(keys(holder.username())).isEqualTo(1);

        // Another member of staff cannot remove it either: for them it does not exist.
        TestBrowser stranger = browser();
        stranger.signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        assertThat(stranger.post(
                                "/account/webauthn/" + onlyKey + "/remove",
                                Map.of("_csrf", TestBrowser.csrf(stranger.get("/account"))))
                        .status())
                .isEqualTo(404);

        // A second key, named as the first one is refused; then the first can go.
        Page sameName = browser.registerSecurityKey("/account/webauthn", new SoftwareAuthenticator(), KEY_NAME);
        assertThat(browser.relative(sameName.location())).isEqualTo("/account/webauthn");
        assertThat(browser.get("/account/webauthn")
                        .html()
                        .select("[data-testid=error-summary]")
                        .text())
                .contains("密钥名称")
                .contains("已有同名的安全密钥");
        SoftwareAuthenticator home = new SoftwareAuthenticator();
        browser.registerSecurityKey("/account/webauthn", home, "家用通行密钥");
        assertThat(browser.get("/account/webauthn")
                        .html()
                        .select("[role=status]")
                        .text())
                .contains("已添加安全密钥“家用通行密钥”");
        assertThat(keys(holder.username())).isEqualTo(2);
        browser.post("/account/webauthn/" + onlyKey + "/remove", Map.of("_csrf", csrf));
        assertThat(keys(holder.username())).isEqualTo(1);
        assertThat(halfSignedIn(holder.username())
                        .enterSecurityKey(holder.key())
                        .status())
                .as("the removed key no longer signs in")
                .isEqualTo(200);
        assertThat(halfSignedIn(holder.username()).enterSecurityKey(home).location())
                .endsWith("/admin");

        // With an authenticator app besides it, the last key may go too.
        Page setup = browser.get("/account/mfa/setup");
        byte[] secret = Totp.fromBase32(
                setup.html().selectFirst("[data-testid=totp-secret]").text());
        browser.post(
                "/account/mfa/setup",
                Map.of(
                        "code",
                        Totp.code(secret, Totp.step(java.time.Instant.now())),
                        "_csrf",
                        TestBrowser.csrf(setup)));
        browser.post("/account/webauthn/" + home.id() + "/remove", Map.of("_csrf", csrf));
        assertThat(keys(holder.username())).isZero();

        assertThat(log(holder.username(), "identity.webauthn.remove"))
                .containsExactly(
                        "DENIED security key: " + KEY_NAME + "; the last second factor",
                        "SUCCESS security key: " + KEY_NAME,
                        "SUCCESS security key: 家用通行密钥");
    }

    @Test
    void theSecurityAdministratorsResetRemovesTheKeysAndEndsTheSessions() {
        KeyHolder holder = enrolledWithKey();
        TestBrowser administrator = browser();
        administrator.signInNewAdministrator(staff);
        long id = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", holder.username())
                .query(Long.class)
                .single();
        Page account = administrator.get("/admin/accounts/" + id);
        assertThat(account.html().text()).contains("安全密钥或通行密钥");
        administrator.post("/admin/accounts/" + id + "/mfa-reset", Map.of("_csrf", TestBrowser.csrf(account)));

        assertThat(keys(holder.username())).isZero();
        assertThat(holder.browser().get("/admin").location()).contains("/login?withdrawn");
        TestBrowser again = browser();
        assertThat(again.signIn(holder.username(), TestBrowser.STAFF_PASSWORD).location())
                .as("enrols again")
                .endsWith("/account/mfa/setup");
        String csrf = TestBrowser.csrf(again.get("/account/mfa/setup"));
        assertThat(again.request("POST", "/login/mfa/webauthn/options", Map.of("_csrf", csrf))
                        .status())
                .as("the old key is no longer offered")
                .isEqualTo(404);
        assertThat(jdbc.sql("""
                        SELECT details FROM shared_audit_entry
                        WHERE action = 'identity.mfa.reset' AND object_id = :u""")
                        .param("u", holder.username())
                        .query(String.class)
                        .single())
                .contains("security keys removed: 1");
    }
}
