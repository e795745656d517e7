package org.zhengwu.catalog.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.files.FileKind;

/**
 * Keeps the files guides link to. A file is accepted only when its content is of an allowed kind matching its
 * extension (recognised by the platform's one recogniser, {@link FileKind}) and it is at most {@link #MAX_BYTES}; it
 * is stored under the SHA-256 of its content. Guides offer more kinds than people may upload (DOCX and XLSX blank
 * forms), and a guide's own small files stay in the catalogue's table, so this is not {@code shared.files.Uploads}.
 */
@Service
public class AttachmentStore {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_NAME = 200;

    /** A stored file. */
    public record Attachment(String id, String fileName, String mediaType, byte[] content) {}

    /** Why a file was refused: a message key and its values. */
    public static final class RejectedFileException extends RuntimeException {
        private final String messageKey;
        private final Object[] arguments;

        RejectedFileException(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    private final JdbcClient jdbc;
    private final AccountabilityLog audit;

    AttachmentStore(JdbcClient jdbc, AccountabilityLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Checks and stores a file; returns its id. Storing the same content twice returns the same id. */
    @Transactional
    public String store(String fileName, byte[] content, String actor) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (content.length == 0) {
            throw new RejectedFileException("attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RejectedFileException("attachment.too-large", MAX_BYTES / 1024 / 1024);
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new RejectedFileException("attachment.bad-name", MAX_NAME);
        }
        FileKind kind =
                FileKind.byExtension(name).orElseThrow(() -> new RejectedFileException("attachment.kind-not-allowed"));
        if (!kind.matches(content)) {
            throw new RejectedFileException("attachment.content-mismatch", name);
        }
        String id = sha256(content);
        boolean exists = jdbc.sql("SELECT count(*) FROM catalog_attachment WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            jdbc.sql("""
                            INSERT INTO catalog_attachment (id, file_name, media_type, size_bytes, content, created_by)
                            VALUES (:id, :name, :type, :size, :content, :by)""")
                    .param("id", id)
                    .param("name", name)
                    .param("type", kind.mediaType())
                    .param("size", content.length)
                    .param("content", content)
                    .param("by", actor)
                    .update();
            audit.record(AuditEvent.success(actor, "catalog.attachment.upload", "attachment", id)
                    .withDetails(name));
        }
        return id;
    }

    public Optional<Attachment> find(String id) {
        return jdbc.sql("SELECT id, file_name, media_type, content FROM catalog_attachment WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Attachment(
                        rs.getString("id").strip(),
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getBytes("content")))
                .optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM catalog_attachment WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
