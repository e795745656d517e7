package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY: instead of sending, keeps every message in a table that an administrator reads at
 * {@code /admin/outbox}. Switched on by {@code zhengwu.notifications.dev-outbox} (the demo profile does) and never
 * available in the {@code production} profile.
 */
@Component
@Order(2)
@Profile("!production")
@ConditionalOnBooleanProperty("zhengwu.notifications.dev-outbox")
public class OutboxNotificationSender implements Notifications.NotificationSender {

    /** A kept message. */
    public record Message(
            long id, String channel, String recipient, String subject, String body, java.time.Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxNotificationSender(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean reaches(Notifications.Channel channel) {
        return true;
    }

    @Override
    public void send(Notifications.Channel channel, String recipient, String subject, String body) {
        jdbc.sql("""
                        INSERT INTO identity_notification_outbox (channel, recipient, subject, body, created_at)
                        VALUES (:channel, :recipient, :subject, :body, :now)""")
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public List<Message> latest(int limit) {
        return jdbc.sql("SELECT * FROM identity_notification_outbox ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Message(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
