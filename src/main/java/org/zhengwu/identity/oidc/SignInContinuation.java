package org.zhengwu.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Where the answer to a page's form may lead when that page is a step of signing in to a connected system: the
 * consent page, or the sign-in and second-factor pages while an authorization request waits in the session. Their
 * forms are answered with redirects that end at the client's registered address, and browsers check every redirect
 * after a form post against the page's {@code form-action} policy.
 */
@Component
public class SignInContinuation {

    static final String CONSENT_PAGE = "/oauth2/consent";

    private final RegisteredClientRepository clients;
    private final String authorizationEndpoint;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    SignInContinuation(RegisteredClientRepository clients, AuthorizationServerSettings settings) {
        this.clients = clients;
        this.authorizationEndpoint = settings.getAuthorizationEndpoint();
    }

    /** The origins of the registered redirect addresses of the client this page's sign-in continues to; often none. */
    public Set<String> clientOrigins(HttpServletRequest request, HttpServletResponse response) {
        String clientId = null;
        if (CONSENT_PAGE.equals(request.getServletPath())) {
            clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        } else if (request.getSession(false) != null) {
            SavedRequest saved = requestCache.getRequest(request, response);
            if (saved != null
                    && authorizationEndpoint.equals(
                            URI.create(saved.getRedirectUrl()).getPath())) {
                String[] values = saved.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
                clientId = values == null || values.length != 1 ? null : values[0];
            }
        }
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        Set<String> origins = new LinkedHashSet<>();
        if (client != null) {
            client.getRedirectUris().forEach(uri -> origins.add(origin(URI.create(uri))));
        }
        return origins;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
