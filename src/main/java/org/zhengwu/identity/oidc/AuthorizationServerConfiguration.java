package org.zhengwu.identity.oidc;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.util.StringUtils;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.SessionGuard;
import org.zhengwu.identity.web.SecondFactorPage;

/**
 * The OpenID Connect provider: discovery at {@code /.well-known/openid-configuration}, keys at {@code /oauth2/jwks},
 * authorization code with PKCE, client credentials, refresh tokens, user info and RP-initiated logout
 * ({@code /connect/logout}). People sign in on the platform's own sign-in page, with the second factor for staff;
 * clients, authorizations and consents are kept in the database, so several nodes share them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerAndKeysProperties.class)
class AuthorizationServerConfiguration {

    /**
     * The Content-Security-Policy of the chains that serve machines (the provider's endpoints, department systems'
     * API): nothing they answer is meant to run or be framed in a browser. HSTS and the other headers every answer
     * carries: {@code shared.web.SecurityHeaders}.
     */
    static final String MACHINE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            Claims claims,
            ProviderAudit audit,
            SecondFactorPage secondFactorPage,
            AccountSessions sessions)
            throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    authorizationServer
                            .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                                    .logoutEndpoint(logout -> logout.logoutResponseHandler(audit.signedOutByClient())))
                            .authorizationEndpoint(
                                    authorization -> authorization.consentPage(SignInContinuation.CONSENT_PAGE))
                            .tokenEndpoint(token -> token.accessTokenResponseHandler(audit.tokenIssued()))
                            .clientAuthentication(client -> client.errorResponseHandler(audit.clientRefused())
                                    .authenticationProviders(providers -> providers.stream()
                                            .filter(ClientSecretAuthenticationProvider.class::isInstance)
                                            .forEach(provider -> ((ClientSecretAuthenticationProvider) provider)
                                                    .setPasswordEncoder(ClientSecrets.encoder()))));
                })
                .addFilterBefore(new SessionGuard(sessions), CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> {
                    errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML));
                    // A staff session with only its password: the authorization request waits, saved, for the
                    // second factor, then resumes.
                    errors.accessDeniedHandler(secondFactorPage);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {}))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(MACHINE_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.disable()));
        return http.build();
    }

    /** The clients the provider serves: a disabled one is not among them. */
    @Bean
    RegisteredClientRepository registeredClientRepository(ClientRegistry clients) {
        return clients.enabledOnly();
    }

    /**
     * Reads records of disabled clients too, so that none fails to load; the provider still refuses the client.
     * Client-credentials tokens are not stored ({@link ClientCredentialsTokens}).
     */
    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcTemplate jdbc, JdbcClient jdbcClient, ClientRegistry clients, JwtDecoder decoder, Clock clock) {
        return new ClientCredentialsTokens(
                new JdbcOAuth2AuthorizationService(jdbc, clients.stored()),
                clients.stored(),
                decoder,
                jdbcClient,
                clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, ClientRegistry clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients.stored());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::signingKey);
        return encoder;
    }

    /**
     * The sessions of a person, for the sid of an ID token and for RP-initiated logout: read from the session store
     * (PostgreSQL, by the principal's name), so that a sign-in on one node and its logout on another agree, and an
     * ended session is simply gone. It replaces an in-memory registry that learnt of ended sessions from the
     * container's events, which sessions in a store do not send.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    /**
     * The issuer is taken from each request unless a deployment fixes it with {@code ZHENGWU_ISSUER} (required in
     * production).
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerAndKeysProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(properties.issuer())) {
            settings.issuer(properties.issuer().strip());
        }
        return settings.build();
    }
}
