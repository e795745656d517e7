package org.zhengwu.identity.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * The connected systems (OIDC clients) as stored, disabled ones included, and what an administrator does to them.
 * The provider sees them only through {@link #enabledOnly()}: a disabled system is not there for it at all, so it is
 * given no code and no token and its own authentication fails, on every endpoint alike, at no cost per request (the
 * mark is one of the client's settings, read with the client).
 */
@Service
class ClientRegistry {

    /** Client setting: an administrator disabled this system. */
    static final String DISABLED = "zhengwu.disabled";

    /**
     * Client setting: the instant the system was last disabled; its client-credentials tokens issued before then are
     * revoked (they are not stored, so there is no row to delete; {@link ClientCredentialsTokens}). A token says when
     * it was issued in whole seconds, so one issued in that same second counts as issued before — even if the system
     * was enabled again within the second.
     */
    static final String TOKENS_NOT_BEFORE = "zhengwu.tokens-not-before";

    private final Stored stored;
    private final JdbcClient jdbc;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final PasswordEncoder encoder = ClientSecrets.encoder();

    ClientRegistry(JdbcTemplate jdbcTemplate, JdbcClient jdbc, AccountabilityLog audit, Clock clock) {
        this.stored = new Stored(jdbcTemplate);
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every stored client, disabled ones too: for reading the records that name them (authorizations, consents). */
    RegisteredClientRepository stored() {
        return stored;
    }

    /** The clients the provider may serve. */
    RegisteredClientRepository enabledOnly() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                stored.save(client);
            }

            @Override
            public RegisteredClient findById(String id) {
                return enabled(stored.findById(id));
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return enabled(stored.findByClientId(clientId));
            }

            private RegisteredClient enabled(RegisteredClient client) {
                return client == null || disabled(client) ? null : client;
            }
        };
    }

    static boolean disabled(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(DISABLED));
    }

    static Instant tokensNotBefore(RegisteredClient client) {
        return client.getClientSettings().getSetting(TOKENS_NOT_BEFORE) instanceof String instant
                ? Instant.parse(instant)
                : Instant.EPOCH;
    }

    Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(stored.findByClientId(clientId));
    }

    List<RegisteredClient> all() {
        return stored.all();
    }

    void save(RegisteredClient client) {
        stored.save(client);
    }

    /**
     * Stops the system getting new tokens and revokes what it holds: codes, refresh tokens, and the records of its
     * access tokens (which {@code /userinfo} and introspection check; a signed access token a resource server checks
     * alone stays valid until it expires, minutes later).
     */
    @Transactional
    void disable(RegisteredClient client, String administrator) {
        String now = clock.instant().toString();
        stored.save(withSettings(client, settings -> {
            settings.put(DISABLED, true);
            settings.put(TOKENS_NOT_BEFORE, now);
        }));
        int revoked = revokeAuthorizations(client);
        audit.record(AuditEvent.success(administrator, "identity.client.disable", "client", client.getClientId())
                .withDetails("authorizations revoked: " + revoked));
    }

    @Transactional
    void enable(RegisteredClient client, String administrator) {
        stored.save(withSettings(client, settings -> settings.remove(DISABLED)));
        audit.record(AuditEvent.success(administrator, "identity.client.enable", "client", client.getClientId()));
    }

    /** Removes the system with everything that names it: authorizations and the consents people gave it. */
    @Transactional
    void delete(RegisteredClient client, String administrator) {
        int revoked = revokeAuthorizations(client);
        jdbc.sql("DELETE FROM identity_revoked_token WHERE client_id = :clientId")
                .param("clientId", client.getClientId())
                .update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = :id")
                .param("id", client.getId())
                .update();
        jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = :id")
                .param("id", client.getId())
                .update();
        audit.record(AuditEvent.success(administrator, "identity.client.delete", "client", client.getClientId())
                .withDetails("authorizations revoked: " + revoked));
    }

    /**
     * A new secret for a system that has one; the old one stops working at once. Returns the secret, which is shown
     * once and stored only as its digest.
     */
    @Transactional
    String rotateSecret(RegisteredClient client, String administrator) {
        String secret = ClientSecrets.newSecret();
        stored.save(RegisteredClient.from(client)
                .clientSecret(encoder.encode(secret))
                .build());
        audit.record(AuditEvent.success(administrator, "identity.client.secret", "client", client.getClientId()));
        return secret;
    }

    /**
     * A rare administrative act: authorizations are not indexed by client, and are found by a scan. Client-credentials
     * tokens are not stored: {@link #TOKENS_NOT_BEFORE}, or the client's removal, revokes them.
     */
    private int revokeAuthorizations(RegisteredClient client) {
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = :id")
                .param("id", client.getId())
                .update();
    }

    private static RegisteredClient withSettings(
            RegisteredClient client, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> settings = new HashMap<>(client.getClientSettings().getSettings());
        change.accept(settings);
        return RegisteredClient.from(client)
                .clientSettings(ClientSettings.withSettings(settings).build())
                .build();
    }

    /** The provider's own table, read and written by its own statements, plus the whole list. */
    private static final class Stored extends JdbcRegisteredClientRepository {

        Stored(JdbcTemplate jdbc) {
            super(jdbc);
        }

        List<RegisteredClient> all() {
            return getJdbcOperations()
                    .query("SELECT * FROM oauth2_registered_client ORDER BY client_id", getRegisteredClientRowMapper());
        }
    }
}
