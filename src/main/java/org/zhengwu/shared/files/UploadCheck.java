package org.zhengwu.shared.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * The checks every file a person uploads passes before it is kept: a usable name, some content but no more than the
 * upload limit ({@code zhengwu.files.upload-limit}), and content that is a PDF, JPG, PNG or OFD file — recognised by
 * its bytes, never by its name or the content type the browser declared — whose name's extension says the same. Each
 * refusal is an {@link UploadRefusedException} with its {@link UploadRefusal reason}, naming the file.
 */
public final class UploadCheck {

    /** The kinds of file people may upload. */
    public static final Set<FileKind> ACCEPTED = Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.OFD);

    /** Characters in a file name, after normalisation. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Characters of an overlong name shown in its message. */
    private static final int SHOWN_LONG_NAME = 40;

    private final long limitBytes;

    public UploadCheck(DataSize limit) {
        if (limit == null || limit.toBytes() <= 0) {
            throw new IllegalArgumentException("zhengwu.files.upload-limit must be a positive size, not " + limit);
        }
        this.limitBytes = limit.toBytes();
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The limit as messages show it: "20 MB", or "500 KB" when it is not a whole number of megabytes. */
    public static String shown(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " B";
    }

    /** Checks a file in memory. */
    public CheckedUpload check(String fileName, byte[] content) {
        String name = checkName(fileName);
        checkSize(name, content.length);
        return new CheckedUpload(name, checkKind(name, FileKind.recognise(content)), content.length);
    }

    /** Checks a file on disk, reading no more of it than its kind needs (a ZIP's directory, a signature). */
    public CheckedUpload check(String fileName, Path content) throws IOException {
        String name = checkName(fileName);
        long size = Files.size(content);
        checkSize(name, size);
        return new CheckedUpload(name, checkKind(name, FileKind.recognise(content)), size);
    }

    /**
     * The name as it will be kept: Unicode normal form C (a Mac sends decomposed characters), without surrounding
     * spaces. Refused when missing, too long, or holding a path separator, a control or invisible formatting character
     * (a right-to-left override turns "exe.pdf" into what reads as "fdp.exe") or only dots. The name is only ever
     * shown, never used as a path, but a name that lies or breaks a page or a log line is refused rather than repaired.
     */
    public String checkName(String fileName) {
        String name = fileName == null
                ? ""
                : Normalizer.normalize(fileName, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new UploadRefusedException(UploadRefusal.NAME_MISSING, "");
        }
        if (unsafe(name)) {
            throw new UploadRefusedException(UploadRefusal.NAME_UNSAFE, shownName(name));
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new UploadRefusedException(
                    UploadRefusal.NAME_TOO_LONG, shownName(name, SHOWN_LONG_NAME), MAX_NAME_LENGTH);
        }
        return name;
    }

    /** Refuses a size of zero or over the limit. */
    public void checkSize(String name, long size) {
        if (size == 0) {
            throw new UploadRefusedException(UploadRefusal.EMPTY, shownName(name));
        }
        if (size > limitBytes) {
            throw new UploadRefusedException(UploadRefusal.TOO_LARGE, shownName(name), shown(limitBytes));
        }
    }

    private static FileKind checkKind(String name, Optional<FileKind> recognised) {
        if (recognised.isEmpty() || !ACCEPTED.contains(recognised.get())) {
            throw new UploadRefusedException(UploadRefusal.NOT_ALLOWED, shownName(name));
        }
        FileKind kind = recognised.get();
        if (FileKind.byExtension(name).orElse(null) != kind) {
            throw new UploadRefusedException(UploadRefusal.DISGUISED, shownName(name), kind.label());
        }
        return kind;
    }

    private static boolean unsafe(String name) {
        if (name.chars().allMatch(c -> c == '.')) {
            return true;
        }
        return name.codePoints().anyMatch(UploadCheck::unsafe);
    }

    private static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> c == '/' || c == '\\';
        };
    }

    /** A name fit to show in a message: unshowable characters replaced, a long one shortened. */
    public static String shownName(String name) {
        return shownName(name, MAX_NAME_LENGTH);
    }

    private static String shownName(String name, int length) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (++count > length) {
                return shown.append('…').toString();
            }
            boolean showable = c == '/' || c == '\\' || !unsafe(c);
            shown.appendCodePoint(showable ? c : '\uFFFD');
        }
        return shown.toString();
    }
}
