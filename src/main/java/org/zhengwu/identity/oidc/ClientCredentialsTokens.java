package org.zhengwu.identity.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The provider's authorizations, except those of department systems' client-credentials tokens, which are not stored:
 * such a token is a signed JWT that says all there is to say (the system, its scopes, its lifetime), has no refresh
 * token and no person behind it, and storing a row for each — a second durable write per token beside its
 * accountability-log entry — halved the token endpoint's rate. Introspection and revocation still work: a token that
 * is not stored is recognised by its own signature as one issued to a system by client credentials ({@code
 * account_type} {@code CLIENT}, which {@link Claims} gives those tokens only), and answered as active while it is
 * unexpired, its system is registered and enabled, it was issued after its system was last disabled ({@link
 * ClientRegistry#TOKENS_NOT_BEFORE}), and its system has not revoked it (the few revoked ones are kept until they would
 * have expired). Tokens of people are stored as before: revoking or withdrawing access deletes their rows, and a token
 * whose row is gone is never recognised by its signature instead.
 */
final class ClientCredentialsTokens implements OAuth2AuthorizationService {

    static final String CLIENT_ACCOUNT_TYPE = "CLIENT";

    private final OAuth2AuthorizationService stored;
    private final RegisteredClientRepository clients;
    private final JwtDecoder decoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** {@code clients}: every stored client, disabled ones too (a disabled one's tokens are then found inactive). */
    ClientCredentialsTokens(
            OAuth2AuthorizationService stored,
            RegisteredClientRepository clients,
            JwtDecoder decoder,
            JdbcClient jdbc,
            Clock clock) {
        this.stored = stored;
        this.clients = clients;
        this.decoder = decoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            stored.save(authorization);
            return;
        }
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
        if (token != null && token.isInvalidated()) {
            revoke(authorization, token);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            stored.remove(authorization);
            return;
        }
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
        if (token != null) {
            revoke(authorization, token);
        }
        // One stored before client-credentials tokens stopped being stored.
        stored.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return stored.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization authorization = stored.findByToken(token, tokenType);
        if (authorization != null || (tokenType != null && !OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))) {
            return authorization;
        }
        return recognised(token);
    }

    /** The authorization a client-credentials token carries in itself, if it is one and still stands. */
    private OAuth2Authorization recognised(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException notOursOrExpired) {
            return null;
        }
        String clientId = jwt.getSubject();
        if (!CLIENT_ACCOUNT_TYPE.equals(jwt.getClaimAsString("account_type"))
                || clientId == null
                || jwt.getAudience() == null
                || !jwt.getAudience().contains(clientId)
                || jwt.getId() == null
                || jwt.getIssuedAt() == null
                || jwt.getExpiresAt() == null) {
            return null;
        }
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null
                || ClientRegistry.disabled(client)
                || jwt.getIssuedAt().isBefore(ClientRegistry.tokensNotBefore(client))
                || revoked(jwt.getId())) {
            return null;
        }
        Set<String> scopes = scopes(jwt);
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, token, jwt.getIssuedAt(), jwt.getExpiresAt(), scopes);
        return OAuth2Authorization.withRegisteredClient(client)
                .id(jwt.getId())
                .principalName(clientId)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizedScopes(scopes)
                .token(
                        accessToken,
                        metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, jwt.getClaims()))
                .build();
    }

    static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        Set<String> scopes = new HashSet<>();
        if (scope instanceof Collection<?> listed) {
            listed.forEach(s -> scopes.add(String.valueOf(s)));
        } else if (scope instanceof String spaced && !spaced.isBlank()) {
            scopes.addAll(Set.of(spaced.strip().split("\\s+")));
        }
        return scopes;
    }

    private boolean revoked(String tokenId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_revoked_token WHERE token_id = :id)")
                .param("id", tokenId)
                .query(Boolean.class)
                .single();
    }

    private void revoke(OAuth2Authorization authorization, OAuth2Authorization.Token<OAuth2AccessToken> token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token.getToken().getTokenValue());
        } catch (JwtException expiredOrNotOurs) {
            // An expired token needs no record of its revocation.
            return;
        }
        if (jwt.getId() == null) {
            return;
        }
        Instant expires = jwt.getExpiresAt() == null ? clock.instant().plusSeconds(86_400) : jwt.getExpiresAt();
        jdbc.sql("""
                        INSERT INTO identity_revoked_token (token_id, client_id, revoked_at, expires_at)
                        VALUES (:id, :client, :at, :expires) ON CONFLICT (token_id) DO NOTHING""")
                .param("id", jwt.getId())
                .param("client", authorization.getPrincipalName())
                .param("at", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(expires))
                .update();
    }
}
