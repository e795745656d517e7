package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 store over real HTTP against {@link FakeS3}, which checks every signature from what arrived. The same store
 * against a real service: {@link S3FileStoreIntegrationTests}.
 */
class S3FileStoreTests {

    private FakeS3 s3;

    @BeforeEach
    void start() throws IOException {
        s3 = new FakeS3();
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void storesReadsAndDeletesWithTheSm3OfTheContent() throws IOException {
        S3FileStore store = new S3FileStore(s3.settings(FakeS3.SECRET_KEY), Clock.systemUTC());
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored.sm3()).isEqualTo(LocalFileStoreTests.SM3_ABC);
        assertThat(stored.size()).isEqualTo(3);
        assertThat(s3.objects).containsOnlyKeys(stored.key());
        assertThat(s3.requests).containsExactly("PUT /" + FakeS3.BUCKET + "/" + stored.key());
        assertThat(store.exists(stored.key())).isTrue();
        assertThat(FakeS3.read(store.open(stored.key()))).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        store.delete(stored.key());
        assertThat(s3.objects).isEmpty();
        assertThat(store.exists(stored.key())).isFalse();
        assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(NoSuchStoredFileException.class);
        store.delete(stored.key());
    }

    @Test
    void aKeyTheServiceDoesNotKnowIsRefusedWithItsErrorCode() {
        S3FileStore store = new S3FileStore(s3.settings("not-the-secret"), Clock.systemUTC());
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("403 SignatureDoesNotMatch")
                .hasMessageNotContaining("not-the-secret");
        assertThat(s3.objects).isEmpty();
    }

    @Test
    void refusesAnythingButAKeyBeforeSendingARequest() {
        S3FileStore store = new S3FileStore(s3.settings(FakeS3.SECRET_KEY), Clock.systemUTC());
        for (String attempt : new String[] {"../other-bucket/x", "%2e%2e", "0123456789abcdef0123456789abcdeF", ""}) {
            assertThatIllegalArgumentException().isThrownBy(() -> store.open(attempt));
            assertThatIllegalArgumentException().isThrownBy(() -> store.exists(attempt));
            assertThatIllegalArgumentException().isThrownBy(() -> store.delete(attempt));
        }
        assertThat(s3.requests).isEmpty();
    }

    @Test
    void addressesTheBucketInThePathOrInTheHostName() {
        String key = "0123456789abcdef0123456789abcdef";
        FilesProperties.S3 minio =
                new FilesProperties.S3("http://127.0.0.1:9000/", "materials", "us-east-1", "a", "s", true);
        assertThat(new S3FileStore(minio, Clock.systemUTC()).objectUri(key))
                .hasToString("http://127.0.0.1:9000/materials/" + key);
        FilesProperties.S3 oss = new FilesProperties.S3(
                "https://oss-cn-hangzhou.aliyuncs.com:443", "zhengwu-files", "cn-hangzhou", "a", "s", false);
        assertThat(new S3FileStore(oss, Clock.systemUTC()).objectUri(key))
                .as("the default port is left out, as the Host header leaves it out")
                .hasToString("https://zhengwu-files.oss-cn-hangzhou.aliyuncs.com/" + key);
    }

    @Test
    void anEndpointIsAnAddressAlone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> S3FileStore.endpoint("obs.cn-north-4.myhuaweicloud.com"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> S3FileStore.endpoint("https://minio.example.gov.cn/materials"))
                .withMessageContaining("without a path");
        assertThat(S3FileStore.endpoint(" HTTP://Minio:80 ")).hasToString("http://Minio");
    }
}
