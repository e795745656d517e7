package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.WEB;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.identity.oidc.OidcFixtures.Citizen;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Access ends the moment it is withdrawn, whichever way: an account disabled, a role removed, a password changed or
 * reset, a second factor reset. For each, a second browser signed in as the account is signed out at its next
 * request and told why, the refresh token a connected system holds no longer works, its access token is refused at
 * {@code /userinfo}, and the accountability log records the revocation. A disabled account is refused by the token
 * claims and by {@code Actors} even where nothing ended its sessions.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessWithdrawalHttpTests {

    static final String CALLBACK = "https://withdrawal-app.example.test/callback";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    AccountRepository accounts;

    @Autowired
    Actors actors;

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    TestBrowser administrator;
    String administratorName;
    OpenIdProvider provider;
    ClientForm client;
    String secret;

    @BeforeAll
    void registerAConnectedSystem() {
        administrator = new TestBrowser(port);
        administratorName = administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
        client = ClientForm.of(WEB, CALLBACK);
        secret = OidcFixtures.register(administrator, client);
    }

    @Test
    void disablingAnAccountEndsItsSessionsEverywhereAndRevokesItsTokens() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser first = signedIn(citizen);
        TestBrowser second = signedIn(citizen);
        JsonResponse tokens = tokens(first);
        stillSignedIn(second, "/account", tokens);

        long id = directory.find(citizen.username()).orElseThrow().id();
        Page page = administrator.get("/admin/accounts/" + id);
        assertThat(administrator
                        .post(
                                "/admin/accounts/" + id + "/enabled",
                                Map.of("enabled", "false", "_csrf", TestBrowser.csrf(page)))
                        .status())
                .isEqualTo(302);

        assertWithdrawn(second, "/account", tokens, citizen.username(), administratorName, "disabled");
        assertWithdrawn(first, "/account", null, citizen.username(), administratorName, "disabled");
        assertThat(new TestBrowser(port)
                        .signIn(citizen.username(), citizen.password())
                        .location())
                .endsWith("/login?error");
    }

    @Test
    void removingARoleEndsTheSessionsThatHeldItButAddingOneEndsNothing() {
        String username = newStaff(CatalogAccess.CATALOG_EDITOR, IdentityAccess.IDENTITY_CLERK);
        TestBrowser first = new TestBrowser(port);
        first.signInStaff(username, TestBrowser.STAFF_PASSWORD);
        TestBrowser second = new TestBrowser(port);
        second.signInStaff(username, TestBrowser.STAFF_PASSWORD);
        JsonResponse tokens = tokens(first);
        long id = directory.find(username).orElseThrow().id();

        assertThat(saveRoles(
                                id,
                                CatalogAccess.CATALOG_EDITOR,
                                IdentityAccess.IDENTITY_CLERK,
                                CatalogAccess.CATALOG_REVIEWER)
                        .status())
                .isEqualTo(302);
        stillSignedIn(second, "/admin/identity/in-person", tokens);
        assertThat(withdrawals(username)).as("a role added withdraws nothing").isEmpty();

        assertThat(saveRoles(id, CatalogAccess.CATALOG_EDITOR, CatalogAccess.CATALOG_REVIEWER)
                        .status())
                .isEqualTo(302);
        assertWithdrawn(second, "/admin", tokens, username, administratorName, "role_removed");
        assertThat(first.get("/admin").location()).endsWith("/login?withdrawn");
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButNotTheOneThatChangedIt() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser changing = signedIn(citizen);
        TestBrowser other = signedIn(citizen);
        JsonResponse tokens = tokens(other);

        Page form = changing.get("/account/password");
        Page changed = changing.post(
                "/account/password",
                Map.of(
                        "current",
                        citizen.password(),
                        "password",
                        "Changed-Password-2026",
                        "confirmation",
                        "Changed-Password-2026",
                        "_csrf",
                        TestBrowser.csrf(form)));
        assertThat(changed.location()).endsWith("/account");

        assertWithdrawn(other, "/account", tokens, citizen.username(), citizen.username(), "password");
        assertThat(changing.get("/account").status())
                .as("the session that changed the password goes on")
                .isEqualTo(200);
    }

    @Test
    void resettingThePasswordWithACodeEndsEverySession() {
        TestPeople.Citizen person = TestPeople.register(citizens, "重置撤销");
        Citizen citizen = new Citizen(person.username(), TestPeople.PASSWORD, person.realName());
        TestBrowser signedIn = signedIn(citizen);
        JsonResponse tokens = tokens(signedIn);
        String mobile = person.mobile();

        TestBrowser forgetful = new TestBrowser(port);
        Page asked = forgetful.post(
                "/password/reset",
                Map.of("identifier", mobile, "_csrf", TestBrowser.csrf(forgetful.get("/password/reset"))));
        Map<String, String> reset = new HashMap<>(Map.of(
                "identifier",
                mobile,
                "code",
                lastCodeSentTo(mobile),
                "password",
                "Reset-Password-2026",
                "confirmation",
                "Reset-Password-2026",
                "_csrf",
                TestBrowser.csrf(asked)));
        assertThat(forgetful.post("/password/reset/confirm", reset).location()).endsWith("/login?reset");

        assertWithdrawn(signedIn, "/account", tokens, citizen.username(), citizen.username(), "password");
    }

    @Test
    void resettingTheSecondFactorEndsEverySession() {
        String username = newStaff(CatalogAccess.CATALOG_EDITOR);
        TestBrowser first = new TestBrowser(port);
        first.signInStaff(username, TestBrowser.STAFF_PASSWORD);
        TestBrowser second = new TestBrowser(port);
        second.signInStaff(username, TestBrowser.STAFF_PASSWORD);
        JsonResponse tokens = tokens(first);
        long id = directory.find(username).orElseThrow().id();

        Page page = administrator.get("/admin/accounts/" + id);
        assertThat(administrator
                        .post("/admin/accounts/" + id + "/mfa-reset", Map.of("_csrf", TestBrowser.csrf(page)))
                        .status())
                .isEqualTo(302);

        assertWithdrawn(second, "/admin", tokens, username, administratorName, "second_factor_reset");
        assertThat(first.get("/admin").location()).endsWith("/login?withdrawn");
    }

    /**
     * Whatever disabled the account (here the database itself, as a script or another node's half-finished change
     * might), a disabled account gets no token, no user info, no actor, and its sessions end.
     */
    @Test
    void aDisabledAccountIsRefusedEvenWhereNothingEndedItsSessionsOrTokens() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = signedIn(citizen);
        JsonResponse tokens = tokens(browser);
        long id = directory.find(citizen.username()).orElseThrow().id();
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                citizen.username(),
                null,
                List.of(
                        new SimpleGrantedAuthority(AccountDirectory.typeAuthority(AccountType.PERSON)),
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
        try {
            SecurityContextHolder.getContext().setAuthentication(signedIn);
            assertThat(actors.current()).isPresent();

            accounts.setEnabled(id, false);

            assertThat(actors.current()).as("Actors refuses a disabled account").isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
        JsonResponse refreshed = provider.refresh(client.clientId(), secret, tokens.string("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(400);
        assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
        assertThat(provider.userInfo(tokens.string("access_token")).status())
                .as("/userinfo refuses a disabled account's token")
                .isEqualTo(401);
        assertThat(browser.get("/account").location()).endsWith("/login?withdrawn");
    }

    private String newStaff(String... roles) {
        String username = "withdrawn-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "撤销测试", TestBrowser.STAFF_PASSWORD, null, Set.of(roles), "test");
        return username;
    }

    private TestBrowser signedIn(Citizen citizen) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(citizen.username(), citizen.password()).location())
                .endsWith("/account");
        return browser;
    }

    private Page saveRoles(long id, String... roles) {
        Page page = administrator.get("/admin/accounts/" + id);
        return administrator.postMulti(
                "/admin/accounts/" + id + "/roles",
                Map.of("roles", List.of(roles), "_csrf", List.of(TestBrowser.csrf(page))));
    }

    /** What the connected system holds after signing the browser's person in: an access and a refresh token. */
    private JsonResponse tokens(TestBrowser browser) {
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, client.clientId(), CALLBACK, pkce, "n");
        JsonResponse tokens = provider.exchangeCode(client.clientId(), secret, code, CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.string("refresh_token")).isNotBlank();
        return tokens;
    }

    /** Before the withdrawal: the other browser works and the access token is honoured. */
    private void stillSignedIn(TestBrowser browser, String page, JsonResponse tokens) {
        assertThat(browser.get(page).status()).isEqualTo(200);
        assertThat(provider.userInfo(tokens.string("access_token")).status()).isEqualTo(200);
    }

    /**
     * The browser's next request ends its session and sends it to sign in with the reason; the tokens (if given) are
     * refused; one revocation is in the log, by whom and why.
     */
    private void assertWithdrawn(
            TestBrowser browser, String page, JsonResponse tokens, String username, String by, String reason) {
        Page next = browser.get(page);
        assertThat(next.status()).isEqualTo(302);
        assertThat(browser.relative(next.location())).isEqualTo("/login?withdrawn");
        assertThat(browser.get("/login?withdrawn").html().select("[role=alert]").text())
                .contains("您的登录已失效");
        assertThat(browser.get(page).location())
                .as("signed out, not merely redirected once")
                .endsWith("/login");
        if (tokens != null) {
            JsonResponse refreshed = provider.refresh(client.clientId(), secret, tokens.string("refresh_token"));
            assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(400);
            assertThat(refreshed.string("error")).isEqualTo("invalid_grant");
            assertThat(provider.userInfo(tokens.string("access_token")).status())
                    .isEqualTo(401);
        }
        assertThat(withdrawals(username)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(by);
            assertThat(entry.details()).startsWith(reason + ";").contains("sessions ended: ");
            if (tokens != null) {
                assertThat(entry.details()).contains("authorizations revoked: 1");
            }
        });
    }

    private List<AuditEntry> withdrawals(String username) {
        return log.search(
                new AccountabilityLog.Query(null, "account", username, "identity.access.withdraw", null, null), 5, 0);
    }

    /** The last one-time code the development outbox holds for a recipient. */
    private String lastCodeSentTo(String recipient) {
        return PublicForms.lastCodeSentTo(outbox, recipient);
    }
}
