package org.zhengwu.identity.account;

import java.util.List;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.database.AfterMigration;

/** Identity's steps after the migrations, and how they read what they wrote, for upgrade tests without the application. */
public final class ContactDetailsSteps {

    private ContactDetailsSteps() {}

    /** The steps as the application runs them: the key check, then the encryption of clear values. */
    public static List<AfterMigration> with(PlatformKeys keys) {
        return List.of(new FieldKeyCheck(keys), new ClearContactDetails(new ContactDetails(keys), keys));
    }

    public static String mobile(PlatformKeys keys, byte[] cipher) {
        return keys.decrypt(cipher, ContactDetails.MOBILE_CONTEXT);
    }

    public static String mobileIndex(PlatformKeys keys, String mobile) {
        return new ContactDetails(keys).mobileIndex(mobile);
    }

    public static String email(PlatformKeys keys, byte[] cipher) {
        return keys.decrypt(cipher, ContactDetails.EMAIL_CONTEXT);
    }

    public static String outboxRecipient(PlatformKeys keys, byte[] cipher) {
        return keys.decrypt(cipher, OutboxNotificationSender.RECIPIENT_CONTEXT);
    }

    public static String outboxRecipientIndex(PlatformKeys keys, String recipient) {
        return OutboxNotificationSender.recipientIndex(keys, recipient);
    }
}
