package org.zhengwu.identity.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.zhengwu.support.TestBrowser;

/**
 * For other modules' tests: a department system registered and linked to an organisation with API scopes the way the
 * system administrator does it (on /admin/clients), and its client-credential tokens from the platform's own token
 * endpoint.
 */
public final class SystemClients {

    /** A registered system: its client id and the secret the page showed once. */
    public record System(String clientId, String secret) {}

    private final TestBrowser administrator;
    private final OpenIdProvider provider;

    /** {@code administrator}: a browser signed in as an administrator of the platform on {@code port}. */
    public SystemClients(int port, TestBrowser administrator) {
        this.administrator = administrator;
        this.provider = OpenIdProvider.discover("http://localhost:" + port);
    }

    /** A new SERVICE client, linked to {@code organisation} with {@code scopes}. */
    public System register(String organisation, String... scopes) {
        OidcFixtures.ClientForm client = OidcFixtures.ClientForm.of(ClientAdminController.Kind.SERVICE, "")
                .withScopes("catalog.read");
        String secret = OidcFixtures.register(administrator, client);
        grant(client.clientId(), organisation, scopes);
        return new System(client.clientId(), secret);
    }

    /** Links the system to {@code organisation} with {@code scopes} (none: takes its API access away). */
    public void grant(String clientId, String organisation, String... scopes) {
        TestBrowser.Page page = administrator.get("/admin/clients/" + clientId);
        Element form = page.html().selectFirst("form[action$=/api-access]");
        if (form == null) {
            throw new IllegalStateException("no API access form on the page of " + clientId);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("_csrf", List.of(form.selectFirst("input[name=_csrf]").attr("value")));
        fields.put("organisation", List.of(organisation));
        fields.put("scopes", List.of(scopes));
        TestBrowser.Page answer = administrator.postMulti("/admin/clients/" + clientId + "/api-access", fields);
        if (answer.status() != 302) {
            throw new IllegalStateException("API access for " + clientId + " refused: " + answer.status() + " "
                    + answer.html().select(".error-summary").text());
        }
    }

    /** A client-credential access token carrying {@code scope} (several separated by spaces). */
    public String token(System system, String scope) {
        OpenIdProvider.JsonResponse tokens = provider.clientCredentials(system.clientId(), system.secret(), scope);
        if (tokens.status() != 200) {
            throw new IllegalStateException("no token for " + system.clientId() + ": " + tokens.raw());
        }
        return (String) tokens.body().get("access_token");
    }
}
