package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** The hourly clean-up of account records removes what no rule reads any more, and nothing a rule still reads. */
@ZhengwuTest
class AccountRecordsRetentionTests {

    @Autowired
    AccountRecordsRetention retention;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    OneTimeCodes codes;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    long accountId;

    @BeforeEach
    void citizen() {
        String username = TestPeople.register(citizens, "王保留").username();
        accountId = jdbc.sql("SELECT id FROM identity_account WHERE username = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }

    @Test
    void failedSignInsGoOnceOutsideTheLockoutWindowAndThoseInsideItStay() {
        String key = "unknown:" + UUID.randomUUID().toString().substring(0, 16);
        Instant now = Instant.now();
        failure(key, now.minus(SignInAttempts.WINDOW).minusSeconds(60));
        failure(key, now.minus(SignInAttempts.WINDOW).plusSeconds(60));
        failure(key, now.minusSeconds(5));

        assertThat(retention.removeExpired().signInFailures()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT failed_at FROM identity_sign_in_failure WHERE login_key = :key ORDER BY failed_at")
                        .param("key", key)
                        .query(Timestamp.class)
                        .list())
                .extracting(Timestamp::toInstant)
                .allMatch(failedAt -> failedAt.isAfter(now.minus(SignInAttempts.WINDOW)))
                .hasSize(2);
    }

    @Test
    void expiredOneTimeCodesGoAndALiveOneStaysAndIsStillAccepted() {
        jdbc.sql("""
                        INSERT INTO identity_one_time_code (account_id, purpose, code_hash, expires_at, created_at)
                        VALUES (:id, 'PASSWORD_RESET', :hash, :expired, :created)""")
                .param("id", accountId)
                .param("hash", "0".repeat(64))
                .param("expired", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("created", Timestamp.from(Instant.now().minus(OneTimeCodes.VALIDITY)))
                .update();
        String live = codes.issue(accountId, OneTimeCodes.Purpose.MOBILE_VERIFICATION);

        assertThat(retention.removeExpired().oneTimeCodes()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT purpose FROM identity_one_time_code WHERE account_id = :id")
                        .param("id", accountId)
                        .query(String.class)
                        .list())
                .containsExactly("MOBILE_VERIFICATION");
        assertThat(codes.check(accountId, OneTimeCodes.Purpose.MOBILE_VERIFICATION, live, true))
                .isEqualTo(OneTimeCodes.Check.ACCEPTED);
    }

    @Test
    void onlyTheLastPasswordsThePolicyComparesAreKept() {
        Instant registered = jdbc.sql("SELECT changed_at FROM identity_password_history WHERE account_id = :id")
                .param("id", accountId)
                .query(Timestamp.class)
                .single()
                .toInstant();
        for (int daysBefore = 1; daysBefore <= PasswordPolicy.HISTORY + 1; daysBefore++) {
            jdbc.sql("""
                            INSERT INTO identity_password_history (account_id, password_hash, changed_at)
                            VALUES (:id, :hash, :at)""")
                    .param("id", accountId)
                    .param("hash", "older-" + daysBefore)
                    .param("at", Timestamp.from(registered.minus(Duration.ofDays(daysBefore))))
                    .update();
        }

        assertThat(retention.removeExpired().passwords()).isGreaterThanOrEqualTo(2);

        List<String> kept =
                jdbc.sql("""
                        SELECT password_hash FROM identity_password_history WHERE account_id = :id
                        ORDER BY changed_at DESC""").param("id", accountId).query(String.class).list();
        assertThat(kept).hasSize(PasswordPolicy.HISTORY).endsWith("older-1", "older-2", "older-3", "older-4");
        assertThat(kept.get(0)).as("the current password").contains("$argon2id$");
    }

    @Test
    void developmentOutboxMessagesGoAfterAWeek() {
        String batch = UUID.randomUUID().toString();
        message(Instant.now().minus(AccountRecordsRetention.OUTBOX_KEPT).minusSeconds(60), "old " + batch);
        message(Instant.now().minus(AccountRecordsRetention.OUTBOX_KEPT).plusSeconds(60), "recent " + batch);

        assertThat(retention.removeExpired().outboxMessages()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT subject FROM identity_notification_outbox WHERE strpos(subject, :batch) > 0")
                        .param("batch", batch)
                        .query(String.class)
                        .list())
                .containsExactly("recent " + batch);
    }

    @Test
    void countedEventsGoOnceOutsideTheLongestLimitWindowAndRecentOnesStillCount() {
        String recipient = "retention-" + UUID.randomUUID() + "@example.gov.cn";
        String key = limits.key(RateLimits.Scope.RECIPIENT, recipient);
        event(key, Instant.now().minus(limits.longestWindow()).minusSeconds(60));
        event(key, Instant.now().minusSeconds(5));

        assertThat(retention.removeExpired().rateLimitEvents()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT count(*) FROM identity_rate_limit_event WHERE scope_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(limits.take(limits.messagesTo(recipient)))
                .as("the event kept still counts: one message a minute")
                .isPresent();
    }

    @Test
    void registrationsWhoseCodeExpiredGoAndOnesStillWaitingStay() {
        UUID expired = pending(Instant.now().minusSeconds(1));
        UUID waiting = pending(Instant.now().plus(OneTimeCodes.VALIDITY));

        assertThat(retention.removeExpired().pendingRegistrations()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT reference FROM identity_pending_registration WHERE reference IN (:a, :b)")
                        .param("a", expired)
                        .param("b", waiting)
                        .query(UUID.class)
                        .list())
                .containsExactly(waiting);
    }

    private void event(String key, Instant at) {
        jdbc.sql("INSERT INTO identity_rate_limit_event (scope_key, occurred_at) VALUES (:key, :at)")
                .param("key", key)
                .param("at", Timestamp.from(at))
                .update();
    }

    private UUID pending(Instant expires) {
        UUID reference = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO identity_pending_registration (reference, details_cipher, password_hash, code_hash,
                            proves_mobile, expires_at, created_at)
                        VALUES (:reference, :details, 'x', :hash, TRUE, :expires, :created)""")
                .param("reference", reference)
                .param("details", new byte[] {1})
                .param("hash", "0".repeat(64))
                .param("expires", Timestamp.from(expires))
                .param("created", Timestamp.from(expires.minus(OneTimeCodes.VALIDITY)))
                .update();
        return reference;
    }

    private void failure(String key, Instant at) {
        jdbc.sql(
                        "INSERT INTO identity_sign_in_failure (login_key, client_ip, failed_at) VALUES (:key, '192.0.2.7', :at)")
                .param("key", key)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A message sent through the outbox, dated back to {@code at}. */
    private void message(Instant at, String subject) {
        outbox.send(Notifications.Channel.EMAIL, "retention@example.gov.cn", subject, "验证码 000000");
        jdbc.sql("UPDATE identity_notification_outbox SET created_at = :at WHERE subject = :subject")
                .param("subject", subject)
                .param("at", Timestamp.from(at))
                .update();
    }
}
