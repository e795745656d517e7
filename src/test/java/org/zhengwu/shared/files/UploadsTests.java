package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** An upload is checked, then kept; a refused one leaves nothing in the store, and an endless one is not read whole. */
class UploadsTests {

    @TempDir
    Path root;

    private Uploads uploads(DataSize limit) {
        return new Uploads(new UploadCheck(limit), new LocalFileStore(root));
    }

    @Test
    void keepsAnAcceptedFileWithWhatItIs() throws IOException {
        Uploads uploads = uploads(DataSize.ofMegabytes(20));
        byte[] ofd = SampleFiles.ofd();
        StoredUpload stored = uploads.store("营业执照.ofd", new ByteArrayInputStream(ofd));
        assertThat(stored.fileName()).isEqualTo("营业执照.ofd");
        assertThat(stored.kind()).isEqualTo(FileKind.OFD);
        assertThat(stored.mediaType()).isEqualTo("application/ofd");
        assertThat(stored.size()).isEqualTo(ofd.length);
        assertThat(FileStore.isKey(stored.key())).isTrue();
        try (InputStream in = new LocalFileStore(root).open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(ofd);
        }
    }

    @Test
    void keepsNothingOfARefusedFile() throws IOException {
        Uploads uploads = uploads(DataSize.ofMegabytes(20));
        UploadRefusedException refused = catchThrowableOfType(
                UploadRefusedException.class,
                () -> uploads.store("身份证.pdf", new ByteArrayInputStream(SampleFiles.EXE)));
        assertThat(refused.reason()).isEqualTo(UploadRefusal.NOT_ALLOWED);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void readsAnOversizedStreamNoFurtherThanOneBytePastTheLimit() throws IOException {
        Uploads uploads = uploads(DataSize.ofKilobytes(100));
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return '%';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                return len;
            }
        };
        UploadRefusedException refused =
                catchThrowableOfType(UploadRefusedException.class, () -> uploads.store("扫描件.pdf", endless));
        assertThat(refused.reason()).isEqualTo(UploadRefusal.TOO_LARGE);
        assertThat(served[0]).isEqualTo(100 * 1024 + 1);
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void refusesAnUnsafeNameBeforeReadingAnything() {
        Uploads uploads = uploads(DataSize.ofMegabytes(20));
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read");
            }
        };
        assertThat(catchThrowableOfType(UploadRefusedException.class, () -> uploads.store("../secret.pdf", untouchable))
                        .reason())
                .isEqualTo(UploadRefusal.NAME_UNSAFE);
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
