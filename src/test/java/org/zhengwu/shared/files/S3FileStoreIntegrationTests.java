package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The S3 store against a real S3-compatible service, given by {@code ZHENGWU_TEST_S3_ENDPOINT},
 * {@code ZHENGWU_TEST_S3_BUCKET} (which must exist), {@code ZHENGWU_TEST_S3_ACCESS_KEY},
 * {@code ZHENGWU_TEST_S3_SECRET_KEY} and optionally {@code ZHENGWU_TEST_S3_REGION} (us-east-1) and
 * {@code ZHENGWU_TEST_S3_PATH_STYLE} (true). Skipped, with that reason in the report, where none is given: no such
 * service runs on the build machines.
 */
@EnabledIfEnvironmentVariable(
        named = "ZHENGWU_TEST_S3_ENDPOINT",
        matches = ".+",
        disabledReason = "no S3-compatible service given: set ZHENGWU_TEST_S3_ENDPOINT, _BUCKET, _ACCESS_KEY and"
                + " _SECRET_KEY (e.g. a local MinIO) to run it")
class S3FileStoreIntegrationTests {

    private final S3FileStore store = new S3FileStore(
            new FilesProperties.S3(
                    System.getenv("ZHENGWU_TEST_S3_ENDPOINT"),
                    System.getenv("ZHENGWU_TEST_S3_BUCKET"),
                    System.getenv().getOrDefault("ZHENGWU_TEST_S3_REGION", "us-east-1"),
                    System.getenv("ZHENGWU_TEST_S3_ACCESS_KEY"),
                    System.getenv("ZHENGWU_TEST_S3_SECRET_KEY"),
                    Boolean.parseBoolean(System.getenv().getOrDefault("ZHENGWU_TEST_S3_PATH_STYLE", "true"))),
            Clock.systemUTC());

    @Test
    void storesReadsAndDeletes() throws IOException {
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        try {
            assertThat(stored.sm3()).isEqualTo(LocalFileStoreTests.SM3_ABC);
            assertThat(store.exists(stored.key())).isTrue();
            assertThat(FakeS3.read(store.open(stored.key()))).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        } finally {
            store.delete(stored.key());
        }
        assertThat(store.exists(stored.key())).isFalse();
        assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(NoSuchStoredFileException.class);
    }

    @Test
    void keepsAFileOfSeveralMegabytesIntact() throws IOException {
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new Random(11).nextBytes(content);
        StoredFile stored = store.store(new ByteArrayInputStream(content));
        try {
            assertThat(FakeS3.read(store.open(stored.key()))).isEqualTo(content);
        } finally {
            store.delete(stored.key());
        }
    }
}
