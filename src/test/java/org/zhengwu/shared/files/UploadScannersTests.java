package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Uploads are scanned after their checks and before they are kept: PDFs that act when opened are refused however their
 * names are spelled or wherever their dictionaries hide, a virus scanner's finding refuses the file, and a scanner that
 * does not answer refuses it too — nothing unscanned is kept.
 */
class UploadScannersTests {

    /** The EICAR test file: every virus scanner reports it, and it harms nothing. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    Path root;

    private static byte[] pdf(String body) {
        return ("%PDF-1.7\n" + body + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PDF whose objects 5 and 6 sit, compressed, in an object stream. */
    private static byte[] pdfWithObjectStream(String objects) throws IOException {
        return pdfWithObjectStream(objects, "/FlateDecode");
    }

    /** As above, with the stream's filter named as given (a reader decodes #xx escapes in names). */
    private static byte[] pdfWithObjectStream(String objects, String filter) throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(objects.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.write(
                ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n4 0 obj\n<< /Type /ObjStm /N 2 /First 8"
                                + " /Length " + compressed.size() + " /Filter " + filter + " >>\nstream\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        pdf.write(compressed.toByteArray());
        pdf.write("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }

    private Uploads uploads(UploadScanner... more) {
        return new Uploads(
                new UploadCheck(DataSize.ofMegabytes(20)),
                new LocalFileStore(root),
                Stream.concat(Stream.of(new ActiveContentScanner()), Stream.of(more))
                        .toList());
    }

    private UploadRefusedException refusal(Uploads uploads, String name, byte[] content) {
        return catchThrowableOfType(
                UploadRefusedException.class, () -> uploads.store(name, new ByteArrayInputStream(content)));
    }

    private List<Path> stored() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anOrdinaryPdfWithLinksFormsAndCompressedObjectsIsKept() throws IOException {
        Uploads uploads = uploads();
        uploads.store("申请表.pdf", new ByteArrayInputStream(SampleFiles.PDF));
        uploads.store(
                "链接.pdf",
                new ByteArrayInputStream(pdf("1 0 obj\n<< /Type /Annot /Subtype /Link /A << /S /URI"
                        + " /URI (https://www.gov.cn/) >> >>\nendobj\n2 0 obj\n<< /JSX 1 /Font /F1 >>\nendobj")));
        uploads.store(
                "压缩.pdf",
                new ByteArrayInputStream(
                        pdfWithObjectStream("5 0 6 20 << /Type /Page >> << /Type /Font /BaseFont /SimSun >>")));
        assertThat(stored()).hasSize(3);
    }

    @Test
    void aPdfThatActsWhenOpenedIsRefusedAndNothingKept() throws IOException {
        Uploads uploads = uploads();
        String[] attacks = {
            "1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj",
            "1 0 obj\n<< /OpenAction << /S /Launch /F (cmd.exe) >> >>\nendobj",
            "1 0 obj\n<< /Names << /EmbeddedFiles 2 0 R >> >>\nendobj",
            "1 0 obj\n<< /Type /Annot /Subtype /RichMedia >>\nendobj",
            // The same names, spelled with the escapes a PDF reader decodes.
            "1 0 obj\n<< /OpenAction << /S /Java#53cript /J#53 (x) >> >>\nendobj",
            "1 0 obj\n<< /OpenAction << /S /#4C#61#75#6E#63#68 >> >>\nendobj",
        };
        for (String attack : attacks) {
            UploadRefusedException refused = refusal(uploads, "申请表.pdf", pdf(attack));
            assertThat(refused).as(attack).isNotNull();
            assertThat(refused.reason()).isEqualTo(UploadRefusal.ACTIVE_CONTENT);
            assertThat(refused.arguments()).as(attack).hasSize(2);
        }
        assertThat(refusal(uploads, "申请表.pdf", pdf("1 0 obj\n<< /S /Java#53cript >>\nendobj"))
                        .arguments()[1])
                .as("what was found is named as the reader reads it")
                .isEqualTo("/JavaScript");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aScriptHiddenInACompressedObjectStreamIsFound() throws IOException {
        Uploads uploads = uploads();
        UploadRefusedException refused = refusal(
                uploads,
                "申请表.pdf",
                pdfWithObjectStream("5 0 6 30 << /Type /Page >> << /S /JavaScript /JS (this.exportDataObject()) >>"));
        assertThat(refused.reason()).isEqualTo(UploadRefusal.ACTIVE_CONTENT);
        assertThat(stored()).isEmpty();
    }

    @Test
    void aScriptInAnObjectStreamWhoseFilterNameIsEscapedIsFoundToo() throws IOException {
        UploadRefusedException refused = refusal(
                uploads(),
                "申请表.pdf",
                pdfWithObjectStream(
                        "5 0 6 30 << /Type /Page >> << /S /JavaScript /JS (app.alert(1)) >>", "/Flate#44ecode"));
        assertThat(refused.reason()).isEqualTo(UploadRefusal.ACTIVE_CONTENT);
        assertThat(stored()).isEmpty();
    }

    @Test
    void otherKindsAreLeftToTheVirusScanner() throws IOException {
        assertThat(new ActiveContentScanner()
                        .scan(writeTemp("/JavaScript".getBytes(StandardCharsets.US_ASCII)), FileKind.PNG))
                .isEmpty();
    }

    private Path writeTemp(byte[] content) throws IOException {
        Path file = Files.createTempFile(root, "scan-", ".bin");
        Files.write(file, content);
        return file;
    }

    /** A clamd speaking INSTREAM on a local port: reports EICAR, OK otherwise; counts what it was sent. */
    static final class Clamd implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger scanned = new AtomicInteger();
        final Thread thread;

        Clamd(String cannedAnswer) throws IOException {
            server = new ServerSocket(0);
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept()) {
                        DataInputStream in = new DataInputStream(client.getInputStream());
                        byte[] command = new byte[10];
                        in.readFully(command);
                        if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
                            continue;
                        }
                        ByteArrayOutputStream content = new ByteArrayOutputStream();
                        int length;
                        while ((length = in.readInt()) > 0) {
                            byte[] chunk = new byte[length];
                            in.readFully(chunk);
                            content.write(chunk);
                        }
                        scanned.incrementAndGet();
                        String answer = cannedAnswer != null
                                ? cannedAnswer
                                : content.toString(StandardCharsets.ISO_8859_1).contains(EICAR)
                                        ? "stream: Eicar-Test-Signature FOUND"
                                        : "stream: OK";
                        OutputStream out = client.getOutputStream();
                        out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        // The test is over, or the client went away.
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void aVirusScannersFindingRefusesTheFileAndACleanFileIsKept() throws IOException {
        try (Clamd clamd = new Clamd(null)) {
            Uploads uploads = uploads(new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(5)));
            byte[] infected = SampleFiles.concat(SampleFiles.PNG, EICAR.getBytes(StandardCharsets.US_ASCII));
            UploadRefusedException refused = refusal(uploads, "照片.png", infected);
            assertThat(refused.reason()).isEqualTo(UploadRefusal.INFECTED);
            assertThat(refused.arguments()[1]).isEqualTo("Eicar-Test-Signature");
            assertThat(stored()).isEmpty();

            uploads.store("照片.png", new ByteArrayInputStream(SampleFiles.PNG));
            assertThat(stored()).hasSize(1);
            assertThat(clamd.scanned).hasValue(2);
        }
    }

    @Test
    void aVirusScannerThatCannotAnswerRefusesTheFileAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket nothing = new ServerSocket(0)) {
            closedPort = nothing.getLocalPort();
        }
        Uploads unreachable = uploads(new ClamdScanner("127.0.0.1", closedPort, Duration.ofSeconds(2)));
        UploadRefusedException refused = refusal(unreachable, "照片.png", SampleFiles.PNG);
        assertThat(refused.reason()).isEqualTo(UploadRefusal.SCAN_UNAVAILABLE);
        assertThat(refused.status().value()).isEqualTo(503);

        try (Clamd failing = new Clamd("INSTREAM size limit exceeded. ERROR")) {
            Uploads erring = uploads(new ClamdScanner("127.0.0.1", failing.port(), Duration.ofSeconds(5)));
            assertThat(refusal(erring, "照片.png", SampleFiles.PNG).reason()).isEqualTo(UploadRefusal.SCAN_UNAVAILABLE);
        }
        assertThat(stored()).isEmpty();
    }
}
