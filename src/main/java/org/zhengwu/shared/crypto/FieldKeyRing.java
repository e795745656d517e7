package org.zhengwu.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SM4 field keys: the current one, which seals every new value, and the previous ones still readable while the
 * re-encryption ({@link FieldKeyRotation}) rewrites what they sealed.
 *
 * <p>A value sealed here starts with a header naming its key: the two bytes {@code 5A 4B} ("ZK"), then the key's
 * identifier — the first four bytes of SM3 over a fixed label and the key, so that it names a key without revealing
 * anything of it — then the SM4-GCM output of {@link Sm4Gcm} (nonce, ciphertext, tag), the header bound as associated
 * data with the value's context. Values sealed before key identifiers existed ("legacy": a random nonce first) have no
 * header; they are opened by trying each configured key in turn, which GCM's tag makes safe (a wrong key fails, it
 * never yields other text). A legacy value whose random nonce happens to start with the two header bytes (one in
 * 65,536) is opened the same way when its supposed key is unknown or fails.
 */
final class FieldKeyRing {

    static final byte[] MAGIC = {0x5A, 0x4B};
    static final int ID_BYTES = 4;
    static final int HEADER_BYTES = MAGIC.length + ID_BYTES;
    private static final byte[] ID_LABEL = "zhengwu.field-key-id".getBytes(StandardCharsets.UTF_8);

    private record Key(String id, byte[] header, Sm4Gcm cipher) {}

    private final Key current;

    /** Every readable key by identifier, the current one first. */
    private final Map<String, Key> readable = new LinkedHashMap<>();

    FieldKeyRing(byte[] currentKey, List<byte[]> previousKeys) {
        this.current = key(currentKey);
        readable.put(current.id(), current);
        for (byte[] previous : previousKeys) {
            Key key = key(previous);
            if (Arrays.equals(previous, currentKey)) {
                continue; // the current key named again among the previous: nothing more to read
            }
            Key other = readable.putIfAbsent(key.id(), key);
            if (other != null) {
                throw new IllegalStateException(
                        "ZHENGWU_FIELD_KEY_PREVIOUS holds two different keys with one identifier (" + key.id()
                                + "): generate the new key again");
            }
        }
    }

    /** The identifier of an SM4 field key: 8 hex digits. */
    static String id(byte[] key) {
        return HexFormat.of().formatHex(Arrays.copyOf(Sm3.hash(ID_LABEL, key), ID_BYTES));
    }

    private static Key key(byte[] material) {
        String id = id(material);
        byte[] header = new byte[HEADER_BYTES];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        System.arraycopy(HexFormat.of().parseHex(id), 0, header, MAGIC.length, ID_BYTES);
        return new Key(id, header, new Sm4Gcm(material));
    }

    String currentId() {
        return current.id();
    }

    /** The identifiers of the keys that can be read, the current one first. */
    List<String> readableIds() {
        return Collections.unmodifiableList(new ArrayList<>(readable.keySet()));
    }

    /** The header every value sealed under the current key starts with. */
    byte[] currentHeader() {
        return current.header().clone();
    }

    byte[] encrypt(byte[] plaintext, byte[] context) {
        byte[] body = current.cipher().encrypt(plaintext, associated(current.header(), context));
        byte[] out = new byte[HEADER_BYTES + body.length];
        System.arraycopy(current.header(), 0, out, 0, HEADER_BYTES);
        System.arraycopy(body, 0, out, HEADER_BYTES, body.length);
        return out;
    }

    /**
     * The key identifier a stored value names, or {@code "legacy"} for a value without a header (sealed before key
     * identifiers).
     */
    static String keyIdOf(byte[] sealed) {
        if (!hasHeader(sealed)) {
            return "legacy";
        }
        return HexFormat.of().formatHex(sealed, MAGIC.length, HEADER_BYTES);
    }

    boolean underCurrentKey(byte[] sealed) {
        return hasHeader(sealed) && Arrays.equals(sealed, 0, HEADER_BYTES, current.header(), 0, HEADER_BYTES);
    }

    private static boolean hasHeader(byte[] sealed) {
        return sealed.length >= HEADER_BYTES + Sm4Gcm.MIN_SEALED && sealed[0] == MAGIC[0] && sealed[1] == MAGIC[1];
    }

    /**
     * @throws UnknownFieldKeyException when the value names a key that is not configured
     * @throws IllegalArgumentException when the value was altered, or sealed with another context
     */
    byte[] decrypt(byte[] sealed, byte[] context, String contextName) {
        if (hasHeader(sealed)) {
            String id = keyIdOf(sealed);
            Key key = readable.get(id);
            if (key != null) {
                try {
                    return key.cipher()
                            .decrypt(
                                    Arrays.copyOfRange(sealed, HEADER_BYTES, sealed.length),
                                    associated(key.header(), context));
                } catch (IllegalArgumentException e) {
                    byte[] legacy = legacy(sealed, context);
                    if (legacy != null) {
                        return legacy;
                    }
                    throw new IllegalArgumentException("the value of " + contextName + " (field key " + id
                            + ") failed its integrity check: altered, or copied from another column");
                }
            }
            byte[] legacy = legacy(sealed, context);
            if (legacy != null) {
                return legacy;
            }
            throw new UnknownFieldKeyException(id, contextName);
        }
        byte[] legacy = legacy(sealed, context);
        if (legacy != null) {
            return legacy;
        }
        throw new IllegalArgumentException("the value of " + contextName + " (sealed before key identifiers) failed its"
                + " integrity check under every configured field key (" + String.join(", ", readable.keySet())
                + "): sealed under a key that is not configured, altered, or copied from another column");
    }

    /** A value without a header opened under the first key whose tag matches; null when none does. */
    private byte[] legacy(byte[] sealed, byte[] context) {
        if (sealed.length < Sm4Gcm.MIN_SEALED) {
            return null;
        }
        for (Key key : readable.values()) {
            try {
                return key.cipher().decrypt(sealed, context);
            } catch (IllegalArgumentException e) {
                // not this key
            }
        }
        return null;
    }

    private static byte[] associated(byte[] header, byte[] context) {
        byte[] out = new byte[header.length + context.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(context, 0, out, header.length, context.length);
        return out;
    }
}
