package org.zhengwu.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * Access ends the moment it is withdrawn: the account's sessions on every node end at their next request, and its
 * refresh tokens, codes and the records of its access tokens are revoked (the {@code /userinfo} endpoint refuses an
 * access token whose record is gone; a resource server that checks only the signature accepts it until it expires,
 * ten minutes after issue). One entry in the accountability log says why, by whom, and how much ended.
 */
@Service
public class AccessWithdrawal {

    /** What withdrew the access. */
    public enum Reason {
        /** An administrator disabled the account. */
        DISABLED(false),
        /** An administrator removed a role from it (its sessions hold the old roles' authorities). */
        ROLE_REMOVED(false),
        /**
         * The password was changed or reset. The session in which the owner changed it goes on: it proved the old
         * password just now, and is the one they use.
         */
        PASSWORD(true),
        /** An administrator reset the second factor (the authenticator was lost, perhaps stolen). */
        SECOND_FACTOR_RESET(false);

        private final boolean keepsOwnSession;

        Reason(boolean keepsOwnSession) {
            this.keepsOwnSession = keepsOwnSession;
        }
    }

    private final AccountSessions sessions;
    private final JdbcClient jdbc;
    private final AccountabilityLog audit;
    private final Clock clock;

    AccessWithdrawal(AccountSessions sessions, JdbcClient jdbc, AccountabilityLog audit, Clock clock) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Ends the account's sessions and revokes its authorizations; {@code by} is who withdrew the access. */
    @Transactional
    public void withdraw(Account account, String by, Reason reason) {
        Instant now = clock.instant();
        // The session making the change is kept only when it is the account's own: endAll ends no other account's.
        Long kept = reason.keepsOwnSession ? AccountSessions.current().orElse(null) : null;
        int ended = sessions.endAll(account.id(), kept, now);
        // The provider names a person's authorizations by the username; a client's own grants by its client id,
        // which a username may equal.
        int revoked = jdbc.sql("""
                        DELETE FROM oauth2_authorization
                        WHERE principal_name = :username AND authorization_grant_type <> 'client_credentials'""").param("username", account.username()).update();
        audit.record(AuditEvent.success(by, "identity.access.withdraw", "account", account.username())
                .withDetails(reason.name().toLowerCase(Locale.ROOT) + "; sessions ended: " + ended
                        + "; authorizations revoked: " + revoked));
    }
}
