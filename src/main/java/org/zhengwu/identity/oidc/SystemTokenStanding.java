package org.zhengwu.identity.oidc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a connected system's client-credentials token still stands, and what its system's API grant holds, in one
 * query per request: the system registered, not disabled, the token issued after the system was last disabled and not
 * revoked ({@link ClientCredentialsTokens}), and the organisation and scopes of its grant ({@link ClientApiAccess}).
 * Asked of the database at every request, not cached: a revocation, a disabled system or a scope taken back takes
 * effect at the next request on every node. It was five queries (the stored authorizations, the client, the revoked
 * tokens, the grant, its scopes) and a second check of the token's signature; the query API's key lookup spent more
 * on them than on the record it serves.
 */
@Component
class SystemTokenStanding {

    /** The grant of a system that stands: its organisation (null when it has no grant) and its scopes. */
    record Standing(String organisationUscc, Set<String> grantedScopes) {}

    private final JdbcClient jdbc;

    SystemTokenStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empty when the token no longer stands: no such system, disabled, the token issued before it was last disabled,
     * or revoked. The client's settings are read as stored by {@link ClientRegistry} (its {@link
     * ClientRegistry#DISABLED} and {@link ClientRegistry#TOKENS_NOT_BEFORE} entries of the settings map).
     */
    Optional<Standing> of(String clientId, String tokenId, Instant issuedAt) {
        return jdbc.sql("""
                        SELECT c.client_settings::jsonb ->> :disabled AS disabled,
                               c.client_settings::jsonb ->> :notBefore AS not_before,
                               EXISTS (SELECT 1 FROM identity_revoked_token t WHERE t.token_id = :token) AS revoked,
                               a.organisation_uscc,
                               (SELECT string_agg(s.scope, ' ') FROM identity_client_api_scope s
                                WHERE s.client_id = a.client_id) AS scopes
                        FROM oauth2_registered_client c
                        LEFT JOIN identity_client_api_access a ON a.client_id = c.client_id
                        WHERE c.client_id = :client""")
                .param("disabled", ClientRegistry.DISABLED)
                .param("notBefore", ClientRegistry.TOKENS_NOT_BEFORE)
                .param("token", tokenId)
                .param("client", clientId)
                .query((rs, n) -> {
                    String notBefore = rs.getString("not_before");
                    boolean stands = !"true".equals(rs.getString("disabled"))
                            && (notBefore == null || !issuedAt.isBefore(Instant.parse(notBefore)))
                            && !rs.getBoolean("revoked");
                    if (!stands) {
                        return Optional.<Standing>empty();
                    }
                    String scopes = rs.getString("scopes");
                    return Optional.of(new Standing(
                            rs.getString("organisation_uscc"),
                            scopes == null
                                    ? Set.of()
                                    : Arrays.stream(scopes.split(" ")).collect(Collectors.toUnmodifiableSet())));
                })
                .optional()
                .flatMap(standing -> standing);
    }
}
