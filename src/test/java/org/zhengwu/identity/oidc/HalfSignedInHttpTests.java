package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.Totp;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.identity.web.SecondFactorPaths;
import org.zhengwu.support.SoftwareAuthenticator;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * A member of staff who has given the password but no second factor — whoever stole the password — is never signed
 * in, whatever they send: every method to every path the second-factor rule leaves open to them (the list is read
 * from the rule, so a new open path is tried here without anyone adding it), and every other page, form and token
 * request of the platform.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HalfSignedInHttpTests {

    static final String CALLBACK = "https://half-app.example.test/callback";
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    OpenIdProvider provider;
    ClientForm app;

    /** An administrator with an authenticator: the most a stolen password could open. */
    String administrator;

    /** An administrator with a security key instead: the key's endpoints answer for this one. */
    String keyHolder;

    SoftwareAuthenticator key;

    @BeforeAll
    void setUp() {
        TestBrowser browser = new TestBrowser(port);
        administrator = browser.signInNewAdministrator(staff);
        keyHolder = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(keyHolder, "安全密钥管理员", TestBrowser.STAFF_PASSWORD, null, Set.of(IdentityAccess.ADMIN), "test");
        key = new SoftwareAuthenticator();
        TestBrowser keyBrowser = new TestBrowser(port);
        keyBrowser.signIn(keyHolder, TestBrowser.STAFF_PASSWORD);
        assertThat(keyBrowser.enrolSecurityKey(key, "管理员的安全密钥").location()).endsWith("/admin");
        provider = OpenIdProvider.discover("http://localhost:" + port);
        app = ClientForm.of(PUBLIC, CALLBACK);
        OidcFixtures.register(browser, app);
    }

    @Test
    void closingAnEnrolmentThisSessionDidNotMakeCompletesNothing() {
        long passedBefore = secondFactorsPassed(administrator);
        TestBrowser browser = halfSignedIn(administrator);
        String csrf = TestBrowser.csrf(browser.get("/login/mfa"));

        Page done = browser.post("/account/mfa/setup/done", Map.of("_csrf", csrf));

        assertThat(browser.relative(done.location())).isEqualTo("/login/mfa");
        assertStillHalfSignedIn(browser, "POST /account/mfa/setup/done");
        assertThat(secondFactorsPassed(administrator)).isEqualTo(passedBefore);
    }

    @Test
    void everyMethodOnEveryOpenPathLeavesTheSessionHalfSignedIn() {
        List<String> tried = new ArrayList<>();
        // Both kinds of second factor: for the key holder the key's endpoints are live, with a challenge given.
        for (String username : List.of(administrator, keyHolder)) {
            long passedBefore = secondFactorsPassed(username);
            for (SecondFactorPaths.OpenPath open : SecondFactorPaths.OPEN) {
                for (String method : METHODS) {
                    TestBrowser browser = halfSignedIn(username);
                    String csrf = TestBrowser.csrf(browser.get("/login/mfa"));
                    if (username.equals(keyHolder)) {
                        browser.postForJson("/login/mfa/webauthn/options", csrf);
                    }
                    Page answer = browser.request(
                            method, open.pattern(), Map.of("_csrf", csrf, "code", "", "credential", "", "label", "x"));
                    String what = username + ": " + method + " " + open.pattern() + " → " + answer.status();
                    assertThat(answer.status()).as(what).isLessThan(500);
                    if (open.pattern().equals("/logout") && method.equals("POST")) {
                        assertThat(browser.get("/admin").location()).as(what).endsWith("/login");
                    } else {
                        assertStillHalfSignedIn(browser, what);
                    }
                    tried.add(what);
                }
            }
            assertThat(secondFactorsPassed(username)).as(username).isEqualTo(passedBefore);
        }
        assertThat(tried).hasSize(2 * SecondFactorPaths.OPEN.size() * METHODS.size());
        assertThat(keys(keyHolder))
                .as("no key added by a half-finished sign-in")
                .isEqualTo(1);
    }

    @Test
    void aLiveChallengeAnsweredWithAnythingButTheKeysSignatureSignsNothingIn() {
        long passedBefore = secondFactorsPassed(keyHolder);
        TestBrowser browser = halfSignedIn(keyHolder);
        String csrf = TestBrowser.csrf(browser.get("/login/mfa"));
        String challenge = browser.postForJson("/login/mfa/webauthn/options", csrf);
        SoftwareAuthenticator stranger = new SoftwareAuthenticator();
        List<String> forged = List.of(
                challenge, // the challenge itself sent back
                stranger.sign(challenge, browser.base()), // a key the account does not have
                key.signBroken(challenge, browser.base())); // the right key's answer, its signature altered
        for (String answer : forged) {
            browser.postForJson("/login/mfa/webauthn/options", csrf);
            Page refused = browser.post("/login/mfa/webauthn", Map.of("credential", answer, "_csrf", csrf));
            assertThat(refused.status()).isEqualTo(200);
            assertStillHalfSignedIn(browser, "a forged answer");
        }
        assertThat(secondFactorsPassed(keyHolder)).isEqualTo(passedBefore);

        // The control: the key's own answer, in the same session, signs in.
        assertThat(browser.enterSecurityKey(key).status()).isEqualTo(302);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(secondFactorsPassed(keyHolder)).isEqualTo(passedBefore + 1);
    }

    @Test
    void noOtherPageFormOrEndpointLetsAHalfSignedInSessionThrough() {
        TestBrowser half = halfSignedIn(administrator);
        String halfCsrf = TestBrowser.csrf(half.get("/login/mfa"));
        TestBrowser anonymous = new TestBrowser(port);
        String anonymousCsrf = TestBrowser.csrf(anonymous.get("/login"));
        Set<String> open = new TreeSet<>();
        SecondFactorPaths.OPEN.forEach(p -> open.add(p.pattern()));

        List<String> letThrough = new ArrayList<>();
        int probed = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (open.contains(pattern) || pattern.contains("{") || pattern.contains("*")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    boolean get = method == RequestMethod.GET;
                    Page asAnonymous = get
                            ? anonymous.get(pattern)
                            : anonymous.request(method.name(), pattern, Map.of("_csrf", anonymousCsrf));
                    if (!refused(asAnonymous, anonymous)) {
                        continue; // a public page or form: the half-signed-in may use it as anyone may
                    }
                    Page asHalf =
                            get ? half.get(pattern) : half.request(method.name(), pattern, Map.of("_csrf", halfCsrf));
                    probed++;
                    if (!sentToSecondFactor(asHalf, half)) {
                        letThrough.add(method + " " + pattern + " → " + asHalf.status() + " "
                                + (asHalf.location() == null ? "" : half.relative(asHalf.location())));
                    }
                }
            }
        }
        assertThat(letThrough).as("pages reached with the password alone").isEmpty();
        assertThat(probed).as("pages that need a sign-in").isGreaterThan(20);

        Page authorization = half.get(
                provider.authorizationRequest(app.clientId(), CALLBACK, "openid profile", "half", "n", Pkce.create()));
        assertThat(authorization.location()).doesNotStartWith(CALLBACK).endsWith("/login/mfa");
        assertThat(sentToSecondFactor(half.get("/userinfo", "Accept", "application/json"), half))
                .as("user info")
                .isTrue();
        assertStillHalfSignedIn(half, "after every page of the platform");
    }

    @Test
    void theHalfSignedInCannotChangeThePassword() {
        String username = new TestBrowser(port).signInNewStaff(staff, null);
        TestBrowser browser = halfSignedIn(username);
        String csrf = TestBrowser.csrf(browser.get("/login/mfa"));

        Page change = browser.post(
                "/account/password",
                Map.of(
                        "current",
                        TestBrowser.STAFF_PASSWORD,
                        "password",
                        "Another-Password-2027",
                        "confirmation",
                        "Another-Password-2027",
                        "_csrf",
                        csrf));

        assertThat(browser.relative(change.location())).isEqualTo("/login/mfa");
        assertThat(new TestBrowser(port)
                        .signIn(username, TestBrowser.STAFF_PASSWORD)
                        .location())
                .as("the old password still signs in")
                .endsWith("/login/mfa");
    }

    @Test
    void anEnrolmentStartedButNotProvenCompletesNothingAndAProvenOneSignsIn() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "新入职人员", TestBrowser.STAFF_PASSWORD, null, Set.of(IdentityAccess.ADMIN), "test");
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/mfa/setup");
        Page setup = browser.get("/account/mfa/setup");
        String csrf = TestBrowser.csrf(setup);
        byte[] secret = Totp.fromBase32(
                setup.html().selectFirst("[data-testid=totp-secret]").text());
        String right = Totp.code(secret, Totp.step(java.time.Instant.now()));
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertThat(browser.post("/account/mfa/setup", Map.of("code", wrong, "_csrf", csrf))
                        .status())
                .isEqualTo(200);
        assertThat(browser.relative(browser.post("/account/mfa/setup/done", Map.of("_csrf", csrf))
                        .location()))
                .isEqualTo("/account/mfa/setup");
        assertThat(browser.get("/admin").status()).isEqualTo(302);

        // The control: the same session, with a working code, is signed in — the refusals above are not a broken flow.
        Page enrolled = browser.enrolAuthenticator(username);
        assertThat(enrolled.status()).isEqualTo(302);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.post("/account/mfa/setup/done", Map.of("_csrf", csrf))
                        .location())
                .as("a second 'done' after the sign-in changes nothing")
                .endsWith("/account");
    }

    @Test
    void theControlTheCodeSignsIn() {
        TestBrowser browser = halfSignedIn(administrator);
        browser.enterSecondFactor(administrator);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/admin/accounts").status()).isEqualTo(200);
    }

    @Test
    void theHeaderOffersAHalfSignedInSessionOnlyToSignOut() {
        TestBrowser browser = halfSignedIn(administrator);
        for (String path : List.of("/login/mfa", "/")) {
            var header = browser.get(path).html().selectFirst(".site-header__tools");
            assertThat(header.select("a[href=/account], a[href=/admin], a[href=/login]"))
                    .as("header of %s", path)
                    .isEmpty();
            assertThat(header.select("form[action=/logout]")).hasSize(1);
        }
        browser.enterSecondFactor(administrator);
        var header = browser.get("/").html().selectFirst(".site-header__tools");
        assertThat(header.select("a[href=/account]")).hasSize(1);
        assertThat(header.select("a[href=/admin]")).hasSize(1);
    }

    private TestBrowser halfSignedIn(String username) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");
        return browser;
    }

    private void assertStillHalfSignedIn(TestBrowser browser, String after) {
        for (String page : List.of("/admin", "/admin/accounts", "/account", "/account/password")) {
            Page answer = browser.get(page);
            assertThat(answer.status()).as(after + ": GET " + page).isEqualTo(302);
            assertThat(browser.relative(answer.location()))
                    .as(after + ": GET " + page)
                    .isIn("/login/mfa", "/account/mfa/setup");
        }
    }

    private long keys(String username) {
        return jdbc.sql("""
                        SELECT count(*) FROM identity_webauthn_credential k JOIN identity_account a ON a.id = k.account_id
                        WHERE a.username = :u""").param("u", username).query(Long.class).single();
    }

    private long secondFactorsPassed(String username) {
        return jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry
                        WHERE actor = :u AND action = 'identity.mfa.verify' AND outcome = 'SUCCESS'""").param("u", username).query(Long.class).single();
    }

    /** What an anonymous visitor meets on a page that needs a sign-in. */
    private static boolean refused(Page page, TestBrowser browser) {
        if (page.status() == 401 || page.status() == 403) {
            return true;
        }
        return page.status() / 100 == 3
                && page.location() != null
                && browser.relative(page.location()).startsWith("/login");
    }

    /** What the half-signed-in must meet there: the second-factor page, or a plain refusal. */
    private static boolean sentToSecondFactor(Page page, TestBrowser browser) {
        if (page.status() == 401 || page.status() == 403) {
            return true;
        }
        return page.status() / 100 == 3
                && page.location() != null
                && List.of("/login/mfa", "/account/mfa/setup").contains(browser.relative(page.location()));
    }
}
