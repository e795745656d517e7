package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.util.unit.DataSize;
import org.zhengwu.support.ZhengwuTest;

/** The running platform's store and checks, as configured: the local store, the limit shared with the container. */
@ZhengwuTest
class FilesConfigurationTests {

    @Autowired
    FileStore store;

    @Autowired
    Uploads uploads;

    @Autowired
    MultipartProperties multipart;

    @Test
    void theLocalStoreKeepsUploadsUnderTheConfiguredDirectory() throws IOException {
        assertThat(store).isInstanceOf(LocalFileStore.class);
        assertThat(((LocalFileStore) store).root())
                .isEqualTo(Path.of("target/test-files").toAbsolutePath());
        StoredUpload stored = uploads.store("户口簿.png", new ByteArrayInputStream(SampleFiles.PNG));
        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(SampleFiles.PNG);
        }
        store.delete(stored.key());
    }

    @Test
    void theUploadLimitIsTheContainersLimitPerFile() {
        assertThat(uploads.check().limitBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(multipart.getMaxFileSize().toBytes())
                .isEqualTo(uploads.check().limitBytes());
    }

    @Test
    void aStoreOrLimitThatCannotWorkStopsTheStart() {
        FilesConfiguration configuration = new FilesConfiguration();
        FilesProperties s3WithoutKeys = new FilesProperties(
                FilesProperties.Store.S3,
                null,
                DataSize.ofMegabytes(20),
                new FilesProperties.S3("http://127.0.0.1:9000", "materials", "us-east-1", null, " ", true),
                Duration.ofDays(7),
                new FilesProperties.Scan("", 3310, Duration.ofSeconds(30)));
        assertThatIllegalStateException()
                .isThrownBy(() -> configuration.fileStore(s3WithoutKeys))
                .withMessage("zhengwu.files.store is s3, but ZHENGWU_FILES_S3_ACCESS_KEY, ZHENGWU_FILES_S3_SECRET_KEY"
                        + " (zhengwu.files.s3.*) are not set");
        MultipartProperties smallRequests = new MultipartProperties();
        smallRequests.setMaxRequestSize(DataSize.ofMegabytes(10));
        FilesProperties large = new FilesProperties(
                FilesProperties.Store.LOCAL,
                null,
                DataSize.ofMegabytes(20),
                s3WithoutKeys.s3(),
                Duration.ofDays(7),
                s3WithoutKeys.scan());
        assertThatIllegalStateException()
                .isThrownBy(() -> configuration.uploadCheck(large, provider(smallRequests)))
                .withMessageContaining("spring.servlet.multipart.max-request-size");
    }

    private static ObjectProvider<MultipartProperties> provider(MultipartProperties properties) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("multipart", properties);
        return beans.getBeanProvider(MultipartProperties.class);
    }
}
