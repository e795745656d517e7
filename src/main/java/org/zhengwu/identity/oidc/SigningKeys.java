package org.zhengwu.identity.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.database.OnceTasks;

/**
 * The keys that sign ID and access tokens (RS256, as every OIDC client understands), kept in the database with the
 * private part SM4-encrypted. A deployment supplies its key from its key store ({@code ZHENGWU_SIGNING_KEY}): it is
 * imported at start and signs from then on; without one, a key is created at first start (never silently in
 * production, see {@link IssuerAndKeysProperties}). Rotation adds a new signing key; the retired ones stay in the
 * published key set for {@link #RETIRED_KEPT} so that tokens they signed still verify.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext>, SmartInitializingSingleton, ApplicationRunner {

    public static final Duration RETIRED_KEPT = Duration.ofDays(2);
    static final String CONTEXT = "identity_signing_key.private";
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** The published keys, the signing (newest active) one first; re-read from the database every minute. */
    private record Snapshot(JWKSet keys, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final PlatformKeys platformKeys;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final OnceTasks once;
    private final TransactionTemplate transaction;
    private final RSAKey configured;
    private final boolean keysInDatabase;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    SigningKeys(
            JdbcClient jdbc,
            PlatformKeys platformKeys,
            AccountabilityLog audit,
            Clock clock,
            OnceTasks once,
            TransactionTemplate transaction,
            IssuerAndKeysProperties properties) {
        this.jdbc = jdbc;
        this.platformKeys = platformKeys;
        this.audit = audit;
        this.clock = clock;
        this.once = once;
        this.transaction = transaction;
        this.keysInDatabase = properties.signingKeysInDatabase();
        this.configured = StringUtils.hasText(properties.signingKey())
                ? ConfiguredSigningKey.parse(properties.signingKey())
                : null;
    }

    /** The configured key is imported before the server takes its first request, so that it signs every token. */
    @Override
    public void afterSingletonsInstantiated() {
        if (configured != null) {
            importConfigured();
        }
    }

    /**
     * Without a configured key, the first key is made when the platform first starts (once per database) — unless the
     * deployment declared that the database holds its production keys ({@code ZHENGWU_SIGNING_KEYS_IN_DATABASE}):
     * then a database without one is a wrong database or a lost key, and a generated key would hide that.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (keysInDatabase && configured == null && keys().isEmpty()) {
            throw new IllegalStateException(
                    "ZHENGWU_SIGNING_KEYS_IN_DATABASE (zhengwu.identity.signing-keys-in-database)"
                            + " declares that the database holds the token-signing keys, but it holds none: supply the key"
                            + " once with ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key), or check that this is the"
                            + " right database");
        }
        once.runOnce("identity.first-signing-key", () -> {
            if (keys().isEmpty()) {
                String kid = create(clock.instant());
                audit.record(AuditEvent.success("system", "identity.signing-key.rotate", "signing-key", kid)
                        .withDetails("first key"));
            }
        });
    }

    /**
     * Makes the configured key the signing key, once: a restart, or another node, finds it by its key id and leaves
     * the keys as they are (a rotation on the administration screen since then stays in force).
     */
    private void importConfigured() {
        String kid = configured.getKeyID();
        Boolean imported = transaction.execute(status -> {
            Instant now = clock.instant();
            int inserted = jdbc.sql("""
                            INSERT INTO identity_signing_key (kid, public_jwk, private_cipher, created_at)
                            VALUES (:kid, :public, :private, :now) ON CONFLICT (kid) DO NOTHING""")
                    .param("kid", kid)
                    .param("public", configured.toPublicJWK().toJSONString())
                    .param("private", platformKeys.encrypt(configured.toJSONString(), CONTEXT))
                    .param("now", Timestamp.from(now))
                    .update();
            if (inserted == 0) {
                return false;
            }
            jdbc.sql("UPDATE identity_signing_key SET retired_at = :now WHERE retired_at IS NULL AND kid <> :kid")
                    .param("now", Timestamp.from(now))
                    .param("kid", kid)
                    .update();
            audit.record(AuditEvent.success("system", "identity.signing-key.import", "signing-key", kid)
                    .withDetails("from ZHENGWU_SIGNING_KEY"));
            return true;
        });
        if (Boolean.TRUE.equals(imported)) {
            snapshot.set(null);
            log.info("Imported the configured token-signing key {}; it signs from now on", kid);
        }
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(current());
    }

    /**
     * Of the keys that fit a token's header, the one to sign it with: the newest key not retired. After a rotation
     * the retired keys fit too (they are still published), and the encoder refuses to guess between them.
     */
    JWK signingKey(List<JWK> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no signing key");
        }
        String kid = current().getKeys().get(0).getKeyID();
        return candidates.stream()
                .filter(key -> kid.equals(key.getKeyID()))
                .findFirst()
                // A reload between selecting and choosing: the candidates come in the same order, signing key first.
                .orElse(candidates.get(0));
    }

    /** The key set without private parts, as /oauth2/jwks publishes it. */
    public JWKSet publicKeys() {
        return current().toPublicJWKSet();
    }

    /** Makes a new key the signing key; earlier ones are retired and published a while longer. */
    @Transactional
    public String rotate(String actor) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE identity_signing_key SET retired_at = :now WHERE retired_at IS NULL")
                .param("now", Timestamp.from(now))
                .update();
        String kid = create(now);
        audit.record(AuditEvent.success(actor, "identity.signing-key.rotate", "signing-key", kid));
        snapshot.set(null);
        return kid;
    }

    public record KeyInfo(String kid, Instant createdAt, Instant retiredAt) {}

    public List<KeyInfo> keys() {
        return jdbc.sql("SELECT kid, created_at, retired_at FROM identity_signing_key ORDER BY created_at DESC")
                .query((rs, n) -> new KeyInfo(
                        rs.getString("kid"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null
                                ? null
                                : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    private JWKSet current() {
        Snapshot s = snapshot.get();
        Instant now = clock.instant();
        if (s == null || s.loadedAt().plus(REFRESH).isBefore(now)) {
            s = new Snapshot(load(now), now);
            snapshot.set(s);
        }
        return s.keys();
    }

    @Transactional
    JWKSet load(Instant now) {
        List<JWK> keys = new ArrayList<>(jdbc.sql("""
                        SELECT public_jwk, private_cipher FROM identity_signing_key
                        WHERE retired_at IS NULL OR retired_at > :keptSince ORDER BY retired_at NULLS FIRST, created_at DESC""")
                .param("keptSince", Timestamp.from(now.minus(RETIRED_KEPT)))
                .query((rs, n) -> parse(platformKeys.decrypt(rs.getBytes("private_cipher"), CONTEXT)))
                .list());
        if (keys.isEmpty()) {
            create(now);
            return load(now);
        }
        return new JWKSet(keys);
    }

    private String create(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .build();
            jdbc.sql("""
                            INSERT INTO identity_signing_key (kid, public_jwk, private_cipher, created_at)
                            VALUES (:kid, :public, :private, :now)""")
                    .param("kid", kid)
                    .param("public", key.toPublicJWK().toJSONString())
                    .param("private", platformKeys.encrypt(key.toJSONString(), CONTEXT))
                    .param("now", Timestamp.from(now))
                    .update();
            return kid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is not a JWK", e);
        }
    }
}
