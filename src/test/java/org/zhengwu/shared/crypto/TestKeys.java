package org.zhengwu.shared.crypto;

import java.nio.file.Path;
import java.util.Base64;

/** The platform's keys made from given key material, for tests that run the platform's steps without the application. */
public final class TestKeys {

    private TestKeys() {}

    /** The field and index keys given; the audit keys generated into {@code keyDir}. */
    public static PlatformKeys of(byte[] fieldKey, byte[] indexKey, Path keyDir) {
        return new PlatformKeys(
                Base64.getEncoder().encodeToString(fieldKey),
                Base64.getEncoder().encodeToString(indexKey),
                keyDir.toString());
    }
}
