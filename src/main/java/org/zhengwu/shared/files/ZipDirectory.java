package org.zhengwu.shared.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The entry names of a ZIP file (OFD, DOCX and XLSX are ZIP files), read from its central directory alone: nothing is
 * decompressed, so a ZIP bomb costs no more than any file of its size, and the reading is bounded — at most
 * {@link #MAX_ENTRIES} entries and {@link #MAX_DIRECTORY_BYTES} of directory, else the file is not taken for a ZIP.
 * A file counts as a ZIP only when it starts with a local file header (so not an executable with a ZIP appended), its
 * end record is where the format puts it, and every directory entry is well formed; an entry asked for must also have
 * its local header, with the same name, where the directory says.
 */
final class ZipDirectory {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_END_LOCATOR = 0x07064b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;
    private static final int END_RECORD_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int LOCAL_HEADER_LENGTH = 30;
    private static final int CENTRAL_HEADER_LENGTH = 46;
    private static final long FOUR_BYTES = 0xFFFFFFFFL;

    private final ByteSource source;
    private final Map<String, Long> localHeaders;

    private ZipDirectory(ByteSource source, Map<String, Long> localHeaders) {
        this.source = source;
        this.localHeaders = localHeaders;
    }

    /** The directory of a well-formed ZIP; empty for anything else. */
    static Optional<ZipDirectory> read(ByteSource source) throws IOException {
        long size = source.size();
        if (size < LOCAL_HEADER_LENGTH + END_RECORD_LENGTH || le32(source.read(0, 4), 0) != LOCAL_HEADER) {
            return Optional.empty();
        }
        int tailLength = (int) Math.min(size, END_RECORD_LENGTH + MAX_COMMENT);
        long tailStart = size - tailLength;
        byte[] tail = source.read(tailStart, tailLength);
        int end = endRecord(tail);
        if (end < 0) {
            return Optional.empty();
        }
        int disk = le16(tail, end + 4);
        int directoryDisk = le16(tail, end + 6);
        long entries = le16(tail, end + 10);
        long directorySize = le32(tail, end + 12) & FOUR_BYTES;
        long directoryOffset = le32(tail, end + 16) & FOUR_BYTES;
        long directoryEnd = tailStart + end;
        if (disk != 0 || directoryDisk != 0) {
            return Optional.empty(); // a multi-volume archive is not an upload
        }
        if (entries == 0xFFFF || directorySize == FOUR_BYTES || directoryOffset == FOUR_BYTES) {
            long locator = directoryEnd - 20;
            if (locator < 0 || le32(source.read(locator, 4), 0) != ZIP64_END_LOCATOR) {
                return Optional.empty();
            }
            long zip64End = le64(source.read(locator + 8, 8), 0);
            if (zip64End < 0 || zip64End + 56 > locator) {
                return Optional.empty();
            }
            byte[] zip64 = source.read(zip64End, 56);
            if (le32(zip64, 0) != ZIP64_END_RECORD) {
                return Optional.empty();
            }
            entries = le64(zip64, 32);
            directorySize = le64(zip64, 40);
            directoryOffset = le64(zip64, 48);
            directoryEnd = zip64End;
        }
        if (entries < 0
                || entries > MAX_ENTRIES
                || directorySize < 0
                || directorySize > MAX_DIRECTORY_BYTES
                || directoryOffset < 0
                || directoryOffset + directorySize != directoryEnd) {
            return Optional.empty();
        }
        return entries(source, source.read(directoryOffset, (int) directorySize), entries, directoryOffset)
                .map(names -> new ZipDirectory(source, names));
    }

    /** Whether the archive has an entry of each name (exactly, so {@code OFD.xml} is at the root). */
    boolean hasAll(String... names) throws IOException {
        for (String name : names) {
            if (!has(name)) {
                return false;
            }
        }
        return true;
    }

    private boolean has(String name) throws IOException {
        Long offset = localHeaders.get(name);
        if (offset == null) {
            return false;
        }
        byte[] expected = name.getBytes(StandardCharsets.UTF_8);
        byte[] header = source.read(offset, LOCAL_HEADER_LENGTH);
        if (le32(header, 0) != LOCAL_HEADER || le16(header, 26) != expected.length) {
            return false;
        }
        return Arrays.equals(source.read(offset + LOCAL_HEADER_LENGTH, expected.length), expected);
    }

    /** Where the end record starts in the tail: the last signature whose comment reaches exactly to the end. */
    private static int endRecord(byte[] tail) {
        for (int i = tail.length - END_RECORD_LENGTH; i >= 0; i--) {
            if (le32(tail, i) == END_RECORD && i + END_RECORD_LENGTH + le16(tail, i + 20) == tail.length) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Map<String, Long>> entries(
            ByteSource source, byte[] directory, long count, long directoryOffset) throws IOException {
        Map<String, Long> names = new HashMap<>();
        int at = 0;
        for (long i = 0; i < count; i++) {
            if (at + CENTRAL_HEADER_LENGTH > directory.length || le32(directory, at) != CENTRAL_HEADER) {
                return Optional.empty();
            }
            int nameLength = le16(directory, at + 28);
            int extraLength = le16(directory, at + 30);
            int commentLength = le16(directory, at + 32);
            int next = at + CENTRAL_HEADER_LENGTH + nameLength + extraLength + commentLength;
            if (next > directory.length) {
                return Optional.empty();
            }
            long offset = le32(directory, at + 42) & FOUR_BYTES;
            if (offset == FOUR_BYTES) {
                offset = zip64Offset(directory, at, at + CENTRAL_HEADER_LENGTH + nameLength, extraLength);
            }
            if (offset < 0 || offset + LOCAL_HEADER_LENGTH > directoryOffset) {
                return Optional.empty();
            }
            String name = new String(directory, at + CENTRAL_HEADER_LENGTH, nameLength, StandardCharsets.UTF_8);
            names.putIfAbsent(name, offset);
            at = next;
        }
        return at == directory.length ? Optional.of(names) : Optional.empty();
    }

    /** The local header's offset from the ZIP64 extra field, after the sizes that are there too; -1 if absent. */
    private static long zip64Offset(byte[] directory, int entry, int extra, int extraLength) {
        int skip = 0;
        if ((le32(directory, entry + 24) & FOUR_BYTES) == FOUR_BYTES) {
            skip += 8; // uncompressed size
        }
        if ((le32(directory, entry + 20) & FOUR_BYTES) == FOUR_BYTES) {
            skip += 8; // compressed size
        }
        int at = extra;
        while (at + 4 <= extra + extraLength) {
            int id = le16(directory, at);
            int length = le16(directory, at + 2);
            if (at + 4 + length > extra + extraLength) {
                return -1;
            }
            if (id == 0x0001) {
                return skip + 8 <= length ? le64(directory, at + 4 + skip) : -1;
            }
            at += 4 + length;
        }
        return -1;
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    /** Negative when the value does not fit a signed long, which no file of ours reaches. */
    private static long le64(byte[] b, int at) {
        return (le32(b, at) & FOUR_BYTES) | (long) le32(b, at + 4) << 32;
    }
}
