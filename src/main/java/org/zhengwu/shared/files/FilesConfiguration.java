package org.zhengwu.shared.files;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The file store the configuration chooses, and the upload checks with their limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

    @Bean
    FileStore fileStore(FilesProperties properties) {
        if (properties.store() == FilesProperties.Store.S3) {
            FilesProperties.S3 s3 = properties.s3();
            if (!s3.missing().isEmpty()) {
                throw new IllegalStateException("zhengwu.files.store is s3, but " + String.join(", ", s3.missing())
                        + " (zhengwu.files.s3.*) " + (s3.missing().size() == 1 ? "is" : "are") + " not set");
            }
            log.info("Files are kept in S3-compatible object storage: {}", s3);
            return new S3FileStore(s3, Clock.systemUTC());
        }
        if (properties.directory() == null) {
            throw new IllegalStateException(
                    "zhengwu.files.directory (ZHENGWU_FILES_DIRECTORY) is not set: where the local file store keeps"
                            + " files");
        }
        LocalFileStore store = new LocalFileStore(properties.directory(), Clock.systemUTC(), properties.keepDeleted());
        log.info("Files are kept in {}", store.root());
        return store;
    }

    /**
     * The container's limits are what a request meets first: a request limit below the upload limit would refuse, with
     * a vaguer message, files the upload limit allows.
     */
    @Bean
    UploadCheck uploadCheck(FilesProperties properties, ObjectProvider<MultipartProperties> multipart) {
        DataSize limit = properties.uploadLimit();
        MultipartProperties container = multipart.getIfAvailable();
        DataSize request = container == null ? null : container.getMaxRequestSize();
        if (limit != null && request != null && request.toBytes() >= 0 && request.compareTo(limit) < 0) {
            throw new IllegalStateException("zhengwu.files.upload-limit (" + limit + ") is more than a whole request"
                    + " may carry (spring.servlet.multipart.max-request-size, " + request + "): raise that too");
        }
        return new UploadCheck(limit);
    }

    @Bean
    Uploads uploads(UploadCheck check, FileStore store, FilesProperties properties, ObjectProvider<UploadScanner> own) {
        List<UploadScanner> scanners = new ArrayList<>();
        scanners.add(new ActiveContentScanner());
        FilesProperties.Scan scan = properties.scan();
        if (!scan.clamdHost().isBlank()) {
            scanners.add(new ClamdScanner(scan.clamdHost(), scan.clamdPort(), scan.timeout()));
        }
        own.orderedStream().forEach(scanners::add);
        log.info("Uploads are scanned by {}", scanners);
        return new Uploads(check, store, scanners);
    }
}
