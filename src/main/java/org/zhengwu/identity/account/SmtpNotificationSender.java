package org.zhengwu.identity.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server configured by {@code spring.mail.*} (switched on by {@code spring.mail.host}). */
@Component
@Order(1)
@ConditionalOnProperty("spring.mail.host")
class SmtpNotificationSender implements Notifications.NotificationSender {

    private final JavaMailSender mail;
    private final String from;

    SmtpNotificationSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.from();
    }

    @Override
    public boolean reaches(Notifications.Channel channel) {
        return channel == Notifications.Channel.EMAIL;
    }

    @Override
    public void send(Notifications.Channel channel, String recipient, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient);
        message.setSubject(subject);
        message.setText(body);
        mail.send(message);
    }
}
