package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;
import org.zhengwu.shared.crypto.Sm3;

/** The local store on a real file system, in a temporary directory. */
class LocalFileStoreTests {

    /** SM3("abc"), GB/T 32905-2016 appendix A.1. */
    static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesWithTheSm3OfTheContent() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored.size()).isEqualTo(3);
        assertThat(stored.sm3()).isEqualTo(SM3_ABC);
        assertThat(store.exists(stored.key())).isTrue();
        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        }
        store.delete(stored.key());
        assertThat(store.exists(stored.key())).isFalse();
        assertThatThrownBy(() -> store.open(stored.key()))
                .isInstanceOf(NoSuchStoredFileException.class)
                .extracting(e -> ((NoSuchStoredFileException) e).key())
                .isEqualTo(stored.key());
        store.delete(stored.key()); // again: nothing to do
    }

    @Test
    void aDeletedFileIsKeptOutOfReachForABackupUntilItsTimeIsUp() throws IOException {
        Instant deletedAt = Instant.now();
        LocalFileStore store = new LocalFileStore(root, Clock.fixed(deletedAt, ZoneOffset.UTC), Duration.ofDays(7));
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        store.delete(stored.key());
        Path kept = root.resolve(LocalFileStore.DELETED).resolve(stored.key());
        assertThat(store.exists(stored.key())).isFalse();
        assertThat(kept).as("where ops/backup.sh files still finds it").hasContent("abc");

        new LocalFileStore(root, Clock.fixed(deletedAt.plus(Duration.ofDays(6)), ZoneOffset.UTC), Duration.ofDays(7));
        assertThat(kept).as("six days after its deletion").exists();
        new LocalFileStore(root, Clock.fixed(deletedAt.plus(Duration.ofDays(8)), ZoneOffset.UTC), Duration.ofDays(7));
        assertThat(kept).as("eight days after: gone for good").doesNotExist();

        StoredFile now = store.store(new ByteArrayInputStream("xyz".getBytes(StandardCharsets.US_ASCII)));
        new LocalFileStore(root, Clock.systemUTC(), Duration.ZERO).delete(now.key());
        assertThat(root.resolve(LocalFileStore.DELETED).resolve(now.key()))
                .as("keep-deleted 0: removed at once")
                .doesNotExist();
        assertThat(store.exists(now.key())).isFalse();
    }

    @Test
    void keepsAFileOfSeveralBuffersIntact() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        byte[] content = new byte[1_000_003];
        new Random(7).nextBytes(content);
        StoredFile stored = store.store(new ByteArrayInputStream(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sm3()).isEqualTo(HexFormat.of().formatHex(Sm3.hash(content)));
        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void keysAreRandomAndSayNothingOfTheContent() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            keys.add(store.store(new ByteArrayInputStream("same content".getBytes()))
                    .key());
        }
        assertThat(keys).hasSize(200).allMatch(FileStore::isKey);
        // 128 random bits: every hexadecimal digit turns up at every position, in about equal numbers.
        for (int position = 0; position < 32; position++) {
            Set<Character> digits = new HashSet<>();
            for (String key : keys) {
                digits.add(key.charAt(position));
            }
            assertThat(digits).as("digits seen at %d", position).hasSizeGreaterThan(12);
        }
    }

    @Test
    void onlyTheOwnerMayReadTheFiles() throws IOException {
        LocalFileStore store = new LocalFileStore(root.resolve("files"));
        StoredFile stored = store.store(new ByteArrayInputStream("secret".getBytes()));
        Path file = store.path(stored.key());
        if (OwnerOnlyFiles.posix(file)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            for (Path dir :
                    List.of(store.root(), file.getParent(), file.getParent().getParent())) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                        .as(dir.toString())
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void refusesAnythingButAKeyBeforeTouchingTheFileSystem() throws IOException {
        LocalFileStore store = new LocalFileStore(root.resolve("files"));
        Path outside = Files.writeString(root.resolve("outside.txt"), "not the store's");
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes()));
        for (String attempt : new String[] {
            "../outside.txt",
            "../../outside.txt",
            "/etc/passwd",
            stored.key().substring(0, 2) + "/" + stored.key().substring(2, 4) + "/" + stored.key(),
            stored.key().toUpperCase(),
            stored.key() + "/..",
            stored.key() + "\u0000",
            "..",
            "",
            null
        }) {
            assertThatIllegalArgumentException().as(attempt).isThrownBy(() -> store.open(attempt));
            assertThatIllegalArgumentException().as(attempt).isThrownBy(() -> store.exists(attempt));
            assertThatIllegalArgumentException().as(attempt).isThrownBy(() -> store.delete(attempt));
        }
        assertThat(outside).exists();
        assertThat(store.exists(stored.key())).isTrue();
    }

    @Test
    void aFailedWriteLeavesNothing() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(new byte[200_000])) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 100_000) {
                    throw new IOException("connection reset by the browser");
                }
                int read = super.read(b, off, len);
                served += Math.max(read, 0);
                return read;
            }
        };
        assertThatThrownBy(() -> store.store(failing)).hasMessage("connection reset by the browser");
        assertThat(regularFiles(root)).isEmpty();
    }

    @Test
    void aCrashWhileWritingLeavesNoFileUnderAKeyAndItsRemainsGoAtTheNextStart() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        InterruptedWriter.class.getName(),
                        root.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path temporary = root.resolve(LocalFileStore.TEMPORARY);
        try {
            // Halfway through its file, the writer is killed; it must still be writing then.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        assertThat(writer.isAlive()).as("the writer is writing").isTrue();
                        return largestFile(temporary) >= 8 * 1024 * 1024;
                    });
        } finally {
            writer.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        List<Path> left = regularFiles(root);
        assertThat(left).as("only the unfinished temporary file").hasSize(1).allMatch(p -> p.startsWith(temporary));
        Path unfinished = left.get(0);

        Path recent = Files.writeString(temporary.resolve("upload-recent.part"), "another node, still writing");
        Files.setLastModifiedTime(unfinished, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        new LocalFileStore(root);
        assertThat(unfinished).as("a day old: its writer is gone").doesNotExist();
        assertThat(recent)
                .as("recent: may be another node's upload in progress")
                .exists();
    }

    private static long largestFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).max().orElse(0);
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
