package org.zhengwu.identity.account;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * How an account's mobile number and e-mail address are kept: SM4-GCM encrypted, each column under a context of its
 * own (a value copied into another column does not decrypt), and the mobile also as an HMAC-SM3 blind index of its
 * digits, by which sign-in, password reset and registration find it and which keeps one account per mobile. Nothing
 * looks an account up by its e-mail address, so it has no index. Shown to its owner in full, to anyone else masked.
 */
@Component
public class ContactDetails {

    static final String MOBILE_CONTEXT = "identity_account.mobile";
    static final String EMAIL_CONTEXT = "identity_account.email";

    private final PlatformKeys keys;

    ContactDetails(PlatformKeys keys) {
        this.keys = keys;
    }

    /** A mobile number as it is kept and indexed: its digits. */
    public static String normalisedMobile(String mobile) {
        return mobile.replaceAll("[^0-9]", "");
    }

    /** An e-mail address as it is compared: without surrounding blanks, in lower case. */
    public static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public byte[] encryptMobile(String mobile) {
        return mobile == null ? null : keys.encrypt(normalisedMobile(mobile), MOBILE_CONTEXT);
    }

    public String mobileIndex(String mobile) {
        return mobile == null ? null : keys.blindIndex(normalisedMobile(mobile), MOBILE_CONTEXT);
    }

    /** The address as its owner typed it (without surrounding blanks). */
    public byte[] encryptEmail(String email) {
        return email == null ? null : keys.encrypt(email.strip(), EMAIL_CONTEXT);
    }

    /** The account's mobile in clear, for sending to it and for showing it to its owner; null when it has none. */
    public String mobile(Account account) {
        return account.mobileCipher() == null ? null : keys.decrypt(account.mobileCipher(), MOBILE_CONTEXT);
    }

    /** The account's e-mail address in clear, for sending to it and for showing it to its owner; null when none. */
    public String email(Account account) {
        return account.emailCipher() == null ? null : keys.decrypt(account.emailCipher(), EMAIL_CONTEXT);
    }

    /** The account's mobile as others may see it (139****5678); null when it has none. */
    public String maskedMobile(Account account) {
        String mobile = mobile(account);
        return mobile == null ? null : masked(Notifications.Channel.MOBILE, mobile);
    }

    /** The account's e-mail address as others may see it (z***@example.com); null when it has none. */
    public String maskedEmail(Account account) {
        String email = email(account);
        return email == null ? null : masked(Notifications.Channel.EMAIL, email);
    }

    /** A mobile as 139****5678, a mailbox as z***@example.com: enough for its owner to recognise. */
    public static String masked(Notifications.Channel channel, String recipient) {
        if (channel == Notifications.Channel.MOBILE && recipient.length() == 11) {
            return recipient.substring(0, 3) + "****" + recipient.substring(7);
        }
        int at = recipient.indexOf('@');
        return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
    }
}
