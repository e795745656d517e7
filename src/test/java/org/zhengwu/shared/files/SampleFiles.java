package org.zhengwu.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, made here, and the tricks people play with them. */
final class SampleFiles {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private SampleFiles() {}

    /** An OFD file as GB/T 33190 lays it out: OFD.xml at the root, the document beneath. */
    static byte[] ofd() throws IOException {
        return zip(
                "OFD.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\""
                        + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody/></ofd:OFD>",
                "Doc_0/Document.xml",
                "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
    }

    /** A ZIP of the given entries (name, text, name, text, …), deflated. */
    static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A ZIP bomb in front of OFD.xml: an entry of {@code megabytes} of zeros, which deflates to a thousandth of that.
     */
    static byte[] bombBeforeOfd(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Doc_0/Res/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write("<ofd:OFD/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A ZIP with more entries than the recogniser reads, OFD.xml the last. */
    static byte[] manyEntriesThenOfd(int entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * A ZIP in the ZIP64 layout (end record pointing to a ZIP64 end record, local header offsets in ZIP64 extra
     * fields), entries stored, as some writers make it even for small archives.
     */
    static byte[] zip64(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        byte[] content = "<x/>".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        for (String name : names) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            offsets.put(name, out.size());
            ByteBuffer local = le(30 + n.length);
            local.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0);
            local.putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue());
            local.putInt(content.length)
                    .putInt(content.length)
                    .putShort((short) n.length)
                    .putShort((short) 0);
            local.put(n);
            out.writeBytes(local.array());
            out.writeBytes(content);
        }
        int directoryOffset = out.size();
        List<byte[]> directory = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : offsets.entrySet()) {
            byte[] n = entry.getKey().getBytes(StandardCharsets.UTF_8);
            ByteBuffer central = le(46 + n.length + 12);
            central.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0);
            central.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue());
            central.putInt(content.length).putInt(content.length).putShort((short) n.length);
            central.putShort((short) 12).putShort((short) 0).putShort((short) 0).putShort((short) 0);
            central.putInt(0).putInt(0xFFFFFFFF).put(n);
            central.putShort((short) 1).putShort((short) 8).putLong(entry.getValue());
            directory.add(central.array());
        }
        directory.forEach(out::writeBytes);
        int directorySize = out.size() - directoryOffset;
        int zip64End = out.size();
        ByteBuffer record = le(56);
        record.putInt(0x06064b50)
                .putLong(44)
                .putShort((short) 45)
                .putShort((short) 45)
                .putInt(0)
                .putInt(0);
        record.putLong(names.length)
                .putLong(names.length)
                .putLong(directorySize)
                .putLong(directoryOffset);
        out.writeBytes(record.array());
        ByteBuffer locator = le(20);
        locator.putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1);
        out.writeBytes(locator.array());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF);
        end.putShort((short) 0xFFFF).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ByteBuffer le(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
