package org.zhengwu.identity.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.crypto.Sm3;

/**
 * Six-digit codes sent to a person to prove they hold a mobile or mailbox: valid ten minutes, at most five guesses,
 * used once; a new code replaces the earlier ones. Only an SM3 hash is stored.
 */
@Service
public class OneTimeCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    /** What a code is for; a code for one purpose never serves another. */
    public enum Purpose {
        PASSWORD_RESET,
        MOBILE_VERIFICATION,
        /** Sent to the number that is to replace the account's mobile, and bound to it. */
        MOBILE_CHANGE
    }

    /** The outcome of checking a code. */
    public enum Check {
        ACCEPTED,
        WRONG,
        EXPIRED_OR_USED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new code for the account (earlier unused ones stop working). */
    @Transactional
    public String issue(long accountId, Purpose purpose) {
        return issue(accountId, purpose, null);
    }

    /**
     * A new code bound to {@code boundTo} as well — the blind index of the number it is sent to, say: it is accepted
     * only with that same value, so that a code sent to one number never proves another.
     */
    @Transactional
    public String issue(long accountId, Purpose purpose, String boundTo) {
        Instant now = clock.instant();
        jdbc.sql(
                        "UPDATE identity_one_time_code SET used_at = :now WHERE account_id = :id AND purpose = :purpose AND used_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("id", accountId)
                .param("purpose", purpose.name())
                .update();
        String code = newCode();
        jdbc.sql("""
                        INSERT INTO identity_one_time_code (account_id, purpose, code_hash, expires_at, created_at)
                        VALUES (:id, :purpose, :hash, :expires, :now)""")
                .param("id", accountId)
                .param("purpose", purpose.name())
                .param("hash", hash(accountId, purpose, boundTo, code))
                .param("expires", Timestamp.from(now.plus(VALIDITY)))
                .param("now", Timestamp.from(now))
                .update();
        return code;
    }

    /**
     * Checks the latest code; a wrong guess counts (in its own transaction, so that it counts even when the caller
     * fails). With {@code consume} a right code is used up; without, it stays valid for a later consuming check.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Check check(long accountId, Purpose purpose, String code, boolean consume) {
        return check(accountId, purpose, code, consume, null);
    }

    /** Checks the latest code as {@link #check(long, Purpose, String, boolean)}, with what it was bound to. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Check check(long accountId, Purpose purpose, String code, boolean consume, String boundTo) {
        Instant now = clock.instant();
        Map<String, Object> latest =
                jdbc.sql("""
                        SELECT id, code_hash, expires_at, attempts, used_at FROM identity_one_time_code
                        WHERE account_id = :id AND purpose = :purpose ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE""").param("id", accountId).param("purpose", purpose.name()).query().listOfRows().stream()
                        .findFirst()
                        .orElse(null);
        if (latest == null
                || latest.get("used_at") != null
                || ((Timestamp) latest.get("expires_at")).toInstant().isBefore(now)
                || ((Number) latest.get("attempts")).intValue() >= MAX_ATTEMPTS) {
            return Check.EXPIRED_OR_USED;
        }
        long id = ((Number) latest.get("id")).longValue();
        if (code == null
                || !hash(accountId, purpose, boundTo, code.strip())
                        .equals(((String) latest.get("code_hash")).strip())) {
            jdbc.sql("UPDATE identity_one_time_code SET attempts = attempts + 1 WHERE id = :id")
                    .param("id", id)
                    .update();
            return Check.WRONG;
        }
        if (consume) {
            jdbc.sql("UPDATE identity_one_time_code SET used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
        }
        return Check.ACCEPTED;
    }

    /** Six random digits. */
    static String newCode() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    private static String hash(long accountId, Purpose purpose, String boundTo, String code) {
        return Sm3.hashHex(accountId + ":" + purpose + ":" + (boundTo == null ? "" : boundTo + ":") + code);
    }
}
