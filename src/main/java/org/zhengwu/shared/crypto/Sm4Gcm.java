package org.zhengwu.shared.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) in GCM mode: confidentiality and integrity for a stored field. The output is a random
 * 12-byte nonce followed by the ciphertext and the 16-byte tag; {@code context} (for instance the column name) is
 * bound as associated data, so a value copied into another column does not decrypt.
 */
public final class Sm4Gcm {

    public static final int KEY_LENGTH = 16;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    /** The length of the shortest sealed value: a nonce and a tag around nothing. */
    static final int MIN_SEALED = NONCE_LENGTH + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /**
     * Each thread's cipher of this key, one to encrypt and one to decrypt, keyed once and then given only a nonce and
     * context per value: keying one (the SM4 key schedule and GCM's multiplication tables) cost more than sealing or
     * opening a short field, which bulk reads do by the thousand.
     */
    private final ThreadLocal<GCMModeCipher> encrypting = ThreadLocal.withInitial(() -> keyed(true));

    private final ThreadLocal<GCMModeCipher> decrypting = ThreadLocal.withInitial(() -> keyed(false));

    public Sm4Gcm(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    private GCMModeCipher keyed(boolean forEncryption) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(blockCipher());
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        cipher.init(forEncryption, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, new byte[0]));
        return cipher;
    }

    public byte[] encrypt(byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        GCMModeCipher cipher = encrypting.get();
        // No key: the one it was given first (a random nonce is never one it used before).
        cipher.init(true, new AEADParameters(null, TAG_BITS, nonce, context));
        return sealed(cipher, plaintext, nonce);
    }

    /** Encryption under a given nonce: only for known-answer tests, a nonce must never be used twice with a key. */
    byte[] encrypt(byte[] plaintext, byte[] context, byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("an SM4-GCM nonce has 12 bytes, not " + nonce.length);
        }
        GCMModeCipher cipher = GCMBlockCipher.newInstance(blockCipher());
        cipher.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, context));
        return sealed(cipher, plaintext, nonce);
    }

    private static byte[] sealed(GCMModeCipher cipher, byte[] plaintext, byte[] nonce) {
        byte[] out = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int length = cipher.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            cipher.doFinal(out, NONCE_LENGTH + length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return out;
    }

    /** @throws IllegalArgumentException when the value was altered, or encrypted with another key or context */
    public byte[] decrypt(byte[] sealed, byte[] context) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("not an SM4-GCM value");
        }
        GCMModeCipher cipher = decrypting.get();
        cipher.init(false, new AEADParameters(null, TAG_BITS, Arrays.copyOf(sealed, NONCE_LENGTH), context));
        byte[] out = new byte[cipher.getOutputSize(sealed.length - NONCE_LENGTH)];
        int length = cipher.processBytes(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("SM4-GCM value failed its integrity check", e);
        }
        return Arrays.copyOf(out, length);
    }

    /** The SM4 block cipher under the GCM mode: {@link Sm4TableEngine}, which gives SM4Engine's answers faster. */
    static BlockCipher blockCipher() {
        return new Sm4TableEngine();
    }
}
