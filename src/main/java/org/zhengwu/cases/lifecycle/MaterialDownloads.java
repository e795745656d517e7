package org.zhengwu.cases.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengwu.shared.files.FileKind;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.web.NotFoundException;

/**
 * A case's material file as a download: always an attachment with its recognised type and {@code nosniff}, never
 * rendered inline. The caller has checked that the case is the reader's (applicant) or within reach (staff); the file
 * is looked up within that case, so a material id of another case is a 404.
 */
public final class MaterialDownloads {

    private MaterialDownloads() {}

    public static ResponseEntity<InputStreamResource> download(
            CaseRecords records, FileStore store, long caseId, long materialId) throws IOException {
        CaseMaterial m = records.materials(caseId).stream()
                .filter(x -> x.id() == materialId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("cases.material.not-found"));
        FileKind kind = FileKind.valueOf(m.fileKind());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(kind.mediaType()))
                .contentLength(m.sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(m.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(store.open(m.fileKey())));
    }
}
