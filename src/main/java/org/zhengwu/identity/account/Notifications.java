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

    /**
     * Sends to the e-mail address, else to the mobile (either may be null): false when there is neither or no sender
     * reaches them.
     */
    public boolean tell(String email, String mobile, String subject, String body) {
        if (email != null && canReach(Channel.EMAIL)) {
            return send(Channel.EMAIL, email, subject, body);
        }
        if (mobile != null && canReach(Channel.MOBILE)) {
            return send(Channel.MOBILE, mobile, subject, body);
        }
        return false;
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
