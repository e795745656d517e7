package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.SERVICE;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.WEB;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.oidc.OidcFixtures.Citizen;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * What the provider must refuse: addresses nobody registered (no open redirect, at sign-in, authorization or
 * sign-out), wrong client secrets, a PKCE verifier that does not match, a code used twice.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenIdProviderRefusalHttpTests {

    static final String CALLBACK = "https://public-app.example.test/callback";
    static final String SIGNED_OUT = "https://public-app.example.test/signed-out";
    static final String ELSEWHERE = "https://elsewhere.example.test/collect";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountabilityLog log;

    OpenIdProvider provider;
    TestBrowser administrator;
    ClientForm app;

    @BeforeAll
    void registerAClient() {
        administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
        app = ClientForm.of(PUBLIC, CALLBACK).withPostLogoutRedirectUris(SIGNED_OUT);
        OidcFixtures.register(administrator, app);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ELSEWHERE,
                CALLBACK + "/../../collect",
                CALLBACK + "?next=" + ELSEWHERE,
                "https://public-app.example.test.elsewhere.example.test/callback",
                "http://public-app.example.test/callback"
            })
    void anUnregisteredRedirectUriIsRefusedWithoutGoingThere(String redirectUri) {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser anonymous = new TestBrowser(port);
        String request =
                provider.authorizationRequest(app.clientId(), redirectUri, "openid profile", "s", "n", Pkce.create());
        Page beforeSignIn = anonymous.get(request);
        assertThat(beforeSignIn.status())
                .as("refused before anyone is asked to sign in")
                .isEqualTo(400);
        assertThat(beforeSignIn.location()).isNull();

        TestBrowser signedIn = new TestBrowser(port);
        signedIn.signIn(citizen.username(), citizen.password());
        Page afterSignIn = signedIn.get(request);
        assertThat(afterSignIn.status()).isEqualTo(400);
        assertThat(afterSignIn.location()).isNull();
        assertThat(afterSignIn.body()).doesNotContain("code=");
    }

    @Test
    void anUnregisteredPostLogoutRedirectUriIsRefusedAndTheSessionGoesOn() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, app.clientId(), CALLBACK, pkce, "n");
        String idToken = provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier())
                .string("id_token");

        Page refused = browser.get(provider.discovery().endSessionEndpoint() + "?"
                + OpenIdProvider.form(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", ELSEWHERE)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.location()).isNull();
        assertThat(browser.get("/account").status()).isEqualTo(200);

        Page signedOut = browser.get(provider.discovery().endSessionEndpoint() + "?"
                + OpenIdProvider.form(
                        Map.of("id_token_hint", idToken, "post_logout_redirect_uri", SIGNED_OUT, "state", "bye")));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).isEqualTo(SIGNED_OUT + "?state=bye");
        assertThat(browser.get("/account").location()).endsWith("/login");
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                citizen.username(), "account", citizen.username(), "identity.sign-out", null, null),
                        5,
                        0))
                .hasSize(1);
    }

    @Test
    void aWrongClientSecretIsUnauthorised() {
        ClientForm service = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, service);
        JsonResponse wrong = provider.clientCredentials(service.clientId(), secret + "x", "catalog.read");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.string("error")).isEqualTo("invalid_client");
        assertThat(wrong.body()).doesNotContainKey("access_token");

        ClientForm web = ClientForm.of(WEB, "https://web-app.example.test/callback");
        String webSecret = OidcFixtures.register(administrator, web);
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(
                browser, provider, web.clientId(), "https://web-app.example.test/callback", pkce, "n");
        JsonResponse stolenCode = provider.exchangeCode(
                web.clientId(), secret, code, "https://web-app.example.test/callback", pkce.verifier());
        assertThat(stolenCode.status()).as("another client's secret").isEqualTo(401);
        assertThat(provider.exchangeCode(
                                web.clientId(),
                                webSecret,
                                code,
                                "https://web-app.example.test/callback",
                                pkce.verifier())
                        .status())
                .isEqualTo(200);

        assertThat(log.search(
                        new AccountabilityLog.Query(
                                null, "client", service.clientId(), "identity.client.authenticate", null, null),
                        5,
                        0))
                .singleElement()
                .satisfies(entry -> assertThat(entry.outcome().name()).isEqualTo("FAILURE"));
    }

    @Test
    void aPkceVerifierThatDoesNotMatchTheChallengeFails() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        String code = OidcFixtures.authorizationCode(browser, provider, app.clientId(), CALLBACK, Pkce.create(), "n");
        JsonResponse mismatch = provider.exchangeCode(
                app.clientId(), null, code, CALLBACK, Pkce.create().verifier());
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.string("error")).isEqualTo("invalid_grant");
        assertThat(mismatch.body()).doesNotContainKey("access_token");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Page answer =
                browser.get(provider.authorizationRequest(app.clientId(), CALLBACK, "openid profile", "s", "n", null));
        assertThat(answer.location()).startsWith(CALLBACK + "?");
        assertThat(OpenIdProvider.query(answer.location()))
                .containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
    }

    @Test
    void aCodeCannotBeUsedTwiceAndTheTokensItGaveAreWithdrawn() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, app.clientId(), CALLBACK, pkce, "n");
        JsonResponse first = provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier());
        assertThat(first.status()).isEqualTo(200);
        assertThat(provider.userInfo(first.string("access_token")).status()).isEqualTo(200);

        JsonResponse second = provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier());
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.string("error")).isEqualTo("invalid_grant");
        assertThat(provider.userInfo(first.string("access_token")).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "continue",
                "redirect",
                "redirect_uri",
                "redirectUrl",
                "returnUrl",
                "return_to",
                "next",
                "url",
                "target",
                "targetUrl",
                "spring-security-redirect",
                "service"
            })
    void theSignInPageSendsNobodyToAnotherSite(String parameter) {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        String query = "?" + OpenIdProvider.form(Map.of(parameter, ELSEWHERE));
        Page login = browser.get("/login" + query);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.html().selectFirst("form[method=post]").attr("action")).isEqualTo("/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", citizen.username());
        fields.put("password", citizen.password());
        fields.put("_csrf", TestBrowser.csrf(login));
        Page signedIn = browser.post("/login" + query, fields);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(onThePlatform(browser, signedIn.location()))
                .as(signedIn.location())
                .isTrue();
        assertThat(browser.followRedirects(signedIn))
                .extracting(Page::uri)
                .allSatisfy(
                        uri -> assertThat(onThePlatform(browser, uri)).as(uri).isTrue());
    }

    @Test
    void aSavedRequestResumesOnThePlatformOnly() {
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        Page protectedPage = browser.get("/account/password?from=" + ELSEWHERE);
        assertThat(protectedPage.location()).endsWith("/login");
        Page signedIn = browser.signIn(citizen.username(), citizen.password());
        assertThat(signedIn.location()).startsWith(browser.base() + "/account/password?");
        assertThat(browser.followRedirects(signedIn))
                .extracting(Page::uri)
                .allSatisfy(
                        uri -> assertThat(onThePlatform(browser, uri)).as(uri).isTrue());
    }

    @Test
    void aDeniedConsentGoesBackToTheClientWithoutACode() {
        ClientForm asking = ClientForm.of(PUBLIC, CALLBACK).withConsent();
        OidcFixtures.register(administrator, asking);
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Page consent = browser.browse(
                provider.authorizationRequest(asking.clientId(), CALLBACK, "openid profile", "s1", "n", Pkce.create()));
        var deny = consent.html().select("form").stream()
                .filter(f -> f.select("button").text().equals("拒绝"))
                .findFirst()
                .orElseThrow();
        Page denied = browser.postMulti(deny.attr("action"), TestBrowser.formFields(deny));
        assertThat(denied.location()).startsWith(CALLBACK + "?");
        assertThat(OpenIdProvider.query(denied.location()))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "s1")
                .doesNotContainKey("code");
    }

    private static boolean onThePlatform(TestBrowser browser, String address) {
        URI uri = URI.create(browser.base()).resolve(address);
        return uri.toString().startsWith(browser.base() + "/");
    }

    @Test
    void anAdministratorCannotRegisterAClientThatReceivesCodesOverPlainHttpOrAtAFragment() {
        for (String address : List.of(
                "http://app.example.test/callback",
                "https://app.example.test/callback#x",
                "javascript:alert(1)",
                "/relative/callback")) {
            ClientForm client = ClientForm.of(PUBLIC, address);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OidcFixtures.register(administrator, client))
                    .as(address)
                    .hasMessageContaining("回调地址");
        }
    }
}
