package org.zhengwu.identity.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the provider's authorizations that can serve no one any more: every code and token in them expired longer
 * ago than {@code zhengwu.identity.retention.authorizations} (one that never got as far as a token: begun longer ago
 * than that). The provider keeps them otherwise for ever — one row per sign-in at a client. They are kept a while past
 * expiry because a relying party may still sign a person out with an expired ID token as {@code id_token_hint}; what
 * was issued to whom stays in the accountability log. Several nodes may run this: one does, the others skip.
 */
@Component
@EnableConfigurationProperties(AuthorizationRetention.Settings.class)
class AuthorizationRetention {

    /** @param authorizations how long an authorization is kept after its last code or token expired */
    @ConfigurationProperties("zhengwu.identity.retention")
    record Settings(@DefaultValue("1d") Duration authorizations) {}

    private static final Logger log = LoggerFactory.getLogger(AuthorizationRetention.class);
    private static final long LOCK = 7_100_423_180_002L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration kept;

    AuthorizationRetention(JdbcClient jdbc, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kept = settings.authorizations();
    }

    /** Daily at 03:37, on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 37 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "identity.authorization-retention", lockAtMostFor = "PT6H")
    @Transactional
    void scheduled() {
        removeEnded();
    }

    /** @return how many authorizations and expired revocation records were removed (0 when another node was at it) */
    @Transactional
    public int removeEnded() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single())) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(kept);
        // GREATEST ignores the NULLs of codes and tokens that were never issued; with none at all it is NULL.
        int removed = jdbc.sql("""
                        DELETE FROM oauth2_authorization
                        WHERE coalesce(greatest(authorization_code_expires_at, access_token_expires_at,
                                                oidc_id_token_expires_at, refresh_token_expires_at,
                                                user_code_expires_at, device_code_expires_at),
                                       created_at) < :cutoff""").param("cutoff", Timestamp.from(cutoff)).update();
        if (removed > 0) {
            log.info("Removed {} authorizations whose codes and tokens had all expired before {}", removed, cutoff);
        }
        // A revoked client-credentials token needs its record only until it would have expired anyway.
        removed += jdbc.sql("DELETE FROM identity_revoked_token WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return removed;
    }
}
