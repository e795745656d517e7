package org.zhengwu.shared.files;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The keys stores give files: 128 random bits in lower-case hexadecimal. */
final class StoredFileKeys {

    static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoredFileKeys() {}

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    /** @throws IllegalArgumentException for anything that is not a key: never a path, never a name */
    static String checked(String key) {
        if (!FileStore.isKey(key)) {
            throw new IllegalArgumentException("not a stored-file key");
        }
        return key;
    }
}
