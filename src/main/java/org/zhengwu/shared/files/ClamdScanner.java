package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a ClamAV daemon (clamd) about each upload over its TCP socket with the {@code INSTREAM} command: the file is
 * sent in chunks, each preceded by its length as four bytes (network order), and ended by a zero length; clamd
 * answers {@code stream: OK}, {@code stream: <signature> FOUND} or an error. An error, a refused connection or no answer
 * within the timeout refuses the upload as {@link UploadRefusal#SCAN_UNAVAILABLE}: a file that was not scanned is not
 * kept. clamd's own {@code StreamMaxLength} must be at least the upload limit, or it answers with a size error.
 */
final class ClamdScanner implements UploadScanner {

    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);
    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public Optional<Finding> scan(Path file, FileKind kind) throws IOException {
        String answer;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    out.write(
                            new byte[] {(byte) (read >>> 24), (byte) (read >>> 16), (byte) (read >>> 8), (byte) read});
                    out.write(buffer, 0, read);
                }
            }
            out.write(new byte[4]);
            out.flush();
            answer = readAnswer(socket.getInputStream());
        } catch (IOException unreachable) {
            log.warn("The virus scanner at {}:{} gave no answer: {}", host, port, unreachable.toString());
            throw unavailable();
        }
        return verdict(answer);
    }

    private Optional<Finding> verdict(String answer) {
        // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
        String result = answer.startsWith("stream:") ? answer.substring(7).strip() : answer.strip();
        if (result.equals("OK")) {
            return Optional.empty();
        }
        if (result.endsWith(" FOUND")) {
            String signature = result.substring(0, result.length() - 6).strip();
            log.warn("The virus scanner found {} in an upload", signature);
            return Optional.of(new Finding(UploadRefusal.INFECTED, signature));
        }
        log.warn("The virus scanner at {}:{} answered with an error: {}", host, port, answer);
        throw unavailable();
    }

    private static UploadRefusedException unavailable() {
        return new UploadRefusedException(UploadRefusal.SCAN_UNAVAILABLE, "");
    }

    private static String readAnswer(InputStream in) throws IOException {
        byte[] answer = new byte[1024];
        int length = 0;
        int b;
        while (length < answer.length && (b = in.read()) > 0) {
            answer[length++] = (byte) b;
        }
        return new String(answer, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "clamd at " + host + ":" + port;
    }
}
