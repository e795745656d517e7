package org.zhengwu.licence.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.files.FileStore;

/** A licence's OFD file as a download: named after the licence, never shown inline. */
@Component
public class LicenceFiles {

    public static final MediaType OFD = MediaType.parseMediaType("application/ofd");

    private final FileStore files;

    LicenceFiles(FileStore files) {
        this.files = files;
    }

    public ResponseEntity<InputStreamResource> download(LicenceRow l) throws IOException {
        return ResponseEntity.ok()
                .contentType(OFD)
                .contentLength(l.fileSize())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        l.name() + "-" + l.number() + "-" + l.version() + ".ofd",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(files.open(l.fileKey())));
    }

    public byte[] read(LicenceRow l) throws IOException {
        try (var in = files.open(l.fileKey())) {
            return in.readAllBytes();
        }
    }
}
