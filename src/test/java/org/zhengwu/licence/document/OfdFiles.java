package org.zhengwu.licence.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test helpers that take OFD packages apart and put them together changed. */
final class OfdFiles {

    private OfdFiles() {}

    static Map<String, byte[]> entries(byte[] ofd) {
        try {
            return new LinkedHashMap<>(OfdPackage.read(ofd, 64 << 20));
        } catch (OfdPackage.Malformed e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The package again with one entry's text changed. */
    static byte[] withText(byte[] ofd, String entry, UnaryOperator<String> change) {
        Map<String, byte[]> entries = entries(ofd);
        String before = new String(entries.get(entry), StandardCharsets.UTF_8);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("nothing changed in " + entry);
        }
        entries.put(entry, after.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** The package again with one byte of an entry changed (XOR 1 at {@code index}, negative from the end). */
    static byte[] withByteFlipped(byte[] ofd, String entry, int index) {
        Map<String, byte[]> entries = entries(ofd);
        byte[] content = entries.get(entry).clone();
        content[index < 0 ? content.length + index : index] ^= 1;
        entries.put(entry, content);
        return zip(entries);
    }
}
