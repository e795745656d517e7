package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * DEVELOPMENT ONLY: instead of sending, keeps every message in a table that an administrator reads at
 * {@code /admin/outbox}. Switched on by {@code zhengwu.notifications.dev-outbox} (the demo profile does) and never
 * available in the {@code production} profile.
 *
 * <p>The outbox stands in for people's phones and mailboxes, so what a message says (a code) is kept readable — that
 * is what it is for. To whom is not: a demo or a pilot may be tried with real numbers, and the recipient is the same
 * personal data as the account's own mobile, so it is encrypted like it, with a blind index to find the messages sent
 * to one recipient. The administrators' page shows it masked (139****5678), which is enough to pick out one's own
 * messages; the full number is on no page.
 */
@Component
@Order(2)
@Profile("!production")
@ConditionalOnBooleanProperty("zhengwu.notifications.dev-outbox")
public class OutboxNotificationSender implements Notifications.NotificationSender {

    static final String RECIPIENT_CONTEXT = "identity_notification_outbox.recipient";

    /** A kept message, its recipient masked. */
    public record Message(
            long id, String channel, String maskedRecipient, String subject, String body, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Clock clock;

    OutboxNotificationSender(JdbcClient jdbc, PlatformKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public boolean reaches(Notifications.Channel channel) {
        return true;
    }

    @Override
    public void send(Notifications.Channel channel, String recipient, String subject, String body) {
        jdbc.sql("""
                        INSERT INTO identity_notification_outbox (channel, recipient_cipher, recipient_index, subject, body,
                            created_at)
                        VALUES (:channel, :cipher, :index, :subject, :body, :now)""")
                .param("channel", channel.name())
                .param("cipher", encryptRecipient(keys, recipient))
                .param("index", recipientIndex(keys, recipient))
                .param("subject", subject)
                .param("body", body)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The newest messages, newest first. */
    public List<Message> latest(int limit) {
        return jdbc.sql("""
                        SELECT id, channel, recipient_cipher, subject, body, created_at
                        FROM identity_notification_outbox ORDER BY id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Message(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        maskedRecipient(rs.getString("channel"), rs.getBytes("recipient_cipher")),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A recipient as the administrators' page shows it; "—" for a row that has none. */
    private String maskedRecipient(String channel, byte[] cipher) {
        return cipher == null
                ? "—"
                : ContactDetails.masked(
                        Notifications.Channel.valueOf(channel), keys.decrypt(cipher, RECIPIENT_CONTEXT));
    }

    /** What the messages to one mobile number or mailbox said, newest first. */
    public List<String> bodiesTo(String recipient) {
        return jdbc.sql("SELECT body FROM identity_notification_outbox WHERE recipient_index = :index ORDER BY id DESC")
                .param("index", recipientIndex(keys, recipient))
                .query(String.class)
                .list();
    }

    static byte[] encryptRecipient(PlatformKeys keys, String recipient) {
        return keys.encrypt(recipient.strip(), RECIPIENT_CONTEXT);
    }

    /** Of an address lower-cased, of a number its digits: one recipient however it was written. */
    static String recipientIndex(PlatformKeys keys, String recipient) {
        String normalised = recipient.contains("@")
                ? ContactDetails.normalisedEmail(recipient)
                : ContactDetails.normalisedMobile(recipient);
        return keys.blindIndex(normalised, RECIPIENT_CONTEXT);
    }
}
