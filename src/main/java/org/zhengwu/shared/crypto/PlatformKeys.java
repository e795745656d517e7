package org.zhengwu.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
 * database. Otherwise they are generated at first start into {@code zhengwu.crypto.key-dir} (an owner-only directory
 * of owner-only files, where the file system has POSIX permissions) and read from there afterwards. No key is ever in the repository.
 */
@Component
public class PlatformKeys {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Sm4Gcm fieldCipher;
    private final byte[] indexKey;

    PlatformKeys(
            @Value("${zhengwu.crypto.field-key:}") String fieldKey,
            @Value("${zhengwu.crypto.index-key:}") String indexKey,
            @Value("${zhengwu.crypto.key-dir:./data/keys}") String keyDir) {
        this.fieldCipher = new Sm4Gcm(key(fieldKey, Path.of(keyDir, "field.key"), Sm4Gcm.KEY_LENGTH));
        this.indexKey = key(indexKey, Path.of(keyDir, "index.key"), Sm3.LENGTH);
    }

    /** Encrypts a personal field; {@code context} names what it is (e.g. "identity_account.id_number"). */
    public byte[] encrypt(String value, String context) {
        return fieldCipher.encrypt(value.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] sealed, String context) {
        return new String(
                fieldCipher.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** A keyed, deterministic fingerprint of a value, to look it up without storing it in clear (hex). */
    public String blindIndex(String value, String context) {
        return HexFormat.of()
                .formatHex(Sm3.hmac(indexKey, (context + "\u0000" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] key(String configured, Path file, int length) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != length) {
                throw new IllegalStateException(
                        "configured key for " + file.getFileName() + " must have " + length + " bytes");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                return read(file, length);
            }
            Path target = file.toAbsolutePath();
            createOwnerOnlyDirectory(target.getParent());
            byte[] key = new byte[length];
            new SecureRandom().nextBytes(key);
            if (!writeOnce(target, Base64.getEncoder().encodeToString(key))) {
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

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the key directory readable by the owner only; one that exists already is left as its owner set it. */
    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process starting at the same time
        }
    }

    /**
     * Writes the key to a temporary file that is owner-only from the start, flushes it to disk and then gives it its
     * name in one step, so that a crash never leaves a partial key and no other user can ever read it. Returns false
     * when a key file appeared meanwhile; it is never replaced.
     */
    private static boolean writeOnce(Path file, String content) throws IOException {
        Path dir = file.getParent();
        String prefix = file.getFileName() + ".";
        Path temp = posix(dir)
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                // A hard link is atomic and, unlike a rename, refuses to replace an existing file.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
