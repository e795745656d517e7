package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.SERVICE;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.WEB;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.oidc.OidcFixtures.Citizen;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * An administrator disables, enables, deletes a connected system and replaces its secret at /admin/clients: disabling
 * stops new tokens of every kind and revokes the live ones, a new secret is shown once and the old one stops working,
 * deleting removes the system with its grants — each recorded in the accountability log.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAdministrationHttpTests {

    static final String CALLBACK = "https://client-admin-app.example.test/callback";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    TestBrowser administrator;
    String administratorName;
    OpenIdProvider provider;

    @BeforeAll
    void signInAnAdministrator() {
        administrator = new TestBrowser(port);
        administratorName = administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
    }

    @Test
    void disablingASystemStopsNewTokensAndRevokesItsLiveOnesUntilItIsEnabledAgain() {
        ClientForm web = ClientForm.of(WEB, CALLBACK);
        String secret = OidcFixtures.register(administrator, web);
        TestBrowser person = signedInCitizen();
        JsonResponse tokens = tokens(person, web, secret);
        assertThat(provider.userInfo(tokens.string("access_token")).status()).isEqualTo(200);

        assertThat(setEnabled(web.clientId(), false).location()).endsWith("/admin/clients/" + web.clientId());
        Page page = administrator.get("/admin/clients/" + web.clientId());
        assertThat(page.html().selectFirst("[data-testid=client-status]").text())
                .isEqualTo("已停用");
        assertThat(page.html().select("[role=status]").text()).contains("已撤销");

        JsonResponse refreshed = provider.refresh(web.clientId(), secret, tokens.string("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(401);
        assertThat(refreshed.string("error")).isEqualTo("invalid_client");
        assertThat(provider.userInfo(tokens.string("access_token")).status())
                .as("the record of its access token is gone")
                .isEqualTo(401);
        Pkce pkce = Pkce.create();
        Page refused = person.get(
                provider.authorizationRequest(web.clientId(), CALLBACK, "openid profile", "state", "nonce", pkce));
        assertThat(refused.status()).as("no code for a disabled system").isEqualTo(400);
        assertThat(refused.location()).isNull();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM oauth2_authorization a JOIN oauth2_registered_client c
                          ON c.id = a.registered_client_id WHERE c.client_id = :id""").param("id", web.clientId()).query(Long.class).single())
                .isZero();
        assertThat(entries(web.clientId(), "identity.client.disable"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).isEqualTo("authorizations revoked: 1"));

        setEnabled(web.clientId(), true);
        assertThat(tokens(person, web, secret).status()).as("enabled again").isEqualTo(200);
        assertThat(provider.introspect(web.clientId(), secret, tokens.string("access_token"))
                        .body())
                .as("a person's token whose record was revoked is not recognised by its signature instead")
                .containsEntry("active", false);
        assertThat(entries(web.clientId(), "identity.client.enable")).hasSize(1);
    }

    @Test
    void aDisabledDepartmentSystemGetsNoTokenWithItsOwnCredentials() {
        ClientForm service = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, service);
        String before = provider.clientCredentials(service.clientId(), secret, "catalog.read")
                .string("access_token");
        ClientForm resourceServer = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String resourceServerSecret = OidcFixtures.register(administrator, resourceServer);
        assertThat(provider.introspect(resourceServer.clientId(), resourceServerSecret, before)
                        .body())
                .containsEntry("active", true);

        setEnabled(service.clientId(), false);
        long disabledInSecond = java.time.Instant.now().getEpochSecond();
        assertThat(provider.clientCredentials(service.clientId(), secret, "catalog.read")
                        .status())
                .isEqualTo(401);
        assertThat(provider.introspect(resourceServer.clientId(), resourceServerSecret, before)
                        .body())
                .as("its live token is revoked with it")
                .containsEntry("active", false);
        assertThat(administrator
                        .get("/admin/clients")
                        .html()
                        .select("tr[data-client=" + service.clientId() + "]")
                        .text())
                .contains("已停用");

        setEnabled(service.clientId(), true);
        // A token carries its issue time in whole seconds, and one issued in the second the system was disabled
        // counts as issued before: the next one is issued in a later second.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> java.time.Instant.now().getEpochSecond() > disabledInSecond);
        JsonResponse after = provider.clientCredentials(service.clientId(), secret, "catalog.read");
        assertThat(after.status()).isEqualTo(200);
        assertThat(provider.introspect(resourceServer.clientId(), resourceServerSecret, before)
                        .body())
                .as("enabling again does not bring back what disabling revoked")
                .containsEntry("active", false);
        assertThat(provider.introspect(resourceServer.clientId(), resourceServerSecret, after.string("access_token"))
                        .body())
                .containsEntry("active", true);

        setEnabled(service.clientId(), false);
        Page asked = administrator.get("/admin/clients/" + service.clientId() + "/delete");
        administrator.post(
                "/admin/clients/" + service.clientId() + "/delete", Map.of("_csrf", TestBrowser.csrf(asked)));
        assertThat(provider.introspect(resourceServer.clientId(), resourceServerSecret, after.string("access_token"))
                        .body())
                .as("a deleted system's tokens")
                .containsEntry("active", false);
    }

    @Test
    void aNewSecretIsShownOnceAndTheOldOneStopsWorkingAtOnce() {
        ClientForm service = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String old = OidcFixtures.register(administrator, service);

        Page shown = administrator.get(administrator.relative(administrator
                .post(
                        "/admin/clients/" + service.clientId() + "/secret",
                        Map.of("_csrf", TestBrowser.csrf(administrator.get("/admin/clients/" + service.clientId()))))
                .location()));
        String replaced =
                shown.html().selectFirst("[data-testid=client-secret]").text();
        assertThat(replaced).isNotBlank().isNotEqualTo(old);
        assertThat(administrator
                        .get("/admin/clients/" + service.clientId())
                        .html()
                        .select("[data-testid=client-secret]"))
                .as("shown once")
                .isEmpty();

        assertThat(provider.clientCredentials(service.clientId(), old, "catalog.read")
                        .status())
                .isEqualTo(401);
        assertThat(provider.clientCredentials(service.clientId(), replaced, "catalog.read")
                        .status())
                .isEqualTo(200);
        assertThat(entries(service.clientId(), "identity.client.secret")).hasSize(1);
    }

    @Test
    void aPublicSystemHasNoSecretToReplace() {
        ClientForm app = ClientForm.of(PUBLIC, CALLBACK);
        OidcFixtures.register(administrator, app);
        Page page = administrator.get("/admin/clients/" + app.clientId());
        assertThat(page.html().select("form[action$=/secret]")).isEmpty();
        Page refused = administrator.get(administrator.relative(administrator
                .post("/admin/clients/" + app.clientId() + "/secret", Map.of("_csrf", TestBrowser.csrf(page)))
                .location()));
        assertThat(refused.html().select("[data-testid=client-secret]")).isEmpty();
        assertThat(refused.html().select("[role=alert]").text()).contains("没有密钥");
        assertThat(entries(app.clientId(), "identity.client.secret")).isEmpty();
    }

    @Test
    void deletingASystemAsksFirstThenRemovesItWithItsGrants() {
        ClientForm web = ClientForm.of(WEB, CALLBACK).withConsent();
        String secret = OidcFixtures.register(administrator, web);
        TestBrowser person = signedInCitizen();
        Pkce pkce = Pkce.create();
        String state = OpenIdProvider.random(8);
        Page consent =
                person.get(provider.authorizationRequest(web.clientId(), CALLBACK, "openid profile", state, "n", pkce));
        assertThat(consent.status()).as("consent asked").isEqualTo(302);
        Page consentPage = person.get(person.relative(consent.location()));
        Element approve = consentPage.html().select("form").stream()
                .filter(form -> form.select("button").text().equals("同意"))
                .findFirst()
                .orElseThrow();
        Page approved = person.postMulti(approve.attr("action"), TestBrowser.formFields(approve));
        String code = OidcFixtures.codeFrom(approved, CALLBACK, state);
        assertThat(provider.exchangeCode(web.clientId(), secret, code, CALLBACK, pkce.verifier())
                        .status())
                .isEqualTo(200);

        Page asked = administrator.get("/admin/clients/" + web.clientId() + "/delete");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.html().selectFirst("h1").text()).contains(web.name());
        assertThat(administrator.get("/admin/clients").html().select("tr[data-client=" + web.clientId() + "]"))
                .as("asking deletes nothing")
                .hasSize(1);

        Page deleted = administrator.post(
                "/admin/clients/" + web.clientId() + "/delete", Map.of("_csrf", TestBrowser.csrf(asked)));
        assertThat(administrator.relative(deleted.location())).isEqualTo("/admin/clients");
        assertThat(administrator.get("/admin/clients").html().select("tr[data-client=" + web.clientId() + "]"))
                .isEmpty();
        assertThat(administrator.get("/admin/clients/" + web.clientId()).status())
                .isEqualTo(404);
        for (String table : List.of("oauth2_authorization", "oauth2_authorization_consent")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE registered_client_id NOT IN"
                                    + " (SELECT id FROM oauth2_registered_client)")
                            .query(Long.class)
                            .single())
                    .as("records of a deleted client left in " + table)
                    .isZero();
        }
        assertThat(entries(web.clientId(), "identity.client.delete"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).isEqualTo("authorizations revoked: 1"));
        assertThat(provider.exchangeCode(web.clientId(), secret, "any", CALLBACK, pkce.verifier())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownSystemIsNotFound() {
        assertThat(administrator.get("/admin/clients/no-such-client").status()).isEqualTo(404);
        assertThat(administrator
                        .post(
                                "/admin/clients/no-such-client/enabled",
                                Map.of(
                                        "enabled",
                                        "false",
                                        "_csrf",
                                        TestBrowser.csrf(administrator.get("/admin/clients"))))
                        .status())
                .isEqualTo(404);
    }

    private Page setEnabled(String clientId, boolean enabled) {
        Page page = administrator.get("/admin/clients/" + clientId);
        Page answer = administrator.post(
                "/admin/clients/" + clientId + "/enabled",
                Map.of("enabled", String.valueOf(enabled), "_csrf", TestBrowser.csrf(page)));
        assertThat(answer.status()).isEqualTo(302);
        return answer;
    }

    private TestBrowser signedInCitizen() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        return browser;
    }

    private JsonResponse tokens(TestBrowser browser, ClientForm client, String secret) {
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, client.clientId(), CALLBACK, pkce, "n");
        JsonResponse tokens = provider.exchangeCode(client.clientId(), secret, code, CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens;
    }

    private List<AuditEntry> entries(String clientId, String action) {
        return log.search(new AccountabilityLog.Query(administratorName, "client", clientId, action, null, null), 5, 0);
    }
}
