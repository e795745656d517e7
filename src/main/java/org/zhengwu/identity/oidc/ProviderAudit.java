package org.zhengwu.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * What the provider does goes to the accountability log as what it is: every token issued (to whom, for which
 * client, by which grant), every client refused at the token endpoint, every sign-out a connected system asks for.
 * Each is recorded before the answer is written: no entry, no token.
 */
@Component
class ProviderAudit {

    private final AccountabilityLog audit;
    private final OAuth2AuthorizationService authorizations;
    private final String sessionCookie;

    ProviderAudit(AccountabilityLog audit, OAuth2AuthorizationService authorizations, ServerProperties server) {
        this.audit = audit;
        this.authorizations = authorizations;
        String configured = server.getServlet().getSession().getCookie().getName();
        // Unnamed, the container uses the Servlet specification's name.
        this.sessionCookie = configured == null ? "JSESSIONID" : configured;
    }

    /** The token endpoint's answer, after recording who received which tokens. */
    AuthenticationSuccessHandler tokenIssued() {
        var answer = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            OAuth2AccessTokenAuthenticationToken issued = (OAuth2AccessTokenAuthenticationToken) authentication;
            String clientId = issued.getRegisteredClient().getClientId();
            // For client credentials the client itself is the actor; otherwise the person the authorization is for.
            String actor = clientId;
            if (!AuthorizationGrantType.CLIENT_CREDENTIALS
                    .getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                OAuth2Authorization authorization = authorizations.findByToken(
                        issued.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
                actor = authorization == null ? clientId : authorization.getPrincipalName();
            }
            List<String> tokens = new ArrayList<>(List.of(OAuth2ParameterNames.ACCESS_TOKEN));
            if (issued.getRefreshToken() != null) {
                tokens.add(OAuth2ParameterNames.REFRESH_TOKEN);
            }
            if (issued.getAdditionalParameters().containsKey(OidcParameterNames.ID_TOKEN)) {
                tokens.add(OidcParameterNames.ID_TOKEN);
            }
            audit.record(AuditEvent.success(actor, "identity.token.issue", "client", clientId)
                    .withDetails("grant " + request.getParameter(OAuth2ParameterNames.GRANT_TYPE) + "; "
                            + String.join(", ", tokens) + "; scope "
                            + String.join(" ", issued.getAccessToken().getScopes())));
            answer.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The answer to a client that failed to authenticate (RFC 6749 5.2: 401 for {@code invalid_client}), after
     * recording the client id it gave.
     */
    AuthenticationFailureHandler clientRefused() {
        ClientSecretBasicAuthenticationConverter basic = new ClientSecretBasicAuthenticationConverter();
        OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();
        return (request, response, exception) -> {
            SecurityContextHolder.clearContext();
            var error = ((OAuth2AuthenticationException) exception).getError();
            audit.record(new AuditEvent(
                    "anonymous",
                    null,
                    "identity.client.authenticate",
                    "client",
                    claimedClientId(basic, request),
                    AuditEvent.Outcome.FAILURE,
                    error.getErrorCode()));
            ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
            answer.setStatusCode(
                    OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                            ? HttpStatus.UNAUTHORIZED
                            : HttpStatus.BAD_REQUEST);
            errors.write(error, null, answer);
        };
    }

    /**
     * RP-initiated logout: ends the person's platform session like the platform's own sign-out does, records it, and
     * sends them back to the client's registered address.
     */
    AuthenticationSuccessHandler signedOutByClient() {
        SecurityContextLogoutHandler session = new SecurityContextLogoutHandler();
        CookieClearingLogoutHandler cookie = new CookieClearingLogoutHandler(sessionCookie);
        OidcLogoutAuthenticationSuccessHandler redirect = new OidcLogoutAuthenticationSuccessHandler();
        redirect.setLogoutHandler((request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            if (!logout.isPrincipalAuthenticated()) {
                return;
            }
            Authentication person = (Authentication) logout.getPrincipal();
            // client_id is optional in the request; the ID token given as hint names the client it was issued to.
            String clientId = logout.getClientId() != null
                    ? logout.getClientId()
                    : String.join(" ", logout.getIdToken().getAudience());
            audit.record(AuditEvent.success(person.getName(), "identity.sign-out", "account", person.getName())
                    .withDetails("asked by client " + clientId));
            session.logout(request, response, person);
            cookie.logout(request, response, person);
        });
        return redirect;
    }

    private static String claimedClientId(ClientSecretBasicAuthenticationConverter basic, HttpServletRequest request) {
        try {
            Authentication claimed = basic.convert(request);
            if (claimed != null) {
                return claimed.getName();
            }
        } catch (OAuth2AuthenticationException malformed) {
            return "(malformed credentials)";
        }
        return request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    }
}
