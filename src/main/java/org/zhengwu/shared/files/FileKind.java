package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file the platform takes in, each recognised by its content, never by its name or a declared content
 * type: PDF, PNG and JPEG by their signatures, OFD (GB/T 33190), DOCX and XLSX as ZIP files holding the entries that
 * make them what they are (read by {@link ZipDirectory}, without decompressing anything). A file whose bytes are not
 * what its extension claims is another kind renamed.
 */
public enum FileKind {
    PDF("PDF", "application/pdf", "pdf"),
    OFD("OFD", "application/ofd", "ofd"),
    DOCX("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("JPG", "image/jpeg", "jpg", "jpeg"),
    PNG("PNG", "image/png", "png");

    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final int SIGNATURE_BYTES = 8;

    private final String label;
    private final String mediaType;
    private final Set<String> extensions;

    FileKind(String label, String mediaType, String... extensions) {
        this.label = label;
        this.mediaType = mediaType;
        this.extensions = Set.of(extensions);
    }

    /** How people name the kind ("JPG"), the same in every language. */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a file of this kind is given ("jpg"). */
    public String extension() {
        return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
    }

    /** The kind a file name's extension claims (case-insensitive); empty for none or another one. */
    public static Optional<FileKind> byExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.extensions.contains(extension))
                .findFirst();
    }

    /** Whether the bytes really are a file of this kind. */
    public boolean matches(byte[] content) {
        try {
            return matches(ByteSource.of(content), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the bytes are, of the kinds known here; empty when none. */
    public static Optional<FileKind> recognise(byte[] content) {
        try {
            return recognise(ByteSource.of(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the file is, of the kinds known here; empty when none. */
    public static Optional<FileKind> recognise(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return recognise(ByteSource.of(channel));
        }
    }

    static Optional<FileKind> recognise(ByteSource source) throws IOException {
        Optional<ZipDirectory> zip = ZipDirectory.read(source);
        for (FileKind kind : List.of(PDF, PNG, JPEG, OFD, DOCX, XLSX)) {
            if (kind.matches(source, zip.orElse(null))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** @param zip the file's ZIP directory when it was read already, else null */
    private boolean matches(ByteSource source, ZipDirectory zip) throws IOException {
        return switch (this) {
            case PDF -> startsWith(source, PDF_SIGNATURE);
            case PNG -> startsWith(source, PNG_SIGNATURE);
            case JPEG -> startsWith(source, JPEG_SIGNATURE);
            case OFD -> zipHas(source, zip, "OFD.xml");
            case DOCX -> zipHas(source, zip, "[Content_Types].xml", "word/document.xml");
            case XLSX -> zipHas(source, zip, "[Content_Types].xml", "xl/workbook.xml");
        };
    }

    private static boolean startsWith(ByteSource source, byte[] signature) throws IOException {
        if (source.size() < signature.length) {
            return false;
        }
        byte[] head = source.read(0, (int) Math.min(source.size(), SIGNATURE_BYTES));
        return Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    private static boolean zipHas(ByteSource source, ZipDirectory zip, String... entries) throws IOException {
        ZipDirectory directory = zip != null ? zip : ZipDirectory.read(source).orElse(null);
        return directory != null && directory.hasAll(entries);
    }
}
