package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** Copies a stream while hashing it: SM3 for the platform's own record, SHA-256 where S3 signs the payload. */
final class Checksums {

    private static final int BUFFER = 64 * 1024;

    private final SM3Digest sm3 = new SM3Digest();
    private final MessageDigest sha256;
    private long size;
    private String sm3Hex;
    private String sha256Hex;

    private Checksums(boolean withSha256) {
        try {
            this.sha256 = withSha256 ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Copies everything from {@code in} to {@code out}, hashing with SM3 (and SHA-256 when asked). */
    static Checksums copy(InputStream in, OutputStream out, boolean withSha256) throws IOException {
        Checksums sums = new Checksums(withSha256);
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            sums.sm3.update(buffer, 0, read);
            if (sums.sha256 != null) {
                sums.sha256.update(buffer, 0, read);
            }
            sums.size += read;
        }
        byte[] digest = new byte[sums.sm3.getDigestSize()];
        sums.sm3.doFinal(digest, 0);
        sums.sm3Hex = HexFormat.of().formatHex(digest);
        if (sums.sha256 != null) {
            sums.sha256Hex = HexFormat.of().formatHex(sums.sha256.digest());
        }
        return sums;
    }

    long size() {
        return size;
    }

    String sm3Hex() {
        return sm3Hex;
    }

    /** Null unless asked for. */
    String sha256Hex() {
        return sha256Hex;
    }
}
