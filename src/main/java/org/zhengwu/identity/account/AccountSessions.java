package org.zhengwu.identity.account;

import jakarta.servlet.http.HttpSession;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * The sign-ins of every account, kept in the database ({@code identity_session}) so that every node sees the same:
 * the servlet session holds only its row's id, and {@link SessionGuard} asks the row at each request whether the
 * session may go on. Access withdrawn ends the account's rows ({@link AccessWithdrawal}); a sign-in beyond the
 * account's limit ends its oldest session; every session ends at its absolute lifetime ({@link SessionProperties}).
 */
@Service
public class AccountSessions {

    /** The servlet-session attribute that holds the session's row id. */
    public static final String ATTRIBUTE = AccountSessions.class.getName() + ".id";

    /**
     * The permissions that make a member of staff an administrator for the session limit: whoever manages accounts,
     * connected systems or reads the log.
     */
    static final Set<String> ADMINISTRATION = Set.of(
            IdentityAccess.ACCOUNT_MANAGE,
            IdentityAccess.ACCOUNT_GRANT,
            IdentityAccess.ACCOUNT_SECURE,
            IdentityAccess.CLIENT_MANAGE,
            IdentityAccess.AUDIT_READ);

    /** Why a session was ended before its holder signed out; the sign-in page tells them. */
    public enum Ending {
        /** Access was withdrawn: the account disabled, a role removed, the password or the second factor reset. */
        WITHDRAWN,
        /** A newer sign-in of the same account went beyond the number of sessions it may hold at once. */
        REPLACED,
        /** The session reached its absolute lifetime. */
        EXPIRED;

        /** The query parameter of the sign-in page that explains it: {@code /login?withdrawn}. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Row(String username, boolean enabled, Instant expiresAt, String endReason) {}

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final SessionProperties settings;
    private final AccountabilityLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountSessions(
            JdbcClient jdbc,
            AccountRepository accounts,
            SessionProperties settings,
            AccountabilityLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A sign-in that has passed the password: complete for the public, waiting for the second factor for staff
     * ({@code complete} false: it counts towards no limit until {@link #completed}). Returns the row's id, for the
     * servlet session's {@link #ATTRIBUTE}.
     */
    @Transactional
    public long begin(Account account, boolean complete) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO identity_session (account_id, signed_in_at, completed_at, expires_at)
                        VALUES (:account, :now, :completed, :expires) RETURNING id""")
                .param("account", account.id())
                .param("now", Timestamp.from(now))
                .param("completed", complete ? Timestamp.from(now) : null)
                .param("expires", Timestamp.from(now.plus(lifetime(account.type()))))
                .query(Long.class)
                .single();
        if (complete) {
            keepWithinLimit(account, id, now);
        }
        return id;
    }

    /**
     * The second factor completed the sign-in of this session: from now on it counts towards the account's limit, and
     * the oldest of the account's other sessions beyond it end. A session that was ended meanwhile stays ended (its
     * next request is turned away); one without a row (begun before rows were kept) gets one.
     */
    @Transactional
    public void completed(Account account, HttpSession session) {
        Instant now = clock.instant();
        if (!(session.getAttribute(ATTRIBUTE) instanceof Long id)) {
            session.setAttribute(ATTRIBUTE, begin(account, true));
            return;
        }
        int completed = jdbc.sql("""
                        UPDATE identity_session SET completed_at = :now
                        WHERE id = :id AND account_id = :account AND ended_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("account", account.id())
                .update();
        if (completed == 1) {
            keepWithinLimit(account, id, now);
        }
    }

    /**
     * Why the session with this row must end now; empty while it may go on. One lookup by primary key, joined to its
     * account by primary key; a disabled account ends its sessions even when whatever disabled it ended no row.
     */
    public Optional<Ending> ending(long id) {
        Optional<Row> row = jdbc.sql("""
                        SELECT a.username, a.enabled, s.expires_at, s.end_reason
                        FROM identity_session s JOIN identity_account a ON a.id = s.account_id
                        WHERE s.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getString("username"),
                        rs.getBoolean("enabled"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("end_reason")))
                .optional();
        if (row.isEmpty()) {
            // The retention job removes a row only once it is past its lifetime.
            return Optional.of(Ending.EXPIRED);
        }
        if (row.get().endReason() != null) {
            return Optional.of(Ending.valueOf(row.get().endReason()));
        }
        if (!row.get().enabled()) {
            return Optional.of(Ending.WITHDRAWN);
        }
        Instant now = clock.instant();
        if (row.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        transactions.executeWithoutResult(status -> expire(id, row.get().username(), now));
        return Optional.of(Ending.EXPIRED);
    }

    /** Ends every live session of the account but {@code kept} (null: every one); returns how many ended. */
    int endAll(long accountId, Long kept, Instant now) {
        return jdbc.sql("""
                        UPDATE identity_session SET ended_at = :now, end_reason = 'WITHDRAWN'
                        WHERE account_id = :account AND ended_at IS NULL AND (CAST(:kept AS BIGINT) IS NULL OR id <> :kept)""")
                .param("now", Timestamp.from(now))
                .param("account", accountId)
                .param("kept", kept)
                .update();
    }

    /** The row of the session of the request being served, if it has one. */
    static Optional<Long> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION) instanceof Long id
                ? Optional.of(id)
                : Optional.empty();
    }

    /** How many sessions the account may hold at once; 0: no limit. */
    int limit(Account account) {
        if (account.type() != AccountType.STAFF) {
            return settings.publicLimit();
        }
        return accounts.permissionsOf(account.roles()).stream().anyMatch(ADMINISTRATION::contains)
                ? settings.administratorLimit()
                : settings.staffLimit();
    }

    Duration lifetime(AccountType type) {
        return type == AccountType.STAFF ? settings.staffLifetime() : settings.publicLifetime();
    }

    /**
     * The newest sign-in wins: the oldest complete sessions beyond the limit end (refusing the new one instead would
     * lock out a person whose old session is merely forgotten on another computer). The account's row is locked so
     * that two sign-ins at once cannot both keep their predecessors.
     */
    private void keepWithinLimit(Account account, long kept, Instant now) {
        int limit = limit(account);
        if (limit == 0) {
            return;
        }
        jdbc.sql("SELECT id FROM identity_account WHERE id = :id FOR UPDATE")
                .param("id", account.id())
                .query(Long.class)
                .single();
        int ended = jdbc.sql("""
                        UPDATE identity_session SET ended_at = :now, end_reason = 'REPLACED'
                        WHERE id IN (SELECT id FROM identity_session
                                     WHERE account_id = :account AND ended_at IS NULL AND completed_at IS NOT NULL
                                       AND expires_at > :now AND id <> :kept
                                     ORDER BY completed_at DESC, id DESC OFFSET :others)""")
                .param("now", Timestamp.from(now))
                .param("account", account.id())
                .param("kept", kept)
                .param("others", limit - 1)
                .update();
        if (ended > 0) {
            audit.record(
                    AuditEvent.success(account.username(), "identity.session.replace", "account", account.username())
                            .withDetails("earlier sessions ended: " + ended + "; limit " + limit));
        }
    }

    private void expire(long id, String username, Instant now) {
        int ended =
                jdbc.sql("""
                        UPDATE identity_session SET ended_at = :now, end_reason = 'EXPIRED'
                        WHERE id = :id AND ended_at IS NULL""").param("now", Timestamp.from(now)).param("id", id).update();
        if (ended == 1) {
            audit.record(AuditEvent.success("system", "identity.session.expire", "account", username));
        }
    }
}
