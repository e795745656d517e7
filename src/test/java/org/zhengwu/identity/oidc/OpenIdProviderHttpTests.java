package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.SERVICE;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.WEB;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.oidc.OidcFixtures.Citizen;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.identity.oidc.OpenIdProvider.VerifiedToken;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The OpenID provider driven from its discovery document, as a client written against the specifications would:
 * authorization code with PKCE for a public client, refresh tokens for a web client, client credentials for a
 * department system, tokens checked against the published keys, pairwise subjects, signing-key rotation.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenIdProviderHttpTests {

    static final String PUBLIC_CALLBACK = "https://public-app.example.test/callback";
    static final String WEB_CALLBACK = "https://web-app.example.test/login/callback";

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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients;

    TestBrowser administrator;
    String administratorName;
    OpenIdProvider provider;

    @BeforeAll
    void discoverTheProvider() {
        administrator = new TestBrowser(port);
        administratorName = administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
    }

    @Test
    void theDiscoveryDocumentNamesEveryEndpointUnderTheIssuer() {
        OpenIdProvider.Discovery discovery = provider.discovery();
        assertThat(discovery.issuer()).isEqualTo("http://localhost:" + port);
        assertThat(List.of(
                        discovery.authorizationEndpoint(),
                        discovery.tokenEndpoint(),
                        discovery.jwksUri(),
                        discovery.userinfoEndpoint(),
                        discovery.endSessionEndpoint()))
                .allSatisfy(endpoint -> assertThat(endpoint).startsWith(discovery.issuer() + "/"));
        assertThat(discovery.endSessionEndpoint()).endsWith("/connect/logout");
        assertThat(provider.publishedKeys().getKeys())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key.isPrivate())
                        .as("a private key part is published")
                        .isFalse());
    }

    @Test
    void aPublicClientSignsACitizenInWithPkceAndEveryTokenVerifiesAgainstThePublishedKeys() {
        ClientForm client = ClientForm.of(PUBLIC, PUBLIC_CALLBACK);
        assertThat(OidcFixtures.register(administrator, client))
                .as("a public client has no secret")
                .isNull();
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());

        Pkce pkce = Pkce.create();
        String nonce = OpenIdProvider.random(16);
        String code =
                OidcFixtures.authorizationCode(browser, provider, client.clientId(), PUBLIC_CALLBACK, pkce, nonce);
        JsonResponse tokens = provider.exchangeCode(client.clientId(), null, code, PUBLIC_CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.string("token_type")).isEqualTo("Bearer");
        assertThat(tokens.body())
                .as("a public client cannot keep a refresh token safe")
                .doesNotContainKey("refresh_token");

        VerifiedToken id = provider.verify(tokens.string("id_token"));
        String subjectId =
                directory.find(citizen.username()).orElseThrow().subjectId().toString();
        assertThat(id.claim("iss")).isEqualTo(provider.discovery().issuer());
        assertThat(id.audience()).containsExactly(client.clientId());
        assertThat(id.claim("nonce")).isEqualTo(nonce);
        assertThat(id.claim("sub")).isEqualTo(subjectId).isNotEqualTo(citizen.username());
        assertThat(id.claim("name")).isEqualTo(citizen.realName());
        assertThat(((Number) id.claim("real_name_level")).intValue()).isEqualTo(1);
        assertThat(id.claim("account_type")).isEqualTo("PERSON");

        VerifiedToken access = provider.verify(tokens.string("access_token"));
        assertThat(access.claim("sub")).isEqualTo(subjectId);
        JsonResponse userInfo = provider.userInfo(tokens.string("access_token"));
        assertThat(userInfo.status()).as(userInfo.raw()).isEqualTo(200);
        assertThat(userInfo.body())
                .containsEntry("sub", subjectId)
                .containsEntry("name", citizen.realName())
                .containsEntry("account_type", "PERSON");
        assertThat(((Number) userInfo.body().get("real_name_level")).intValue()).isEqualTo(1);

        assertThat(tokenIssues(citizen.username(), client.clientId()))
                .singleElement()
                .satisfies(issue -> assertThat(issue.details()).startsWith("grant authorization_code;"));
    }

    @Test
    void aClientWithPairwiseSubjectsSeesAStableSubjectOfItsOwn() {
        ClientForm shared = ClientForm.of(PUBLIC, PUBLIC_CALLBACK);
        ClientForm pairwise = ClientForm.of(PUBLIC, PUBLIC_CALLBACK).withPairwiseSubjects();
        ClientForm otherPairwise = ClientForm.of(PUBLIC, PUBLIC_CALLBACK).withPairwiseSubjects();
        List.of(shared, pairwise, otherPairwise).forEach(c -> OidcFixtures.register(administrator, c));
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());

        String sharedSubject = subjectFor(browser, shared);
        JsonResponse pairwiseTokens = tokensFor(browser, pairwise);
        String pairwiseSubject =
                (String) provider.verify(pairwiseTokens.string("id_token")).claim("sub");
        assertThat(pairwiseSubject).isNotEqualTo(sharedSubject).isNotEqualTo(citizen.username());
        assertThat(pairwiseSubject)
                .as("salted with a secret: not computable from the client's id and the shared subject")
                .isNotEqualTo(org.zhengwu.shared.crypto.Sm3.hashHex(pairwise.clientId() + "|" + sharedSubject)
                        .substring(0, 32));
        assertThat(provider.userInfo(pairwiseTokens.string("access_token")).body())
                .containsEntry("sub", pairwiseSubject);
        assertThat(subjectFor(browser, otherPairwise))
                .isNotEqualTo(pairwiseSubject)
                .isNotEqualTo(sharedSubject);

        TestBrowser laterThatDay = new TestBrowser(port);
        laterThatDay.signIn(citizen.username(), citizen.password());
        assertThat(subjectFor(laterThatDay, pairwise)).isEqualTo(pairwiseSubject);
        assertThat(subjectFor(laterThatDay, shared)).isEqualTo(sharedSubject);
    }

    /** A client registered before subjects were salted keeps the subjects its system has stored. */
    @Test
    void aPairwiseClientRegisteredBeforeSaltingKeepsItsSubjects() {
        ClientForm registered = ClientForm.of(PUBLIC, PUBLIC_CALLBACK).withPairwiseSubjects();
        OidcFixtures.register(administrator, registered);
        var current = clients.findByClientId(registered.clientId());
        Map<String, Object> olderSettings =
                new java.util.HashMap<>(current.getClientSettings().getSettings());
        olderSettings.remove(Claims.PAIRWISE_SALTED);
        String olderId = registered.clientId() + "-older";
        clients.save(org.springframework.security.oauth2.server.authorization.client.RegisteredClient.from(current)
                .id(java.util.UUID.randomUUID().toString())
                .clientId(olderId)
                .clientSettings(
                        org.springframework.security.oauth2.server.authorization.settings.ClientSettings.withSettings(
                                        olderSettings)
                                .build())
                .build());
        ClientForm older = new ClientForm(
                olderId,
                registered.name(),
                registered.kind(),
                registered.redirectUris(),
                registered.postLogoutRedirectUris(),
                registered.scopes(),
                registered.consent(),
                registered.pairwise());
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        ClientForm shared = ClientForm.of(PUBLIC, PUBLIC_CALLBACK);
        OidcFixtures.register(administrator, shared);
        String sharedSubject = subjectFor(browser, shared);

        assertThat(subjectFor(browser, older))
                .isEqualTo(org.zhengwu.shared.crypto.Sm3.hashHex(olderId + "|" + sharedSubject)
                        .substring(0, 32));
    }

    @Test
    void aWebClientRefreshesItsTokensAndARefreshTokenWorksOnlyOnce() {
        ClientForm client = ClientForm.of(WEB, WEB_CALLBACK);
        String secret = OidcFixtures.register(administrator, client);
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, client.clientId(), WEB_CALLBACK, pkce, "n");
        JsonResponse tokens = provider.exchangeCode(client.clientId(), secret, code, WEB_CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        String firstRefresh = tokens.string("refresh_token");
        assertThat(firstRefresh).isNotBlank();

        JsonResponse refreshed = provider.refresh(client.clientId(), secret, firstRefresh);
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshed.string("access_token")).isNotEqualTo(tokens.string("access_token"));
        assertThat(refreshed.string("refresh_token")).isNotBlank().isNotEqualTo(firstRefresh);
        assertThat(provider.verify(refreshed.string("access_token")).claim("sub"))
                .isEqualTo(provider.verify(tokens.string("id_token")).claim("sub"));
        assertThat(provider.userInfo(refreshed.string("access_token")).body())
                .containsEntry("name", citizen.realName());

        JsonResponse replayed = provider.refresh(client.clientId(), secret, firstRefresh);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.string("error")).isEqualTo("invalid_grant");
        assertThat(tokenIssues(citizen.username(), client.clientId()))
                .extracting(AuditEntry::details)
                .hasSize(2)
                .anyMatch(details -> details.startsWith("grant refresh_token;"));
    }

    @Test
    void theFirstSigningKeyIsMadeWhenThePlatformFirstStarts() {
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                "system", "signing-key", null, "identity.signing-key.rotate", null, null),
                        10,
                        0))
                .extracting(e -> e.details())
                .contains("first key");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_signing_key")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aDepartmentSystemGetsAnAccessTokenWithItsOwnCredentials() {
        ClientForm client = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, client);
        JsonResponse tokens = provider.clientCredentials(client.clientId(), secret, "catalog.read");
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        assertThat(tokens.body()).doesNotContainKeys("id_token", "refresh_token");
        VerifiedToken access = provider.verify(tokens.string("access_token"));
        assertThat(access.claim("sub")).isEqualTo(client.clientId());
        assertThat(access.claim("account_type")).isEqualTo("CLIENT");
        assertThat(access.claims()).doesNotContainKeys("name", "real_name_level");
        assertThat(access.claim("scope"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("catalog.read");
        assertThat(tokenIssues(client.clientId(), client.clientId()))
                .singleElement()
                .satisfies(issue -> assertThat(issue.details()).contains("client_credentials"));
        assertThat(log.search(
                        new AccountabilityLog.Query(client.clientId(), null, null, "identity.sign-in", null, null),
                        5,
                        0))
                .as("a client is not a person signing in")
                .isEmpty();
        // A generated 256-bit secret needs no slow hash: it is kept as an SM3 digest, never in clear.
        assertThat(jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = :id")
                        .param("id", client.clientId())
                        .query(String.class)
                        .single())
                .startsWith("{sm3}")
                .doesNotContain(secret);
    }

    @Test
    void aDepartmentSystemsTokenIsNotStoredYetIntrospectsAsActiveUntilTheSystemRevokesIt() {
        ClientForm client = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, client);
        String first = provider.clientCredentials(client.clientId(), secret, "catalog.read")
                .string("access_token");
        String second = provider.clientCredentials(client.clientId(), secret, "catalog.read")
                .string("access_token");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM oauth2_authorization a JOIN oauth2_registered_client c
                          ON c.id = a.registered_client_id WHERE c.client_id = :id""")
                        .param("id", client.clientId())
                        .query(Long.class)
                        .single())
                .as("a client-credentials token is not stored")
                .isZero();

        JsonResponse active = provider.introspect(client.clientId(), secret, first);
        assertThat(active.status()).as(active.raw()).isEqualTo(200);
        assertThat(active.body())
                .containsEntry("active", true)
                .containsEntry("client_id", client.clientId())
                .containsEntry("sub", client.clientId())
                .containsEntry("scope", "catalog.read");

        JsonResponse revoked = provider.revoke(client.clientId(), secret, first);
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(provider.introspect(client.clientId(), secret, first).body())
                .as("revoked")
                .containsEntry("active", false);
        assertThat(provider.introspect(client.clientId(), secret, second).body())
                .as("its other token stands")
                .containsEntry("active", true);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_revoked_token WHERE token_id = :jti")
                        .param("jti", provider.verify(first).claim("jti"))
                        .query(Long.class)
                        .single())
                .isOne();

        ClientForm other = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String otherSecret = OidcFixtures.register(administrator, other);
        JsonResponse notItsOwn = provider.revoke(other.clientId(), otherSecret, second);
        assertThat(notItsOwn.status())
                .as("another system cannot revoke it (RFC 7009 2.1)")
                .isEqualTo(400);
        assertThat(notItsOwn.string("error")).isEqualTo("invalid_client");
        assertThat(provider.introspect(client.clientId(), secret, second).body())
                .containsEntry("active", true);
    }

    @Test
    void aTokenThatLooksLikeADepartmentSystemsButWasNotSignedByThePlatformIsNotActive() throws Exception {
        ClientForm client = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, client);
        String real = provider.clientCredentials(client.clientId(), secret, "catalog.read")
                .string("access_token");
        VerifiedToken verified = provider.verify(real);

        com.nimbusds.jose.jwk.RSAKey attacker = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyID(verified.kid())
                .generate();
        com.nimbusds.jwt.SignedJWT forged = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                        .keyID(verified.kid())
                        .build(),
                com.nimbusds.jwt.JWTClaimsSet.parse(verified.claims()));
        forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(attacker));
        assertThat(provider.introspect(client.clientId(), secret, forged.serialize())
                        .body())
                .as("the same claims under another key")
                .containsEntry("active", false);

        String[] parts = real.split("\\.");
        Map<String, Object> claims = new java.util.HashMap<>(verified.claims());
        claims.put("scope", List.of("catalog.read", "catalog.write"));
        String widened = parts[0] + "."
                + com.nimbusds.jose.util.Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims))
                + "." + parts[2];
        assertThat(provider.introspect(client.clientId(), secret, widened).body())
                .as("its claims changed under the platform's signature")
                .containsEntry("active", false);
        assertThat(provider.introspect(client.clientId(), secret, real).body()).containsEntry("active", true);
    }

    @Test
    void afterKeyRotationNewTokensCarryTheNewKeyAndTokensOfTheOldKeyStillVerify() {
        ClientForm service = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, service);
        ClientForm app = ClientForm.of(PUBLIC, PUBLIC_CALLBACK);
        OidcFixtures.register(administrator, app);
        Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        String citizensAccessToken = tokensFor(browser, app).string("access_token");
        String before = provider.clientCredentials(service.clientId(), secret, "catalog.read")
                .string("access_token");
        String oldKid = provider.verify(before).kid();

        Document clients = administrator.get("/admin/clients").html();
        String csrf = clients.selectFirst("form[action=/admin/clients/keys/rotate] input[name=_csrf]")
                .attr("value");
        TestBrowser.Page rotated = administrator.post("/admin/clients/keys/rotate", Map.of("_csrf", csrf));
        assertThat(rotated.status()).isEqualTo(302);
        assertThat(administrator
                        .get(administrator.relative(rotated.location()))
                        .html()
                        .select("[role=status]")
                        .text())
                .contains("已启用新的签名密钥");

        JsonResponse after = provider.clientCredentials(service.clientId(), secret, "catalog.read");
        assertThat(after.status()).as(after.raw()).isEqualTo(200);
        String newKid = provider.verify(after.string("access_token")).kid();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(provider.publishedKeys().getKeys())
                .extracting(key -> key.getKeyID())
                .contains(oldKid, newKid);
        assertThat(provider.verify(before).kid()).isEqualTo(oldKid);
        assertThat(provider.userInfo(citizensAccessToken).status())
                .as("a token signed before the rotation")
                .isEqualTo(200);
        assertThat(provider.verify(tokensFor(browser, app).string("id_token")).kid())
                .isEqualTo(newKid);

        assertThat(log.search(
                        new AccountabilityLog.Query(
                                administratorName, "signing-key", newKid, "identity.signing-key.rotate", null, null),
                        1,
                        0))
                .hasSize(1);
    }

    private JsonResponse tokensFor(TestBrowser browser, ClientForm client) {
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(browser, provider, client.clientId(), PUBLIC_CALLBACK, pkce, "n");
        JsonResponse tokens = provider.exchangeCode(client.clientId(), null, code, PUBLIC_CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens;
    }

    private String subjectFor(TestBrowser browser, ClientForm client) {
        return (String)
                provider.verify(tokensFor(browser, client).string("id_token")).claim("sub");
    }

    private List<AuditEntry> tokenIssues(String actor, String clientId) {
        return log.search(
                new AccountabilityLog.Query(actor, "client", clientId, "identity.token.issue", null, null), 20, 0);
    }
}
