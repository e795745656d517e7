package org.zhengwu.catalog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileKindTests {

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void recognisesKindsByExtension() {
        assertThat(FileKind.byExtension("申请表.PDF")).contains(FileKind.PDF);
        assertThat(FileKind.byExtension("photo.jpeg")).contains(FileKind.JPEG);
        assertThat(FileKind.byExtension("a.tar.docx")).contains(FileKind.DOCX);
        assertThat(FileKind.byExtension("virus.exe")).isEmpty();
        assertThat(FileKind.byExtension("noextension")).isEmpty();
        assertThat(FileKind.byExtension("page.html")).isEmpty();
    }

    @Test
    void acceptsContentThatMatchesItsKind() throws IOException {
        assertThat(FileKind.PDF.matches("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(FileKind.PNG.matches(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .isTrue();
        assertThat(FileKind.JPEG.matches(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isTrue();
        assertThat(FileKind.DOCX.matches(zip("[Content_Types].xml", "word/document.xml")))
                .isTrue();
        assertThat(FileKind.XLSX.matches(zip("[Content_Types].xml", "xl/workbook.xml")))
                .isTrue();
        assertThat(FileKind.OFD.matches(zip("OFD.xml", "Doc_0/Document.xml"))).isTrue();
    }

    @Test
    void refusesDisguisedFiles() throws IOException {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertThat(FileKind.PDF.matches(executable)).isFalse();
        assertThat(FileKind.PDF.matches("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(FileKind.DOCX.matches(zip("evil.sh"))).isFalse();
        assertThat(FileKind.XLSX.matches(zip("[Content_Types].xml", "word/document.xml")))
                .isFalse();
        assertThat(FileKind.OFD.matches("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(FileKind.PNG.matches(new byte[0])).isFalse();
    }
}
