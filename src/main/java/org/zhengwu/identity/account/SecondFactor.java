package org.zhengwu.identity.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm3;

/**
 * The second factor of staff sign-in: a TOTP authenticator app (RFC 6238) or security keys ({@link SecurityKeys}), with
 * ten single-use recovery codes for when the phone or the key is lost. The secret is stored SM4-encrypted; recovery
 * codes only as SM3 hashes.
 */
@Service
public class SecondFactor {

    public static final int RECOVERY_CODES = 10;

    /** When a second factor is enrolled: the rules differ. */
    public enum Stage {
        /**
         * A member of staff who has given only the password enrols the first second factor. Only an account without
         * any may: otherwise whoever holds a stolen password would enrol their own.
         */
        FIRST_ENROLMENT,
        /** Fully signed in: one more key, or an authenticator app besides the keys. */
        SIGNED_IN
    }

    static final String SECRET_CONTEXT = "identity_account.mfa_secret";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PlatformKeys keys;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final SecurityKeyRecords securityKeys;

    SecondFactor(
            JdbcClient jdbc,
            AccountRepository accounts,
            PlatformKeys keys,
            AccountabilityLog audit,
            Clock clock,
            SecurityKeyRecords securityKeys) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.securityKeys = securityKeys;
    }

    /** The otpauth:// URI an authenticator app reads from the QR code. */
    public String provisioningUri(String username, byte[] secret, String issuer) {
        String label = java.net.URLEncoder.encode(issuer + ":" + username, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + Totp.base32(secret) + "&issuer="
                + java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * Completes enrolment when {@code code} proves the app holds {@code secret}: the recovery codes to show once and
     * the proof of the factor; nothing when the code is wrong.
     */
    @Transactional
    public Optional<Enrolment> enrol(Account account, Stage stage, byte[] secret, String code) {
        Instant now = clock.instant();
        long accountId = account.id();
        String username = account.username();
        if (!mayEnrol(account, stage) || held(accountId).authenticatorApp()) {
            audit.record(new AuditEvent(
                    username, null, "identity.mfa.enrol", "account", username, AuditEvent.Outcome.DENIED, null));
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(secret, code, now, null);
        if (step.isEmpty()) {
            audit.record(new AuditEvent(
                    username, null, "identity.mfa.enrol", "account", username, AuditEvent.Outcome.FAILURE, null));
            return Optional.empty();
        }
        accounts.enrollMfa(accountId, keys.encrypt(Totp.base32(secret), SECRET_CONTEXT), now);
        jdbc.sql("UPDATE identity_account SET mfa_last_step = :step WHERE id = :id")
                .param("step", step.getAsLong())
                .param("id", accountId)
                .update();
        List<String> recovery = newRecoveryCodes(accountId);
        audit.record(AuditEvent.success(username, "identity.mfa.enrol", "account", username));
        return Optional.of(new Enrolment(recovery, new PassedFactor(username, SignInFactors.TOTP, now)));
    }

    /**
     * Checks a TOTP code, or failing that a recovery code, for a signed-in-by-password account: the proof of the
     * factor when it is right. An account with security keys only has recovery codes but no authenticator app.
     */
    @Transactional
    public Optional<PassedFactor> verify(Account account, String code) {
        Instant now = clock.instant();
        if (code == null) {
            return Optional.empty();
        }
        Long lastStep = jdbc.sql("SELECT mfa_last_step FROM identity_account WHERE id = :id FOR UPDATE")
                .param("id", account.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        OptionalLong step = account.mfaSecretCipher() == null
                ? OptionalLong.empty()
                : Totp.matchingStep(
                        Totp.fromBase32(keys.decrypt(account.mfaSecretCipher(), SECRET_CONTEXT)), code, now, lastStep);
        boolean ok;
        String how;
        if (step.isPresent()) {
            jdbc.sql("UPDATE identity_account SET mfa_last_step = :step WHERE id = :id")
                    .param("step", step.getAsLong())
                    .param("id", account.id())
                    .update();
            ok = true;
            how = "totp";
        } else {
            ok = jdbc.sql("""
                            UPDATE identity_recovery_code SET used_at = :now
                            WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
                            .param("now", Timestamp.from(now))
                            .param("id", account.id())
                            .param("hash", recoveryHash(account.id(), code))
                            .update()
                    == 1;
            how = "recovery code";
        }
        recordVerification(account, ok, ok ? how : null);
        return ok ? Optional.of(new PassedFactor(account.username(), SignInFactors.TOTP, now)) : Optional.empty();
    }

    /** One entry for every second factor given at sign-in, whichever kind, passed or not. */
    void recordVerification(Account account, boolean passed, String details) {
        audit.record(new AuditEvent(
                account.username(),
                null,
                "identity.mfa.verify",
                "account",
                account.username(),
                passed ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                details));
    }

    /**
     * An administrator removes a lost authenticator and every security key: the member of staff enrols again at the
     * next sign-in.
     */
    @Transactional
    public void reset(Account account, String administrator) {
        accounts.enrollMfa(account.id(), null, null);
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = :id")
                .param("id", account.id())
                .update();
        int keysRemoved = securityKeys.removeAll(account.id());
        audit.record(AuditEvent.success(administrator, "identity.mfa.reset", "account", account.username())
                .withDetails("authenticator app " + (account.authenticatorAppEnrolled() ? "removed" : "none")
                        + "; security keys removed: " + keysRemoved));
    }

    /** The second factors an account holds. */
    record Held(boolean authenticatorApp, int securityKeys) {}

    /**
     * The second factors the account holds, read under a lock of its row that the caller's transaction keeps: two
     * enrolments or removals at once see each other's result, so that two half-finished sign-ins cannot both enrol a
     * first factor, nor two removals leave none.
     */
    Held held(long accountId) {
        return jdbc.sql("""
                        SELECT mfa_enrolled_at IS NOT NULL AS app,
                            (SELECT count(*) FROM identity_webauthn_credential WHERE account_id = :id) AS keys
                        FROM identity_account WHERE id = :id FOR UPDATE""")
                .param("id", accountId)
                .query((rs, n) -> new Held(rs.getBoolean("app"), rs.getInt("keys")))
                .single();
    }

    /** Whether the account may enrol a second factor at {@code stage}; locks its row as {@link #held} does. */
    boolean mayEnrol(Account account, Stage stage) {
        Held held = held(account.id());
        return stage == Stage.SIGNED_IN || (!held.authenticatorApp() && held.securityKeys() == 0);
    }

    /** Ten new recovery codes, replacing any the account had: shown once, kept as hashes. */
    List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = :id")
                .param("id", accountId)
                .update();
        SecureRandom random = new SecureRandom();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                if (j == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", accountId)
                    .param("hash", recoveryHash(accountId, code.toString()))
                    .update();
        }
        return codes;
    }

    private static String recoveryHash(long accountId, String code) {
        return Sm3.hashHex(accountId + ":" + code.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
