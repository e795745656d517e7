package org.zhengwu.identity.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Element;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.support.TestBrowser;
import relyingparty.RelyingPartyApplication;

/** Clients registered the way an administrator registers them, and citizens with accounts of their own. */
final class OidcFixtures {

    static final String CITIZEN_PASSWORD = "Citizen-Pass-2026";
    private static final String HAN = "安宁和平明华嘉庆德兴春秋松柏云海思远";

    /** A citizen's account: what they type to sign in, and the name they registered with. */
    record Citizen(String username, String password, String realName) {}

    /** What the administrator fills in on 登记接入系统. */
    record ClientForm(
            String clientId,
            String name,
            ClientAdminController.Kind kind,
            String redirectUris,
            String postLogoutRedirectUris,
            String scopes,
            boolean consent,
            boolean pairwise) {

        static ClientForm of(ClientAdminController.Kind kind, String redirectUris) {
            return new ClientForm(
                    kind.name().toLowerCase() + "-"
                            + UUID.randomUUID().toString().substring(0, 8),
                    "测试系统" + UUID.randomUUID().toString().substring(0, 4),
                    kind,
                    redirectUris,
                    "",
                    "",
                    false,
                    false);
        }

        ClientForm withConsent() {
            return new ClientForm(clientId, name, kind, redirectUris, postLogoutRedirectUris, scopes, true, pairwise);
        }

        ClientForm withPairwiseSubjects() {
            return new ClientForm(clientId, name, kind, redirectUris, postLogoutRedirectUris, scopes, consent, true);
        }

        ClientForm withPostLogoutRedirectUris(String uris) {
            return new ClientForm(clientId, name, kind, redirectUris, uris, scopes, consent, pairwise);
        }

        ClientForm withScopes(String extra) {
            return new ClientForm(clientId, name, kind, redirectUris, postLogoutRedirectUris, extra, consent, pairwise);
        }
    }

    /** A department system running beside the platform, registered as a WEB client with consent. */
    record RunningRelyingParty(ConfigurableApplicationContext context, String base, ClientForm client)
            implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    private OidcFixtures() {}

    /**
     * Registers a department system at the platform (as a new administrator, on /admin/clients) and starts it on a
     * free port, configured with nothing but the platform's issuer address and the credentials the page showed.
     */
    static RunningRelyingParty startRelyingParty(int platformPort, StaffAccounts staff) {
        int port = freePort();
        String base = "http://localhost:" + port;
        TestBrowser administrator = new TestBrowser(platformPort);
        administrator.signInNewAdministrator(staff);
        ClientForm client = new ClientForm(
                "dept-" + UUID.randomUUID().toString().substring(0, 8),
                "部门业务系统",
                ClientAdminController.Kind.WEB,
                base + "/login/oauth2/code/" + RelyingPartyApplication.REGISTRATION,
                base + "/signed-out",
                "",
                true,
                false);
        String secret = register(administrator, client);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no secret shown for " + client.clientId());
        }
        return new RunningRelyingParty(
                RelyingPartyApplication.start(port, "http://localhost:" + platformPort, client.clientId(), secret),
                base,
                client);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers a client through /admin/clients as a signed-in administrator and returns the secret the page shows
     * once (null for a public client).
     */
    static String register(TestBrowser administrator, ClientForm client) {
        TestBrowser.Page page = administrator.get("/admin/clients");
        Element form = page.html().selectFirst("form[action=/admin/clients]");
        if (form == null) {
            throw new IllegalStateException("no registration form on /admin/clients (" + page.status() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").attr("value"));
        fields.put("clientId", client.clientId());
        fields.put("name", client.name());
        fields.put("kind", client.kind().name());
        fields.put("redirectUris", client.redirectUris());
        fields.put("postLogoutRedirectUris", client.postLogoutRedirectUris());
        fields.put("scopes", client.scopes());
        if (client.consent()) {
            fields.put("consent", "true");
        }
        if (client.pairwise()) {
            fields.put("pairwise", "true");
        }
        TestBrowser.Page registered = administrator.post("/admin/clients", fields);
        if (registered.status() != 302) {
            throw new IllegalStateException("registration of " + client.clientId() + " was refused: "
                    + registered.html().select(".error-summary").text());
        }
        TestBrowser.Page list = administrator.get(administrator.relative(registered.location()));
        Element secret = list.html().selectFirst("[data-testid=client-secret]");
        return secret == null ? null : secret.text();
    }

    /**
     * Sends a signed-in browser to the authorization endpoint, as a client's redirect would, and returns the code the
     * provider sends back to the client's registered address (the address itself is not visited: it is a client's).
     */
    static String authorizationCode(
            TestBrowser browser,
            OpenIdProvider provider,
            String clientId,
            String redirectUri,
            OpenIdProvider.Pkce pkce,
            String nonce) {
        String state = OpenIdProvider.random(16);
        TestBrowser.Page answer =
                browser.get(provider.authorizationRequest(clientId, redirectUri, "openid profile", state, nonce, pkce));
        return codeFrom(answer, redirectUri, state);
    }

    /** The code in a redirect back to a client, after checking it goes to the client and carries its state. */
    static String codeFrom(TestBrowser.Page answer, String redirectUri, String state) {
        if (answer.status() != 302
                || answer.location() == null
                || !answer.location().startsWith(redirectUri + "?")) {
            throw new AssertionError(
                    "expected a redirect to " + redirectUri + " but got " + answer.status() + " " + answer.location());
        }
        Map<String, String> parameters = OpenIdProvider.query(answer.location());
        if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
            throw new AssertionError("the redirect carries no code for state " + state + ": " + answer.location());
        }
        return parameters.get("code");
    }

    /** A new citizen, registered (at real-name level L1: the number is not in the population library). */
    static Citizen newCitizen(CitizenAccounts citizens) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String username = "citizen" + UUID.randomUUID().toString().substring(0, 8);
        String realName = "测" + HAN.charAt(random.nextInt(HAN.length())) + HAN.charAt(random.nextInt(HAN.length()));
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
        String body = "340104" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        String idNumber = body + CitizenIdNumber.checkCharacter(body);
        String mobile = "139" + String.format("%08d", random.nextInt(100_000_000));
        citizens.register(new CitizenAccounts.Registration(
                username, realName, idNumber, mobile, null, CITIZEN_PASSWORD, CITIZEN_PASSWORD));
        return new Citizen(username, CITIZEN_PASSWORD, realName);
    }
}
