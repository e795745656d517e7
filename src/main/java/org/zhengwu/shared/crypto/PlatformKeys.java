package org.zhengwu.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The platform's own keys, none of them in the database: one SM4 key for personal fields stored encrypted, one
 * HMAC-SM3 key for blind indexes that find them again, one HMAC-SM3 key that seals the accountability log's chains and
 * one SM2 key that signs the log's checkpoints written outside the database. A deployment supplies them (base64, from
 * its key store) in {@code ZHENGWU_FIELD_KEY}, {@code ZHENGWU_INDEX_KEY}, {@code ZHENGWU_AUDIT_KEY} and
 * {@code ZHENGWU_AUDIT_ANCHOR_KEY} ({@code zhengwu.crypto.*}) — required in production (the profile refuses to start
 * without them) and when several nodes share a database. Otherwise they are generated at first start into {@code zhengwu.crypto.key-dir}
 * (an owner-only directory of owner-only files, where the file system has POSIX permissions) and read from there
 * afterwards. No key is ever in the repository.
 */
@Component
@EnableConfigurationProperties(CryptoProperties.class)
public class PlatformKeys {

    public static final int FIELD_KEY_BYTES = Sm4Gcm.KEY_LENGTH;
    public static final int INDEX_KEY_BYTES = Sm3.LENGTH;
    public static final int AUDIT_KEY_BYTES = Sm3.LENGTH;
    public static final int ANCHOR_KEY_BYTES = Sm2.PRIVATE_KEY_BYTES;

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);

    private final FieldKeyRing fieldKeys;
    private final byte[] indexKey;
    private final byte[] auditKey;
    private final byte[] anchorKey;
    private final byte[] anchorPublicKey;

    @Autowired
    PlatformKeys(CryptoProperties properties) {
        this(
                properties.fieldKey(),
                properties.fieldKeyPrevious(),
                properties.indexKey(),
                properties.auditKey(),
                properties.auditAnchorKey(),
                properties.keyDir());
    }

    PlatformKeys(String fieldKey, String indexKey, String keyDir) {
        this(fieldKey, "", indexKey, "", "", keyDir);
    }

    PlatformKeys(String fieldKey, String previousFieldKeys, String indexKey, String keyDir) {
        this(fieldKey, previousFieldKeys, indexKey, "", "", keyDir);
    }

    PlatformKeys(
            String fieldKey,
            String previousFieldKeys,
            String indexKey,
            String auditKey,
            String anchorKey,
            String keyDir) {
        this.fieldKeys = new FieldKeyRing(
                key(fieldKey, "ZHENGWU_FIELD_KEY", Path.of(keyDir, "field.key"), FIELD_KEY_BYTES, null),
                previousFieldKeys(previousFieldKeys));
        log.info(
                "Field key {} seals new values; field keys readable: {}",
                fieldKeys.currentId(),
                String.join(", ", fieldKeys.readableIds()));
        this.indexKey = key(indexKey, "ZHENGWU_INDEX_KEY", Path.of(keyDir, "index.key"), INDEX_KEY_BYTES, null);
        this.auditKey = key(auditKey, "ZHENGWU_AUDIT_KEY", Path.of(keyDir, "audit.key"), AUDIT_KEY_BYTES, null);
        this.anchorKey = key(
                anchorKey,
                "ZHENGWU_AUDIT_ANCHOR_KEY",
                Path.of(keyDir, "audit-anchor.key"),
                ANCHOR_KEY_BYTES,
                Sm2.newPrivateKey());
        String defect = Sm2.defect(this.anchorKey);
        if (defect != null) {
            throw new IllegalStateException("ZHENGWU_AUDIT_ANCHOR_KEY is not an SM2 private key: " + defect);
        }
        this.anchorPublicKey = Sm2.publicKey(this.anchorKey);
    }

    /** The HMAC-SM3 seal of an accountability-log entry: only a holder of the audit key can make one. */
    public byte[] auditSeal(byte[]... parts) {
        return Sm3.hmac(auditKey, parts);
    }

    /** Signs a checkpoint of the accountability log with the SM2 anchor key. */
    public byte[] signAnchor(byte[] checkpoint) {
        return Sm2.sign(anchorKey, checkpoint);
    }

    /** The anchor key's public half (an uncompressed SM2 point), which checks checkpoints — also outside the platform. */
    public byte[] anchorPublicKey() {
        return anchorPublicKey.clone();
    }

    /** Why a configured key (base64) cannot be used, e.g. "8 bytes instead of 16"; empty when it can. */
    public static Optional<String> configuredKeyDefect(String base64, int length) {
        try {
            int bytes = Base64.getDecoder().decode(base64.strip()).length;
            return bytes == length ? Optional.empty() : Optional.of(bytes + " bytes instead of " + length);
        } catch (IllegalArgumentException e) {
            return Optional.of("not base64");
        }
    }

    /**
     * Encrypts a personal field under the current field key; {@code context} names what it is (e.g.
     * "identity_account.id_number"). The value starts with the key's identifier ({@link FieldKeyRing}).
     */
    public byte[] encrypt(String value, String context) {
        return fieldKeys.encrypt(value.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a personal field sealed under the current field key or one of the previous ones.
     *
     * @throws UnknownFieldKeyException when it names a field key that is not configured
     * @throws IllegalArgumentException when it was altered, or sealed with another context
     */
    public String decrypt(byte[] sealed, String context) {
        return new String(
                fieldKeys.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8), context), StandardCharsets.UTF_8);
    }

    /** Opens a sealed value and seals it again under the current field key (the re-encryption's step). */
    public byte[] reseal(byte[] sealed, String context) {
        byte[] bytes = context.getBytes(StandardCharsets.UTF_8);
        return fieldKeys.encrypt(fieldKeys.decrypt(sealed, bytes, context), bytes);
    }

    /** The identifier (8 hex digits) of the current field key, which every new value names. */
    public String fieldKeyId() {
        return fieldKeys.currentId();
    }

    /** The identifiers of the field keys that can be read, the current one first. */
    public List<String> readableFieldKeyIds() {
        return fieldKeys.readableIds();
    }

    /** The key identifier a stored value names, or "legacy" for one sealed before key identifiers. */
    public static String fieldKeyIdOf(byte[] sealed) {
        return FieldKeyRing.keyIdOf(sealed);
    }

    /** Whether a stored value is sealed under the current field key. */
    public boolean underCurrentFieldKey(byte[] sealed) {
        return fieldKeys.underCurrentKey(sealed);
    }

    /**
     * The first bytes of every value sealed under the current field key, to find in SQL those that are not
     * ({@code substring(column from 1 for 6) <> :header}).
     */
    public byte[] currentFieldKeyHeader() {
        return fieldKeys.currentHeader();
    }

    /** The key identifier of a field key given in base64, as {@link #fieldKeyIdOf} reports it. */
    public static String fieldKeyId(String base64) {
        return FieldKeyRing.id(Base64.getDecoder().decode(base64.strip()));
    }

    private static List<byte[]> previousFieldKeys(String configured) {
        List<byte[]> keys = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            return keys;
        }
        String[] entries = configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int position = i + 1;
            configuredKeyDefect(entry, FIELD_KEY_BYTES).ifPresent(defect -> {
                throw new IllegalStateException("key " + position + " of ZHENGWU_FIELD_KEY_PREVIOUS must be "
                        + FIELD_KEY_BYTES + " bytes in base64: " + defect);
            });
            keys.add(Base64.getDecoder().decode(entry));
        }
        return keys;
    }

    /** A keyed, deterministic fingerprint of a value, to look it up without storing it in clear (hex). */
    public String blindIndex(String value, String context) {
        return HexFormat.of()
                .formatHex(Sm3.hmac(indexKey, (context + "\u0000" + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code generated} is the new key to keep when none exists yet; null: random bytes. */
    private static byte[] key(String configured, String setting, Path file, int length, byte[] generated) {
        if (configured != null && !configured.isBlank()) {
            configuredKeyDefect(configured, length).ifPresent(defect -> {
                throw new IllegalStateException("the key configured in " + setting + " (for " + file.getFileName()
                        + ") must be " + length + " bytes in base64: " + defect);
            });
            return Base64.getDecoder().decode(configured.strip());
        }
        try {
            if (Files.exists(file)) {
                return read(file, length);
            }
            Path target = file.toAbsolutePath();
            OwnerOnlyFiles.createDirectory(target.getParent());
            byte[] key = generated;
            if (key == null) {
                key = new byte[length];
                new SecureRandom().nextBytes(key);
            }
            if (!OwnerOnlyFiles.writeOnce(target, Base64.getEncoder().encodeToString(key))) {
                // Another node or process sharing the directory generated it first: use theirs.
                return read(file, length);
            }
            log.warn(
                    "Generated a new key in {}. Back it up with the database: without it, encrypted fields cannot be read.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file, int length) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
        if (key.length != length) {
            throw new IllegalStateException(file + " does not hold a " + length + "-byte key");
        }
        return key;
    }
}
