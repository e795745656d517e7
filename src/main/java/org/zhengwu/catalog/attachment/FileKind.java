package org.zhengwu.catalog.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a guide may offer for download, each recognised by its content, not its name: a file whose
 * bytes do not match the kind its extension claims is refused (an executable renamed to .pdf, HTML renamed .docx).
 */
enum FileKind {
    PDF("application/pdf", "pdf"),
    OFD("application/ofd", "ofd"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png");

    private static final int MAX_ZIP_ENTRIES = 2000;

    private final String mediaType;
    private final Set<String> extensions;

    FileKind(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = Set.of(extensions);
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<FileKind> byExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.extensions.contains(extension))
                .findFirst();
    }

    /** Whether the bytes really are a file of this kind. */
    boolean matches(byte[] content) {
        return switch (this) {
            case PDF -> startsWith(content, "%PDF-".getBytes());
            case PNG -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case JPEG -> startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case OFD -> zipHas(content, "OFD.xml");
            case DOCX -> zipHas(content, "[Content_Types].xml", "word/document.xml");
            case XLSX -> zipHas(content, "[Content_Types].xml", "xl/workbook.xml");
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean zipHas(byte[] content, String... entries) {
        if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        Set<String> wanted = new HashSet<>(Arrays.asList(entries));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                wanted.remove(entry.getName());
                if (wanted.isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
