package org.zhengwu.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.shared.access.ApiScope;

/**
 * Department systems read the modules' APIs with their own tokens: a request with {@code Authorization: Bearer …} to
 * a path a module's {@link ApiScope} opens is served by this chain, and by no session; so is one with neither a token
 * nor a session (answered 401 with the bearer challenge). Every other request — citizens' and staff's browser
 * sessions on the same paths included — goes to the application's chain as before.
 *
 * <p>A token is accepted when it is one the platform issued to a system by client credentials (signed, unexpired,
 * {@code account_type} {@code CLIENT}) and still stands as introspection sees it ({@link ClientCredentialsTokens}: its
 * system registered and enabled, issued after it was last disabled, not revoked); a person's token (authorization
 * code) is refused here whatever its scopes, so that a citizen's token never reaches an organisation's data. The
 * system then holds, of the scopes its token carries, those its grant ({@link ClientApiAccess}) still names; a
 * scope's paths answer {@code GET} only — and {@code POST} too for a writing scope ({@link ApiScope#writes()}) —
 * and only with that scope. Refusals are problem details: 401 with {@code
 * WWW-Authenticate: Bearer error="invalid_token"} for a missing, invalid, expired or revoked token, 403 with {@code
 * insufficient_scope} for a token without the scope (RFC 6750 §3).
 */
@Configuration(proxyBeanMethods = false)
class SystemTokenSecurity {

    static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    @Bean
    @Order(0)
    SecurityFilterChain systemTokenChain(
            HttpSecurity http, AccessRegistry registry, JwtDecoder decoder, SystemTokenStanding standing)
            throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> opened = registry.apiScopes().stream()
                .flatMap(scope -> scope.paths().stream())
                .<RequestMatcher>map(path::matcher)
                .toList();
        RequestMatcher scoped = opened.isEmpty() ? request -> false : new OrRequestMatcher(opened);
        // The challenge of RFC 6750 §3, then the platform's problem detail. (Spring's own entry point would point to
        // protected-resource metadata this platform does not publish.)
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            response.setHeader(
                    "WWW-Authenticate",
                    failure instanceof OAuth2AuthenticationException refused && refused.getError() != null
                            ? "Bearer error=\"" + refused.getError().getErrorCode() + "\""
                            : "Bearer");
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        };
        // Spring's own handler names the scope only for its own token types.
        AccessDeniedHandler forbidden = (request, response, failure) -> {
            response.setHeader(
                    "WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", error_description=\"The token's scopes do not"
                            + " allow this request\"");
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
        AuthenticationManager systems =
                authentication -> authenticate((BearerTokenAuthenticationToken) authentication, decoder, standing);
        http.securityMatcher(new AndRequestMatcher(scoped, SystemTokenSecurity::bearerOrNoSession))
                .authorizeHttpRequests(requests -> {
                    for (ApiScope scope : registry.apiScopes()) {
                        requests.requestMatchers(scope.paths().stream()
                                        .map(p -> path.matcher(HttpMethod.GET, p))
                                        .toArray(RequestMatcher[]::new))
                                .hasAuthority(SCOPE_AUTHORITY_PREFIX + scope.code());
                        if (scope.writes()) {
                            requests.requestMatchers(scope.paths().stream()
                                            .map(p -> path.matcher(HttpMethod.POST, p))
                                            .toArray(RequestMatcher[]::new))
                                    .hasAuthority(SCOPE_AUTHORITY_PREFIX + scope.code());
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> systems)
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // No cookie is read here: a forged cross-site request carries no bearer token.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(AuthorizationServerConfiguration.MACHINE_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.disable()));
        return http.build();
    }

    /**
     * A request that names a bearer token (RFC 6750 §2.1), or names neither a token nor a session: the latter is
     * refused here with the bearer challenge, as a system without a token. A request with a session and no token is
     * the sessions' chain's, as ever.
     */
    private static boolean bearerOrNoSession(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Bearer", 0, 6);
        }
        return request.getRequestedSessionId() == null;
    }

    private static SystemAuthentication authenticate(
            BearerTokenAuthenticationToken bearer, JwtDecoder decoder, SystemTokenStanding standing) {
        String token = bearer.getToken();
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalidOrExpired) {
            throw new InvalidBearerTokenException("The token is not valid", invalidOrExpired);
        }
        String clientId = jwt.getSubject();
        // What ClientCredentialsTokens recognises as a system's token, and whether it still stands, in one query.
        if (!ClientCredentialsTokens.CLIENT_ACCOUNT_TYPE.equals(jwt.getClaimAsString("account_type"))
                || clientId == null
                || jwt.getAudience() == null
                || !jwt.getAudience().contains(clientId)
                || jwt.getId() == null
                || jwt.getIssuedAt() == null
                || jwt.getExpiresAt() == null) {
            throw new InvalidBearerTokenException("Not a connected system's token");
        }
        SystemTokenStanding.Standing stands = standing.of(clientId, jwt.getId(), jwt.getIssuedAt())
                .orElseThrow(() ->
                        new InvalidBearerTokenException("The token is revoked, or its system disabled or removed"));
        ConnectedSystem system;
        if (stands.organisationUscc() == null) {
            system = new ConnectedSystem(clientId, null, Set.of());
        } else {
            Set<String> held = new HashSet<>(ClientCredentialsTokens.scopes(jwt));
            held.retainAll(stands.grantedScopes());
            system = new ConnectedSystem(clientId, stands.organisationUscc(), held);
        }
        return new SystemAuthentication(system);
    }

    /** A connected system authenticated by its token: its scopes are its only authorities. */
    static final class SystemAuthentication extends AbstractAuthenticationToken {

        private final ConnectedSystem system;

        SystemAuthentication(ConnectedSystem system) {
            super(authorities(system));
            this.system = system;
            setAuthenticated(true);
        }

        private static Collection<GrantedAuthority> authorities(ConnectedSystem system) {
            return system.scopes().stream()
                    .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(SCOPE_AUTHORITY_PREFIX + scope))
                    .toList();
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public ConnectedSystem getPrincipal() {
            return system;
        }

        @Override
        public String getName() {
            return system.clientId();
        }
    }
}
