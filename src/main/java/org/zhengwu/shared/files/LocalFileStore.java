package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;

/**
 * Files in a directory of the local file system ({@code zhengwu.files.directory}, by default
 * {@code $ZHENGWU_DATA_DIR/files}), each under {@code ab/cd/abcd…} for its key {@code abcd…}. A file is written to
 * {@code tmp/} first, flushed to disk and then renamed under its key in one step, so a crash leaves at most a
 * temporary file, never part of a file under a key; temporary files older than a day (a crashed writer's — another
 * node sharing the directory may be writing the newer ones) are removed at start. Directories and files are readable
 * by the owner only, where the file system has POSIX permissions.
 *
 * <p>A deleted file is moved to {@code deleted/<key>} and removed for good only once it has been there for
 * {@code zhengwu.files.keep-deleted} (7 days): a backup of the store taken meanwhile ({@code ops/backup.sh files})
 * still gets it, so that a database restored to a time before the deletion finds the file its row names
 * (docs/DEPLOYMENT.md, backup and restore). The purge runs at start and, at most once an hour, after a deletion.
 */
final class LocalFileStore implements FileStore {

    static final String TEMPORARY = "tmp";
    static final Duration STALE_TEMPORARY = Duration.ofDays(1);
    static final String DELETED = "deleted";
    static final Duration KEEP_DELETED = Duration.ofDays(7);
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(LocalFileStore.class);

    private final Path root;
    private final Path temporary;
    private final Path deleted;
    private final Clock clock;
    private final Duration keepDeleted;
    private Instant nextPurge;

    LocalFileStore(Path root) {
        this(root, Clock.systemUTC(), KEEP_DELETED);
    }

    LocalFileStore(Path root, Clock clock) {
        this(root, clock, KEEP_DELETED);
    }

    LocalFileStore(Path root, Clock clock, Duration keepDeleted) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve(TEMPORARY);
        this.deleted = this.root.resolve(DELETED);
        this.clock = clock;
        this.keepDeleted = keepDeleted;
        try {
            OwnerOnlyFiles.createDirectory(this.root);
            OwnerOnlyFiles.createDirectory(temporary);
            OwnerOnlyFiles.createDirectory(deleted);
            removeStaleTemporaries(clock);
            purgeDeleted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + this.root + " for files (zhengwu.files.directory)", e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public StoredFile store(InputStream content) throws IOException {
        Path temp = OwnerOnlyFiles.posix(temporary)
                ? Files.createTempFile(
                        temporary, "upload-", ".part", PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE))
                : Files.createTempFile(temporary, "upload-", ".part");
        try {
            Checksums sums;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                sums = Checksums.copy(content, out, false);
                channel.force(true);
            }
            String key;
            Path target;
            do {
                key = StoredFileKeys.next();
                target = path(key);
            } while (Files.exists(target));
            createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            return new StoredFile(key, sums.size(), sums.sm3Hex());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchStoredFileException(key);
        }
    }

    /** Moves the file out of reach, into {@code deleted/}, where a backup still finds it for a while (see above). */
    @Override
    public void delete(String key) throws IOException {
        Path file = path(key);
        if (keepDeleted.isZero() || keepDeleted.isNegative()) {
            Files.deleteIfExists(file);
            return;
        }
        Path kept = deleted.resolve(key);
        try {
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // none under the key (or another node deleted it meanwhile)
        }
        // How long it is kept counts from now, not from when it was stored.
        Files.setLastModifiedTime(kept, FileTime.from(clock.instant()));
        forceDirectory(deleted);
        forceDirectory(file.getParent());
        purgeDeletedWhenDue();
    }

    private synchronized void purgeDeletedWhenDue() throws IOException {
        if (nextPurge == null || !clock.instant().isBefore(nextPurge)) {
            purgeDeleted();
        }
    }

    /** Removes for good the deleted files kept longer than {@code keepDeleted}. */
    synchronized int purgeDeleted() throws IOException {
        Instant now = clock.instant();
        nextPurge = now.plus(PURGE_EVERY);
        FileTime before = FileTime.from(now.minus(keepDeleted));
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(deleted)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("Removed for good {} file(s) deleted more than {} ago from {}", removed, keepDeleted, deleted);
        }
        return removed;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    /** The file's place: only ever made from a key, which holds nothing but hexadecimal digits. */
    Path path(String key) {
        StoredFileKeys.checked(key);
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            OwnerOnlyFiles.createDirectory(dir.getParent());
            OwnerOnlyFiles.createDirectory(dir);
        }
    }

    /** Makes the rename durable: without it a power failure may lose a file whose key is already in the database. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system lets a directory be opened (Windows); its rename is then as durable as it gets.
        }
    }

    private void removeStaleTemporaries(Clock clock) throws IOException {
        FileTime before = FileTime.from(clock.instant().minus(STALE_TEMPORARY));
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("Removed {} unfinished file(s) left in {} by an interrupted upload", removed, temporary);
        }
    }
}
