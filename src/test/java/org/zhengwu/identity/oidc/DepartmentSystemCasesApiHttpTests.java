package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.SERVICE;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.WEB;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseStep;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.oidc.OidcFixtures.Citizen;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.ZhengwuTest;

/**
 * A department system reads {@code /api/v1/cases} with a token it got from the platform's own {@code /oauth2/token}
 * (client credentials), after the system administrator linked it to an organisation with the scope {@code
 * cases.read} on its page: its organisation's cases and nothing else, read only, each read in the log — and every
 * token that is missing, forged, expired, revoked, of a disabled or deleted system, without the scope, or a person's,
 * refused.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentSystemCasesApiHttpTests {

    static final String HEFEI_MARKET = "11340100662167280R";
    static final String PUBLIC_OPINION = "材料齐全，予以受理";
    static final String INTERNAL_OPINION = "内部意见：请核对申请人历史记录";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    CaseRecords records;

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JwtEncoder encoder;

    TestBrowser administrator;
    OpenIdProvider provider;
    String otherOrganisation;
    Citizen applicant;
    long applicantId;
    TestCases.Submitted ownCase;
    TestCases.Submitted otherCase;

    record Answer(int status, String body, HttpResponse<String> response) {
        Map<String, Object> json() {
            try {
                return JSONObjectUtils.parse(body);
            } catch (ParseException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A registered system with API access: its id and the secret the page showed once. */
    record System(String clientId, String secret) {}

    @BeforeAll
    void setUp() {
        administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
        Map<String, Object> other =
                jdbc.sql("""
                        SELECT uscc, division_code FROM basedata_organisation WHERE uscc <> :own ORDER BY uscc LIMIT 1""").param("own", HEFEI_MARKET).query().singleRow();
        otherOrganisation = (String) other.get("uscc");
        applicant = OidcFixtures.newCitizen(citizens);
        applicantId = directory.find(applicant.username()).orElseThrow().id();
        ownCase = TestCases.submitted(records, HEFEI_MARKET, "340100", applicantId);
        Instant now = Instant.now();
        records.addStep(
                ownCase.id(),
                new CaseStep(now, "accept", CaseStatus.UNDER_REVIEW, "STAFF", null, "王窗口", PUBLIC_OPINION, true));
        records.addStep(
                ownCase.id(),
                new CaseStep(
                        now.plusSeconds(1),
                        "review",
                        CaseStatus.UNDER_REVIEW,
                        "STAFF",
                        null,
                        "李承办",
                        INTERNAL_OPINION,
                        false));
        otherCase = TestCases.submitted(records, otherOrganisation, (String) other.get("division_code"), applicantId);
    }

    private System newSystem(String organisation, String... scopes) {
        ClientForm client = ClientForm.of(SERVICE, "").withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, client);
        TestBrowser.Page answer = grant(client.clientId(), organisation, scopes);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return new System(client.clientId(), secret);
    }

    private TestBrowser.Page grant(String clientId, String organisation, String... scopes) {
        TestBrowser.Page page = administrator.get("/admin/clients/" + clientId);
        Element form = page.html().selectFirst("form[action$=/api-access]");
        assertThat(form).as("the API access form on the page of " + clientId).isNotNull();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("_csrf", List.of(form.selectFirst("input[name=_csrf]").attr("value")));
        fields.put("organisation", List.of(organisation));
        fields.put("scopes", List.of(scopes));
        return administrator.postMulti("/admin/clients/" + clientId + "/api-access", fields);
    }

    private String token(System system, String scope) {
        OpenIdProvider.JsonResponse tokens = provider.clientCredentials(system.clientId(), system.secret(), scope);
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return tokens.string("access_token");
    }

    private Answer call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer get(String path, String token) {
        return call("GET", path, token == null ? null : "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(Answer page) {
        return ((List<Map<String, Object>>) page.json().get("cases"))
                .stream().map(c -> (String) c.get("caseNumber")).toList();
    }

    private static void assertRefused(Answer answer, int status, String bearerError) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json()).containsEntry("status", (long) status).containsKey("requestId");
        assertThat(answer.body()).doesNotContain("caseNumber");
        if (bearerError != null) {
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains(bearerError);
        }
    }

    private List<AuditEntry> reads(String clientId, String objectId) {
        return log.search(new AccountabilityLog.Query(clientId, "case", objectId, "cases.api.read", null, null), 20, 0);
    }

    @Test
    void theAdministratorLinksASystemToAnOrganisationWithTheScopeAndThePageShowsIt() {
        System system = newSystem(HEFEI_MARKET, "cases.read");
        TestBrowser.Page page = administrator.get("/admin/clients/" + system.clientId());
        assertThat(page.html()
                        .selectFirst("[data-testid=client-api-organisation]")
                        .text())
                .contains(HEFEI_MARKET);
        assertThat(page.html().selectFirst("[data-testid=client-api-scopes]").text())
                .contains("cases.read");
        assertThat(page.html()
                        .selectFirst("input[name=scopes][value=cases.read]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                null, "client", system.clientId(), "identity.client.api-access", null, null),
                        5,
                        0))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains(HEFEI_MARKET, "cases.read"));
        assertThat(jdbc.sql("SELECT scopes FROM oauth2_registered_client WHERE client_id = :id")
                        .param("id", system.clientId())
                        .query(String.class)
                        .single())
                .as("the token endpoint may now issue the scope")
                .contains("cases.read", "catalog.read");

        // Removing the link takes the scope from the client too, and is logged.
        assertThat(grant(system.clientId(), "").status()).isEqualTo(302);
        assertThat(administrator
                        .get("/admin/clients/" + system.clientId())
                        .html()
                        .selectFirst("[data-testid=client-api-scopes]")
                        .text())
                .doesNotContain("cases.read");
        assertThat(jdbc.sql("SELECT scopes FROM oauth2_registered_client WHERE client_id = :id")
                        .param("id", system.clientId())
                        .query(String.class)
                        .single())
                .doesNotContain("cases.read")
                .contains("catalog.read");
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                null, "client", system.clientId(), "identity.client.api-access.remove", null, null),
                        5,
                        0))
                .hasSize(1);
    }

    @Test
    void theGrantIsCheckedBeforeItIsStored() {
        ClientForm service = ClientForm.of(SERVICE, "");
        OidcFixtures.register(administrator, service);
        TestBrowser.Page unknownOrganisation = grant(service.clientId(), "91340100MA2N0XXXX1", "cases.read");
        assertThat(unknownOrganisation.status()).isEqualTo(200);
        assertThat(unknownOrganisation.html().select(".error-summary a[href=#organisation]"))
                .hasSize(1);
        TestBrowser.Page scopeWithoutOrganisation = grant(service.clientId(), "", "cases.read");
        assertThat(scopeWithoutOrganisation.html().select(".error-summary a[href=#organisation]"))
                .hasSize(1);
        TestBrowser.Page unknownScope = grant(service.clientId(), HEFEI_MARKET, "cases.write");
        assertThat(unknownScope.html().select(".error-summary a[href=#scopes]")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_client_api_access WHERE client_id = :id")
                        .param("id", service.clientId())
                        .query(Long.class)
                        .single())
                .isZero();

        // A client people sign in to has no API access to give; nor is a module's scope typed in at registration.
        ClientForm web = ClientForm.of(WEB, "https://dept.example/cb");
        OidcFixtures.register(administrator, web);
        assertThat(administrator
                        .get("/admin/clients/" + web.clientId())
                        .html()
                        .selectFirst("form[action$=/api-access]"))
                .isNull();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("_csrf", List.of(TestBrowser.csrf(administrator.get("/admin/clients/" + service.clientId()))));
        fields.put("organisation", List.of(HEFEI_MARKET));
        fields.put("scopes", List.of("cases.read"));
        TestBrowser.Page refused = administrator.postMulti("/admin/clients/" + web.clientId() + "/api-access", fields);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(administrator
                        .get(administrator.relative(refused.location()))
                        .html()
                        .select("[role=alert]")
                        .text())
                .contains("client_credentials");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_client_api_access WHERE client_id = :id")
                        .param("id", web.clientId())
                        .query(Long.class)
                        .single())
                .isZero();
        TestBrowser.Page typed = administrator.get("/admin/clients");
        Map<String, String> registration = new LinkedHashMap<>();
        registration.put("_csrf", TestBrowser.csrf(typed));
        registration.put("clientId", "svc-" + UUID.randomUUID().toString().substring(0, 8));
        registration.put("name", "试图自带权限的系统");
        registration.put("kind", "SERVICE");
        registration.put("scopes", "cases.read");
        TestBrowser.Page typedAnswer = administrator.post("/admin/clients", registration);
        assertThat(typedAnswer.status()).isEqualTo(200);
        assertThat(typedAnswer.html().select(".error-summary a[href=#scopes]")).hasSize(1);
    }

    @Test
    void aSystemReadsItsOrganisationsCasesAndOneWithItsPublicTimelineEachReadLogged() {
        System system = newSystem(HEFEI_MARKET, "cases.read");
        String token = token(system, "cases.read");
        // The newest, so on the first page however many cases other tests made.
        TestCases.Submitted newest = TestCases.submitted(records, HEFEI_MARKET, "340100", applicantId);

        Answer list = get("/api/v1/cases", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(numbers(list))
                .contains(newest.number().value())
                .doesNotContain(otherCase.number().value());
        assertThat(list.body()).doesNotContain(applicant.realName());

        Answer one = get("/api/v1/cases/" + ownCase.number().value(), token);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.body())
                .contains(PUBLIC_OPINION, "\"accept\"", "\"review\"")
                .doesNotContain(INTERNAL_OPINION, "王窗口", "李承办", applicant.realName());
        assertThat(one.json()).containsEntry("organisationUscc", HEFEI_MARKET);

        assertThat(reads(system.clientId(), "list")).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(entry.details()).doesNotContain(applicant.realName());
        });
        assertThat(reads(system.clientId(), ownCase.number().value()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS));

        // Read only: nothing but GET passes on the scope's paths.
        assertThat(call("POST", "/api/v1/cases/" + ownCase.number().value(), "Bearer " + token)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aSystemPagesThroughItsOrganisationsCasesByCursor() {
        String organisation = otherOrganisation;
        long someoneElse = directory
                .find(OidcFixtures.newCitizen(citizens).username())
                .orElseThrow()
                .id();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 105; i++) {
            made.add(TestCases.submitted(records, organisation, "340100", someoneElse)
                    .number()
                    .value());
        }
        String token = token(newSystem(organisation, "cases.read"), "cases.read");
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/cases";
        int pages = 0;
        while (path != null) {
            Answer page = get(path, token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<String> numbers = numbers(page);
            assertThat(numbers).hasSizeLessThanOrEqualTo(100);
            seen.addAll(numbers);
            Object next = page.json().get("next");
            path = next == null ? null : "/api/v1/cases?before=" + next;
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsAll(made)
                .doesNotContain(ownCase.number().value());
    }

    @Test
    void anotherOrganisationsCaseIsNotFoundAndTheAttemptLogged() {
        System system = newSystem(HEFEI_MARKET, "cases.read");
        Answer answer = get("/api/v1/cases/" + otherCase.number().value(), token(system, "cases.read"));
        assertRefused(answer, 404, null);
        assertThat(reads(system.clientId(), otherCase.number().value()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEvent.Outcome.DENIED));
    }

    @Test
    void noForgedExpiredOrRevokedTokenIsLetIn() {
        System system = newSystem(HEFEI_MARKET, "cases.read");
        assertRefused(get("/api/v1/cases", null), 401, null);
        assertThat(get("/api/v1/cases", null).header("WWW-Authenticate")).isEqualTo("Bearer");
        assertRefused(call("GET", "/api/v1/cases", "Bearer "), 401, null);
        assertRefused(get("/api/v1/cases", "not-a-token"), 401, "invalid_token");
        String token = token(system, "cases.read");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        assertRefused(get("/api/v1/cases", tampered), 401, "invalid_token");

        Instant past = Instant.now().minusSeconds(3600);
        String expired = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        JwtClaimsSet.builder()
                                .subject(system.clientId())
                                .audience(List.of(system.clientId()))
                                .id(UUID.randomUUID().toString())
                                .issuedAt(past)
                                .expiresAt(past.plusSeconds(600))
                                .claim("account_type", "CLIENT")
                                .claim("scope", List.of("cases.read"))
                                .build()))
                .getTokenValue();
        assertRefused(get("/api/v1/cases/" + ownCase.number().value(), expired), 401, "invalid_token");

        assertThat(get("/api/v1/cases", token).status()).isEqualTo(200);
        assertThat(provider.revoke(system.clientId(), system.secret(), token).status())
                .isEqualTo(200);
        assertRefused(get("/api/v1/cases", token), 401, "invalid_token");
    }

    @Test
    void aTokenWithoutTheScopeOrWhoseGrantWasTakenBackIsForbidden() {
        System system = newSystem(HEFEI_MARKET, "cases.read");
        assertRefused(get("/api/v1/cases", token(system, "catalog.read")), 403, "insufficient_scope");

        String token = token(system, "cases.read");
        assertThat(get("/api/v1/cases", token).status()).isEqualTo(200);
        // Linked still, but without the scope: the token carries it for minutes more, the grant no longer.
        assertThat(grant(system.clientId(), HEFEI_MARKET).status()).isEqualTo(302);
        assertRefused(get("/api/v1/cases", token), 403, "insufficient_scope");
        assertRefused(get("/api/v1/cases/" + ownCase.number().value(), token), 403, "insufficient_scope");
        assertThat(provider.clientCredentials(system.clientId(), system.secret(), "cases.read")
                        .status())
                .as("no new token with a scope the system no longer has")
                .isEqualTo(400);
    }

    @Test
    void aDisabledOrDeletedSystemsTokenIsRefused() {
        System disabled = newSystem(HEFEI_MARKET, "cases.read");
        String token = token(disabled, "cases.read");
        assertThat(get("/api/v1/cases", token).status()).isEqualTo(200);
        TestBrowser.Page page = administrator.get("/admin/clients/" + disabled.clientId());
        assertThat(administrator
                        .post(
                                "/admin/clients/" + disabled.clientId() + "/enabled",
                                Map.of("_csrf", TestBrowser.csrf(page), "enabled", "false"))
                        .status())
                .isEqualTo(302);
        assertRefused(get("/api/v1/cases", token), 401, "invalid_token");
        page = administrator.get("/admin/clients/" + disabled.clientId());
        administrator.post(
                "/admin/clients/" + disabled.clientId() + "/enabled",
                Map.of("_csrf", TestBrowser.csrf(page), "enabled", "true"));
        assertRefused(get("/api/v1/cases", token), 401, "invalid_token");

        System deleted = newSystem(HEFEI_MARKET, "cases.read");
        String deletedToken = token(deleted, "cases.read");
        assertThat(get("/api/v1/cases", deletedToken).status()).isEqualTo(200);
        page = administrator.get("/admin/clients/" + deleted.clientId() + "/delete");
        assertThat(administrator
                        .post(
                                "/admin/clients/" + deleted.clientId() + "/delete",
                                Map.of("_csrf", TestBrowser.csrf(page)))
                        .status())
                .isEqualTo(302);
        assertRefused(get("/api/v1/cases", deletedToken), 401, "invalid_token");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_client_api_access WHERE client_id = :id")
                        .param("id", deleted.clientId())
                        .query(Long.class)
                        .single())
                .as("the grant goes with the system")
                .isZero();
    }

    @Test
    void aCitizensOwnTokenReachesNoCasesHereWhileTheirSessionStillDoes() {
        ClientForm web = ClientForm.of(WEB, "https://dept.example/cb");
        String secret = OidcFixtures.register(administrator, web);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(applicant.username(), applicant.password());
        OpenIdProvider.Pkce pkce = OpenIdProvider.Pkce.create();
        String code = OidcFixtures.authorizationCode(
                browser, provider, web.clientId(), "https://dept.example/cb", pkce, OpenIdProvider.random(8));
        OpenIdProvider.JsonResponse tokens =
                provider.exchangeCode(web.clientId(), secret, code, "https://dept.example/cb", pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        String personal = tokens.string("access_token");
        assertThat(provider.userInfo(personal).status())
                .as("a good token for its own purpose")
                .isEqualTo(200);

        assertRefused(get("/api/v1/cases", personal), 401, "invalid_token");
        assertRefused(get("/api/v1/cases/" + ownCase.number().value(), personal), 401, "invalid_token");
        assertRefused(get("/api/v1/cases/" + otherCase.number().value(), personal), 401, "invalid_token");

        // The session, as before: their own cases only.
        TestBrowser.Page mine = browser.getJson("/api/v1/cases");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(ownCase.number().value());
    }
}
