package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.util.unit.DataSize;
import org.zhengwu.support.FuzzMessages;

/**
 * An upload as a browser sends it: a file name, then the content (the seed files hold the name, a line feed, then the
 * bytes). Recognising the content never fails and names a kind whose own test agrees; the check either accepts a
 * file of an accepted kind named for that kind, with the name as kept, or refuses it with a specific reason and a
 * readable message naming the file; and checking the same bytes from a file on disk (how uploads are checked) gives
 * the same answer as checking them in memory. Seeds: {@code UploadCheckFuzzTestsInputs} (real PDF, PNG, JPEG, OFD,
 * DOCX and XLSX heads, ZIP files with broken directories, names that lie).
 */
class UploadCheckFuzzTests {

    private static final UploadCheck CHECK = new UploadCheck(DataSize.ofKilobytes(4));

    @FuzzTest
    void checkIsTotalAndConsistent(byte[] input) throws IOException {
        int newline = indexOf(input, (byte) '\n');
        String name = newline < 0 ? "" : new String(input, 0, newline, StandardCharsets.UTF_8);
        byte[] content = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);

        Optional<FileKind> recognised = FileKind.recognise(content);
        recognised.ifPresent(kind -> assertThat(kind.matches(content)).isTrue());

        Object inMemory = outcome(() -> CHECK.check(name, content));
        Path file = Files.createTempFile("upload-fuzz", ".bin");
        try {
            Files.write(file, content);
            assertThat(FileKind.recognise(file)).isEqualTo(recognised);
            assertThat(outcome(() -> CHECK.check(name, file))).isEqualTo(inMemory);
        } finally {
            Files.delete(file);
        }

        if (inMemory instanceof CheckedUpload accepted) {
            assertThat(accepted.kind()).isIn(UploadCheck.ACCEPTED);
            assertThat(recognised).contains(accepted.kind());
            assertThat(FileKind.byExtension(accepted.fileName())).contains(accepted.kind());
            assertThat(accepted.fileName())
                    .isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC).strip())
                    .doesNotContain("/", "\\");
            assertThat(accepted.fileName().codePointCount(0, accepted.fileName().length()))
                    .isLessThanOrEqualTo(UploadCheck.MAX_NAME_LENGTH);
            assertThat(accepted.size()).isEqualTo(content.length).isPositive();
        } else {
            Refused refused = (Refused) inMemory;
            FuzzMessages.assertMessage("shared", refused.reason().messageKey(), Arrays.asList(refused.arguments()));
            switch (refused.reason()) {
                case EMPTY -> assertThat(content).isEmpty();
                case TOO_LARGE -> assertThat((long) content.length).isGreaterThan(CHECK.limitBytes());
                case NOT_ALLOWED ->
                    assertThat(recognised.filter(UploadCheck.ACCEPTED::contains))
                            .isEmpty();
                case DISGUISED -> {
                    assertThat(recognised.filter(UploadCheck.ACCEPTED::contains))
                            .isPresent();
                    assertThat(FileKind.byExtension(Normalizer.normalize(name, Normalizer.Form.NFC)
                                    .strip()))
                            .isNotEqualTo(recognised);
                }
                default ->
                    assertThat(refused.reason())
                            .isIn(UploadRefusal.NAME_MISSING, UploadRefusal.NAME_UNSAFE, UploadRefusal.NAME_TOO_LONG);
            }
        }
    }

    /** A refusal compared by what the person is told. */
    private record Refused(UploadRefusal reason, String fileName, java.util.List<Object> argumentList) {
        Object[] arguments() {
            return argumentList.toArray();
        }
    }

    private interface Check {
        CheckedUpload run() throws IOException;
    }

    private static Object outcome(Check check) throws IOException {
        try {
            return check.run();
        } catch (UploadRefusedException e) {
            assertThat(e.fileName()).isEqualTo(e.arguments()[0]);
            return new Refused(e.reason(), e.fileName(), Arrays.asList(e.arguments()));
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
