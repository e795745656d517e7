package org.zhengwu.catalog.attachment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhengwu.shared.web.NotFoundException;

/** Downloads of guide attachments: always as a download, never rendered inline, cached for good (content never changes). */
@Controller
class AttachmentController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private final AttachmentStore store;

    AttachmentController(AttachmentStore store) {
        this.store = store;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("attachment.not-found");
        }
        AttachmentStore.Attachment attachment =
                store.find(id).orElseThrow(() -> new NotFoundException("attachment.not-found"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(attachment.content());
    }
}
