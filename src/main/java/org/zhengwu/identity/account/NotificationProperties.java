package org.zhengwu.identity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How one-time codes reach people ({@code zhengwu.notifications.*}). The development outbox is switched by
 * {@code zhengwu.notifications.dev-outbox}, read as a condition by {@link OutboxNotificationSender}.
 *
 * @param from sender of the e-mails ({@code ZHENGWU_MAIL_FROM}; its default is in application.yml)
 */
@ConfigurationProperties("zhengwu.notifications")
record NotificationProperties(String from) {}
