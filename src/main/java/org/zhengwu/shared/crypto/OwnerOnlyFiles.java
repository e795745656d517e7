package org.zhengwu.shared.crypto;

import java.io.IOException;
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
import java.util.Set;

/**
 * Secrets on disk (generated keys, the embedded database's password): written whole, flushed, readable by the
 * owner only from the first byte, where the file system has POSIX permissions.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {}

    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Whether others than the owner may read the file (its group or everyone), where the file system says; a key
     * handed to the platform in such a file is a key others hold too.
     */
    public static boolean readableByOthers(Path file) {
        if (!posix(file)) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates a directory readable by the owner only; one that exists already is left as its owner set it. */
    public static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process starting at the same time
        }
    }

    /**
     * Writes the content to a temporary file that is owner-only from the start, flushes it to disk and then gives it
     * its name in one step, so that a crash never leaves a partial file and no other user can ever read it. Returns
     * false when the file appeared meanwhile; it is never replaced.
     */
    public static boolean writeOnce(Path file, String content) throws IOException {
        Path temp = flushedTemporary(file, content);
        try {
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

    /** Replaces the file's content in one step (owner-only, flushed): readers see the old or the new, never a mix. */
    public static void replace(Path file, String content) throws IOException {
        Path temp = flushedTemporary(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path flushedTemporary(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        Path temp = posix(dir)
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, prefix, ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
