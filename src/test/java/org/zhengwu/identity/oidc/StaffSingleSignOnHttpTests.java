package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * Staff sign in to connected systems with both factors: a session that has passed only the password gets no code;
 * the authorization request waits until the authenticator code is given (or the authenticator enrolled), then
 * resumes.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSingleSignOnHttpTests {

    static final String CALLBACK = "https://staff-app.example.test/callback";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    OpenIdProvider provider;
    ClientForm app;

    @BeforeAll
    void registerAClient() {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
        app = ClientForm.of(PUBLIC, CALLBACK);
        OidcFixtures.register(administrator, app);
    }

    @Test
    void aStaffMemberWhoHasGivenOnlyThePasswordGetsNoCodeUntilTheAuthenticatorCode() {
        String username = new TestBrowser(port).signInNewStaff(staff, null, CatalogAccess.CATALOG_EDITOR);
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");

        Pkce pkce = Pkce.create();
        String request =
                provider.authorizationRequest(app.clientId(), CALLBACK, "openid profile", "staff-state", "n", pkce);
        Page held = browser.get(request);
        assertThat(held.status()).isEqualTo(302);
        assertThat(held.location()).endsWith("/login/mfa").doesNotContain("code=");

        assertThat(browser.get("/login/mfa").header("Content-Security-Policy"))
                .as("the code's answer leads on to the connected system")
                .contains("form-action 'self' https://staff-app.example.test;");
        Page secondFactor = browser.enterSecondFactor(username);
        assertThat(secondFactor.location())
                .as("the authorization request resumes")
                .startsWith(browser.base() + "/oauth2/authorize?");
        String code = OidcFixtures.codeFrom(browser.get(secondFactor.location()), CALLBACK, "staff-state");
        JsonResponse tokens = provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        OpenIdProvider.VerifiedToken id = provider.verify(tokens.string("id_token"));
        assertThat(id.claim("account_type")).isEqualTo("STAFF");
        assertThat(id.claim("name")).isEqualTo("测试人员" + username.substring(6));

        assertThat(jdbc.sql("SELECT attributes FROM oauth2_authorization WHERE principal_name = :name")
                        .param("name", username)
                        .query(String.class)
                        .list())
                .as("what the provider keeps about the sign-in")
                .isNotEmpty()
                .allSatisfy(attributes -> assertThat(attributes).doesNotContain("argon2"));
    }

    @Test
    void aStaffMemberWithoutAnAuthenticatorEnrolsOneBeforeTheAuthorizationResumes() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "新入职人员", TestBrowser.STAFF_PASSWORD, null, Set.of(), "test");
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/account/mfa/setup");

        Pkce pkce = Pkce.create();
        Page held = browser.get(
                provider.authorizationRequest(app.clientId(), CALLBACK, "openid profile", "new-staff", "n", pkce));
        assertThat(held.location()).doesNotStartWith(CALLBACK);
        Page enrolment = browser.follow(browser.relative(held.location()));
        assertThat(enrolment.uri()).endsWith("/account/mfa/setup");
        assertThat(enrolment.html().selectFirst("[data-testid=totp-secret]")).isNotNull();

        Page enrolled = browser.enrolAuthenticator(username);
        assertThat(enrolled.location()).startsWith(browser.base() + "/oauth2/authorize?");
        String code = OidcFixtures.codeFrom(browser.get(enrolled.location()), CALLBACK, "new-staff");
        assertThat(provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier())
                        .status())
                .isEqualTo(200);
    }
}
