package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.AccountType;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * Failed sign-ins (等保 2.0 登录失败处理): five failures within 15 minutes lock an account — 15 minutes for the public,
 * 30 minutes (or until an administrator unlocks it) for staff; and an address with too many failures is refused
 * for a while, whatever names it tries. Nothing here tells a caller whether an account exists, and nothing here keeps
 * what was typed: a name that is no account may be someone's 公民身份号码, or a password typed into the wrong field,
 * so it is counted (and logged, by {@link AuthenticationAudit}) only by its {@link #unknownName blind index}.
 */
@Component
public class SignInAttempts {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration PUBLIC_LOCK = Duration.ofMinutes(15);
    public static final Duration STAFF_LOCK = Duration.ofMinutes(30);
    public static final int MAX_FAILURES_PER_ADDRESS = 30;

    static final String UNKNOWN_NAME_CONTEXT = "identity.sign-in.unknown-name";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PlatformKeys keys;
    private final AccountabilityLog audit;
    private final Clock clock;

    SignInAttempts(
            JdbcClient jdbc, AccountRepository accounts, PlatformKeys keys, AccountabilityLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this address has failed so often recently that it must wait. */
    public boolean addressBlocked(String clientIp) {
        return jdbc.sql("SELECT count(*) FROM identity_sign_in_failure WHERE client_ip = :ip AND failed_at > :since")
                        .param("ip", clientIp)
                        .param("since", Timestamp.from(clock.instant().minus(WINDOW)))
                        .query(Long.class)
                        .single()
                >= MAX_FAILURES_PER_ADDRESS;
    }

    /** Records a failure; locks the account once it reaches the limit. */
    @Transactional
    public void failed(String typed, Account account, String clientIp) {
        Instant now = clock.instant();
        String key = key(typed, account);
        jdbc.sql("INSERT INTO identity_sign_in_failure (login_key, client_ip, failed_at) VALUES (:key, :ip, :now)")
                .param("key", key)
                .param("ip", clientIp)
                .param("now", Timestamp.from(now))
                .update();
        if (account == null || account.lockedAt(now)) {
            return;
        }
        long recent = jdbc.sql(
                        "SELECT count(*) FROM identity_sign_in_failure WHERE login_key = :key AND failed_at > :since")
                .param("key", key)
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .query(Long.class)
                .single();
        if (recent >= MAX_FAILURES) {
            Duration lock = account.type() == AccountType.STAFF ? STAFF_LOCK : PUBLIC_LOCK;
            accounts.lockUntil(account.id(), now.plus(lock));
            audit.record(new AuditEvent(
                    "system",
                    null,
                    "identity.lockout",
                    "account",
                    account.username(),
                    AuditEvent.Outcome.SUCCESS,
                    recent + " failures within " + WINDOW.toMinutes() + " minutes; locked " + lock.toMinutes()
                            + " minutes"));
        }
    }

    /** A successful sign-in clears the account's recent failures. */
    @Transactional
    public void succeeded(Account account) {
        jdbc.sql("DELETE FROM identity_sign_in_failure WHERE login_key = :key")
                .param("key", key(null, account))
                .update();
    }

    /** An administrator lifts a lock. */
    @Transactional
    public void unlock(Account account, String administrator) {
        accounts.lockUntil(account.id(), null);
        succeeded(account);
        audit.record(AuditEvent.success(administrator, "identity.unlock", "account", account.username()));
    }

    /**
     * A name typed at sign-in that is no account, as it may be kept: {@code unknown:} and the first 16 hex digits of
     * its keyed HMAC-SM3 (the platform's index key, never in the database). Repeated attempts with one name can be
     * told apart from others; what was typed cannot be read back, nor tested against guesses without the key.
     */
    public String unknownName(String typed) {
        String normalised = String.valueOf(typed).strip().toLowerCase(Locale.ROOT);
        return "unknown:" + keys.blindIndex(normalised, UNKNOWN_NAME_CONTEXT).substring(0, 16);
    }

    /** Failures count per account whichever identifier was typed; unknown names count by their blind index. */
    private String key(String typed, Account account) {
        return account != null ? "account:" + account.id() : unknownName(typed);
    }
}
