package org.zhengwu.shared.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files are kept and how large an upload may be ({@code zhengwu.files.*}).
 *
 * @param store {@code local} (the default) or {@code s3} ({@code ZHENGWU_FILES_STORE})
 * @param directory the local store's directory ({@code ZHENGWU_FILES_DIRECTORY}, by default
 *     {@code $ZHENGWU_DATA_DIR/files})
 * @param uploadLimit the largest file a person may upload ({@code ZHENGWU_FILES_UPLOAD_LIMIT}); the servlet
 *     container's limit per file ({@code spring.servlet.multipart.max-file-size}) is this setting
 * @param s3 the object storage, when {@code store} is {@code s3}
 * @param keepDeleted how long the local store keeps a deleted file in its {@code deleted/} directory before removing
 *     it for good ({@code ZHENGWU_FILES_KEEP_DELETED}, 7 days; 0 removes at once): longer than the interval between
 *     two backups of the store, so that every file a restored database names is in a backup
 * @param scan the virus scanner every upload is sent to, when one is configured
 */
@ConfigurationProperties("zhengwu.files")
record FilesProperties(
        @DefaultValue("local") Store store,
        Path directory,
        DataSize uploadLimit,
        @DefaultValue S3 s3,
        @DefaultValue("7d") Duration keepDeleted,
        @DefaultValue Scan scan) {

    /**
     * @param clamdHost the ClamAV daemon's host ({@code ZHENGWU_FILES_SCAN_CLAMD_HOST}); empty: no virus scanner (the
     *     platform's own check of active content in PDFs runs anyway)
     * @param clamdPort its TCP port ({@code ZHENGWU_FILES_SCAN_CLAMD_PORT})
     * @param timeout how long to wait for its answer ({@code ZHENGWU_FILES_SCAN_TIMEOUT}); no answer refuses the upload
     */
    record Scan(
            @DefaultValue("") String clamdHost,
            @DefaultValue("3310") int clamdPort,
            @DefaultValue("30s") Duration timeout) {}

    enum Store {
        LOCAL,
        S3
    }

    /**
     * @param endpoint the service's address ({@code ZHENGWU_FILES_S3_ENDPOINT}), e.g.
     *     {@code https://obs.cn-north-4.myhuaweicloud.com} or {@code http://127.0.0.1:9000} (MinIO)
     * @param bucket the bucket, which must exist ({@code ZHENGWU_FILES_S3_BUCKET})
     * @param region the region requests are signed for ({@code ZHENGWU_FILES_S3_REGION}; MinIO: us-east-1)
     * @param accessKey the access key id ({@code ZHENGWU_FILES_S3_ACCESS_KEY})
     * @param secretKey the secret access key ({@code ZHENGWU_FILES_S3_SECRET_KEY}), from the key store
     * @param pathStyle the bucket in the path ({@code endpoint/bucket/key}, MinIO's way) rather than in the host name
     *     ({@code bucket.endpoint/key}, which 阿里云 OSS requires) ({@code ZHENGWU_FILES_S3_PATH_STYLE})
     */
    record S3(
            String endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle) {

        /** What is missing for the store to work, named by the variables that set it; empty when nothing is. */
        List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (blank(endpoint)) {
                missing.add("ZHENGWU_FILES_S3_ENDPOINT");
            }
            if (blank(bucket)) {
                missing.add("ZHENGWU_FILES_S3_BUCKET");
            }
            if (blank(accessKey)) {
                missing.add("ZHENGWU_FILES_S3_ACCESS_KEY");
            }
            if (blank(secretKey)) {
                missing.add("ZHENGWU_FILES_S3_SECRET_KEY");
            }
            return missing;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle
                    + "]";
        }
    }
}
