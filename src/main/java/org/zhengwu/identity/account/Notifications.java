package org.zhengwu.identity.account;

import java.util.List;
import org.springframework.stereotype.Service;

/** Sends one-time codes and notices through whichever configured sender reaches the channel. */
@Service
public class Notifications {

    /** How a message reaches a person. */
    public enum Channel {
        EMAIL,
        MOBILE
    }

    /** A way to deliver messages: SMTP e-mail, or in development an outbox an administrator can read. */
    public interface NotificationSender {
        boolean reaches(Channel channel);

        void send(Channel channel, String recipient, String subject, String body);
    }

    private final List<NotificationSender> senders;

    Notifications(List<NotificationSender> senders) {
        this.senders = List.copyOf(senders);
    }

    public boolean canReach(Channel channel) {
        return senders.stream().anyMatch(s -> s.reaches(channel));
    }

    /** @return false when no sender reaches the channel */
    public boolean send(Channel channel, String recipient, String subject, String body) {
        for (NotificationSender sender : senders) {
            if (sender.reaches(channel)) {
                sender.send(channel, recipient, subject, body);
                return true;
            }
        }
        return false;
    }
}
