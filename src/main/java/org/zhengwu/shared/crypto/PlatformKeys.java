package org.zhengwu.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's symmetric keys: one SM4 key for personal fields stored encrypted, one HMAC-SM3 key for blind
 * indexes that find them again. A deployment supplies both (base64, from its key store) in
 * {@code zhengwu.crypto.field-key} and {@code zhengwu.crypto.index-key} — required when several nodes share a
 * database. Otherwise they are generated at first start into {@code zhengwu.crypto.key-dir} (owner-only files) and
 * read from there afterwards. No key is ever in the repository.
 */
@Component
public class PlatformKeys {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);

    private final Sm4Gcm fieldCipher;
    private final byte[] indexKey;

    PlatformKeys(@Value("${zhengwu.crypto.field-key:}") String fieldKey,
                 @Value("${zhengwu.crypto.index-key:}") String indexKey,
                 @Value("${zhengwu.crypto.key-dir:./data/keys}") String keyDir) {
        this.fieldCipher = new Sm4Gcm(key(fieldKey, Path.of(keyDir, "field.key"), Sm4Gcm.KEY_LENGTH));
        this.indexKey = key(indexKey, Path.of(keyDir, "index.key"), Sm3.LENGTH);
    }

    /** Encrypts a personal field; {@code context} names what it is (e.g. "identity_account.id_number"). */
    public byte[] encrypt(String value, String context) {
        return fieldCipher.encrypt(value.getBytes(StandardCharsets.UTF_8),
                context.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] sealed, String context) {
        return new String(fieldCipher.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /** A keyed, deterministic fingerprint of a value, to look it up without storing it in clear (hex). */
    public String blindIndex(String value, String context) {
        return HexFormat.of().formatHex(Sm3.hmac(indexKey,
                (context + "\u0000" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] key(String configured, Path file, int length) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != length) {
                throw new IllegalStateException("configured key for " + file.getFileName() + " must have " + length + " bytes");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
                if (key.length != length) {
                    throw new IllegalStateException(file + " does not hold a " + length + "-byte key");
                }
                return key;
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[length];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            log.warn("Generated a new key in {}. Back it up with the database: without it, encrypted fields cannot be read.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
