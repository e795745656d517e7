package org.zhengwu.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Refuses PDFs that can act when opened — a script ({@code /JavaScript}, {@code /JS}), a program to start
 * ({@code /Launch}), a file inside the file ({@code /EmbeddedFile}, {@code /EmbeddedFiles}, {@code /GoToE}), Flash or
 * video ({@code /RichMedia}) — none of which a scanned certificate or a filled-in form needs, and each of which is how
 * a PDF carries an attack to the clerk who opens it. Names are read as a PDF reader reads them: {@code #xx} escapes
 * decoded ({@code /Java#53cript} is {@code /JavaScript}), and inside compressed object streams, where a PDF may hide
 * its dictionaries. A compressed stream that inflates past a bound is refused too: it cannot be checked.
 */
final class ActiveContentScanner implements UploadScanner {

    private static final Set<String> OBJECT_STREAM = Set.of("ObjStm");
    private static final Set<String> FLATE = Set.of("FlateDecode");

    static final Set<String> ACTIVE =
            Set.of("JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "GoToE", "RichMedia");

    /** More than any object stream of an honest document of the upload limit's size. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    @Override
    public String toString() {
        return "the check of active content in PDFs";
    }

    @Override
    public Optional<Finding> scan(Path file, FileKind kind) throws IOException {
        if (kind != FileKind.PDF) {
            return Optional.empty();
        }
        return scan(Files.readAllBytes(file));
    }

    static Optional<Finding> scan(byte[] pdf) {
        String found = firstName(pdf, 0, pdf.length, ACTIVE);
        if (found != null) {
            return Optional.of(new Finding(UploadRefusal.ACTIVE_CONTENT, "/" + found));
        }
        long inflated = 0;
        int from = 0;
        int stream;
        while ((stream = indexOf(pdf, "stream", from)) >= 0) {
            from = stream + 6;
            if (stream >= 3 && pdf[stream - 3] == 'e' && pdf[stream - 2] == 'n' && pdf[stream - 1] == 'd') {
                continue;
            }
            int dictionary = lastIndexOf(pdf, "obj", stream);
            if (dictionary < 0) {
                continue;
            }
            if (firstName(pdf, dictionary, stream, OBJECT_STREAM) == null
                    || firstName(pdf, dictionary, stream, FLATE) == null) {
                continue;
            }
            int start = from;
            if (start < pdf.length && pdf[start] == '\r') {
                start++;
            }
            if (start < pdf.length && pdf[start] == '\n') {
                start++;
            }
            int end = indexOf(pdf, "endstream", start);
            if (end < 0) {
                end = pdf.length;
            }
            byte[] objects = inflate(pdf, start, end - start, MAX_INFLATED - inflated);
            if (objects == null) {
                return Optional.of(new Finding(UploadRefusal.ACTIVE_CONTENT, "ObjStm"));
            }
            inflated += objects.length;
            found = firstName(objects, 0, objects.length, ACTIVE);
            if (found != null) {
                return Optional.of(new Finding(UploadRefusal.ACTIVE_CONTENT, "/" + found));
            }
            from = end;
        }
        return Optional.empty();
    }

    /** The first name among {@code wanted} between the offsets from (inclusive) and to (exclusive), read with its escapes decoded; null when none. */
    private static String firstName(byte[] bytes, int from, int to, Set<String> wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != '/') {
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            while (j < to && regular(bytes[j])) {
                if (bytes[j] == '#' && j + 2 < to && hex(bytes[j + 1]) >= 0 && hex(bytes[j + 2]) >= 0) {
                    name.append((char) (hex(bytes[j + 1]) * 16 + hex(bytes[j + 2])));
                    j += 3;
                } else {
                    name.append((char) (bytes[j] & 0xFF));
                    j++;
                }
            }
            if (wanted.contains(name.toString())) {
                return name.toString();
            }
            i = j - 1;
        }
        return null;
    }

    /** Not white space and not a delimiter (ISO 32000-1 §7.2.2). */
    private static boolean regular(byte b) {
        return switch (b) {
            case 0, 9, 10, 12, 13, 32, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%' -> false;
            default -> true;
        };
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** The inflated bytes (up to any damage), or null when they would exceed {@code limit}. */
    private static byte[] inflate(byte[] data, int offset, int length, long limit) {
        Inflater inflater = new Inflater();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            inflater.setInput(data, offset, length);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                if (out.size() + (long) n > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException damaged) {
            // Lenient readers use what decoded before the damage, so that is what is checked.
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] bytes, String what, int from) {
        byte[] needle = what.getBytes(StandardCharsets.US_ASCII);
        for (int i = Math.max(from, 0); i <= bytes.length - needle.length; i++) {
            if (matchesAt(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, String what, int before) {
        byte[] needle = what.getBytes(StandardCharsets.US_ASCII);
        for (int i = before - needle.length; i >= 0; i--) {
            if (matchesAt(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (bytes[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }
}
