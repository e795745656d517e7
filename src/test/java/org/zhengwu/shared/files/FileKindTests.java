package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are recognised by their content: signatures for PDF, PNG and JPEG; for OFD, DOCX and XLSX a well-formed ZIP
 * whose central directory names the entries that make the kind, read without decompressing anything.
 */
class FileKindTests {

    @TempDir
    Path dir;

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

    @Test
    void recognisesEachKindByContentAloneInMemoryAndOnDisk() throws IOException {
        assertRecognised(SampleFiles.PDF, FileKind.PDF);
        assertRecognised(SampleFiles.PNG, FileKind.PNG);
        assertRecognised(SampleFiles.JPEG, FileKind.JPEG);
        assertRecognised(SampleFiles.ofd(), FileKind.OFD);
        assertRecognised(zip("[Content_Types].xml", "word/document.xml"), FileKind.DOCX);
        assertRecognised(zip("[Content_Types].xml", "xl/workbook.xml"), FileKind.XLSX);
        assertThat(FileKind.recognise(SampleFiles.EXE)).isEmpty();
        assertThat(FileKind.recognise(new byte[0])).isEmpty();
        assertThat(FileKind.recognise("%PD".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    private void assertRecognised(byte[] content, FileKind kind) throws IOException {
        assertThat(FileKind.recognise(content)).as(kind.name()).contains(kind);
        Path file = Files.write(dir.resolve("sample-" + kind), content);
        assertThat(FileKind.recognise(file)).as(kind + " on disk").contains(kind);
        assertThat(kind.matches(content)).isTrue();
    }

    @Test
    void anOfdIsAZipWithOfdXmlAtItsRoot() throws IOException {
        assertThat(FileKind.OFD.matches(SampleFiles.zip("Doc_0/OFD.xml", "<x/>")))
                .as("not at the root")
                .isFalse();
        assertThat(FileKind.OFD.matches(SampleFiles.zip("ofd.xml", "<x/>")))
                .as("names are exact")
                .isFalse();
        assertThat(FileKind.OFD.matches(SampleFiles.zip("Doc_0/Document.xml", "<x/>")))
                .isFalse();
        byte[] ofd = SampleFiles.ofd();
        assertThat(FileKind.OFD.matches(SampleFiles.concat(SampleFiles.EXE, ofd)))
                .as("an executable with an OFD appended")
                .isFalse();
        assertThat(FileKind.OFD.matches(Arrays.copyOf(ofd, ofd.length - 1)))
                .as("cut short: no end record")
                .isFalse();
        assertThat(FileKind.OFD.matches(SampleFiles.concat(ofd, new byte[] {0})))
                .as("bytes after the end record")
                .isFalse();
    }

    @Test
    void aZipWhoseDirectoryLiesIsNoZip() throws IOException {
        byte[] ofd = SampleFiles.ofd();
        // The local header the directory points to for OFD.xml (the first entry, at 0) claims another name.
        byte[] renamedLocal = ofd.clone();
        renamedLocal[30] = 'X';
        assertThat(FileKind.OFD.matches(renamedLocal)).isFalse();
        // A directory entry whose signature is broken.
        byte[] broken = ofd.clone();
        int directory = lastIndexOf(broken, new byte[] {'P', 'K', 1, 2});
        broken[directory + 2] = 9;
        assertThat(FileKind.OFD.matches(broken)).isFalse();
    }

    @Test
    void aZipBombCostsNothingToRecognise() throws IOException {
        byte[] bomb = SampleFiles.bombBeforeOfd(200);
        assertThat(bomb.length).as("200 MB of zeros deflated").isLessThan(1024 * 1024);
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(FileKind.recognise(bomb)).contains(FileKind.OFD);
        }
        // Inflating the 200 MB even once would take longer than recognising it a hundred times.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // Nothing is decompressed: an entry whose compressed data is garbage does not disturb the recognition.
        byte[] garbage = bomb.clone();
        for (int i = 60; i < 1000; i++) {
            garbage[i] = (byte) 0xFF;
        }
        assertThat(FileKind.recognise(garbage)).contains(FileKind.OFD);
    }

    @Test
    void theDirectoryIsReadOnlyUpToItsBounds() throws IOException {
        assertThat(FileKind.recognise(SampleFiles.manyEntriesThenOfd(ZipDirectory.MAX_ENTRIES - 1)))
                .contains(FileKind.OFD);
        assertThat(FileKind.recognise(SampleFiles.manyEntriesThenOfd(ZipDirectory.MAX_ENTRIES)))
                .as("more entries than any real OFD")
                .isEmpty();
    }

    @Test
    void readsTheZip64Layout() {
        assertThat(FileKind.recognise(SampleFiles.zip64("OFD.xml", "Doc_0/Document.xml")))
                .contains(FileKind.OFD);
        assertThat(FileKind.recognise(SampleFiles.zip64("Doc_0/Document.xml"))).isEmpty();
    }

    private static int lastIndexOf(byte[] content, byte[] part) {
        for (int i = content.length - part.length; i >= 0; i--) {
            if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
