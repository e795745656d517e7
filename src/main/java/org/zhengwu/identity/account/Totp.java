package org.zhengwu.identity.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app computes them. A code is accepted in its own step or one step either side (clock drift).
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final Base32 BASE32 = new Base32();

    private Totp() {}

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The step of an instant. */
    public static long step(Instant at) {
        return at.getEpochSecond() / STEP_SECONDS;
    }

    /** The code of one step (RFC 4226 dynamic truncation). */
    public static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /**
     * The step in which {@code code} is valid around {@code now}, if any, and only if it is later than
     * {@code lastUsedStep} — so that a code seen once (or an earlier one) is never accepted again.
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now, Long lastUsedStep) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if ((lastUsedStep == null || step > lastUsedStep)
                    && java.security.MessageDigest.isEqual(
                            code(secret, step).getBytes(), code.strip().getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** RFC 4648 base 32 without padding, as otpauth:// URIs carry secrets (a 20-byte secret needs none anyway). */
    public static String base32(byte[] bytes) {
        String encoded = BASE32.encodeAsString(bytes);
        int end = encoded.indexOf('=');
        return end < 0 ? encoded : encoded.substring(0, end);
    }

    /** Reads a secret as people type it: any case, spaces between groups, with or without padding. */
    public static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!BASE32.isInAlphabet(clean)) {
            throw new IllegalArgumentException("not base 32: " + clean);
        }
        return BASE32.decode(clean);
    }
}
