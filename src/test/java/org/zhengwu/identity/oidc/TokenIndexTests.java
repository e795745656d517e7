package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.support.ZhengwuTest;

/** The provider stores and finds tokens of any length: its token columns have hash indexes, not b-tree ones. */
@ZhengwuTest
class TokenIndexTests {

    /** Random, so that no compression brings it under the b-tree limit. */
    private static final int TOKEN_LENGTH = 10_000;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTenKilobyteTokenIsStoredAndFoundByItsValue() {
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("long-token-" + UUID.randomUUID())
                .clientName("长令牌测试")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://long-token.example.invalid/callback")
                .scope("openid")
                .build();
        clients.save(client);
        Instant now = Instant.now();
        String accessToken = longToken();
        String idToken = longToken();
        OidcIdToken oidcIdToken =
                new OidcIdToken(idToken, now, now.plus(Duration.ofMinutes(10)), Map.of("sub", "someone"));
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
                // A person's: client-credentials tokens are not stored (ClientCredentialsTokens).
                .principalName("someone")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plus(Duration.ofMinutes(10))))
                .token(
                        oidcIdToken,
                        metadata ->
                                metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, oidcIdToken.getClaims()))
                .build();

        authorizations.save(authorization);

        assertThat(authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN))
                .extracting(OAuth2Authorization::getId)
                .isEqualTo(authorization.getId());
        assertThat(authorizations.findByToken(idToken, new OAuth2TokenType(OidcParameterNames.ID_TOKEN)))
                .extracting(OAuth2Authorization::getId)
                .isEqualTo(authorization.getId());
        assertThat(authorizations.findByToken(accessToken, null))
                .as("looked up without a token type, by every token column at once")
                .extracting(OAuth2Authorization::getId)
                .isEqualTo(authorization.getId());
        assertThat(authorizations.findByToken(longToken(), OAuth2TokenType.ACCESS_TOKEN))
                .isNull();
        authorizations.remove(authorization);
    }

    @Test
    void everyTokenColumnTheProviderLooksUpByHasAHashIndex() {
        assertThat(jdbc.sql("""
                        SELECT a.attname FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                        WHERE i.indrelid = 'oauth2_authorization'::regclass AND m.amname = 'hash'""").query(String.class).list())
                .containsExactlyInAnyOrder(
                        "state",
                        "authorization_code_value",
                        "access_token_value",
                        "oidc_id_token_value",
                        "refresh_token_value",
                        "user_code_value",
                        "device_code_value",
                        // Not a token: the person whose authorizations a withdrawal of access revokes.
                        "principal_name");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam
                        WHERE i.indrelid = 'oauth2_authorization'::regclass AND m.amname = 'btree'
                          AND NOT i.indisprimary""").query(Long.class).single()).isZero();
    }

    @Test
    void aBTreeIndexWouldHaveRefusedSuchAToken() {
        // Why the indexes are hash indexes, and that the token above is long enough to tell the difference.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
                    transaction.setRollbackOnly();
                    jdbc.sql("CREATE TEMPORARY TABLE btree_probe (token TEXT)").update();
                    jdbc.sql("CREATE INDEX btree_probe_idx ON btree_probe (token)")
                            .update();
                    jdbc.sql("INSERT INTO btree_probe (token) VALUES (:token)")
                            .param("token", longToken())
                            .update();
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("index row");
    }

    private static String longToken() {
        byte[] random = new byte[TOKEN_LENGTH * 3 / 4];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
