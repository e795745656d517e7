package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * What people may upload: PDF, JPG, PNG and OFD files, recognised by content, named for what they are, not empty and
 * not over the limit, with a name that is safe to show. Each refusal has its reason and a message, in Chinese and in
 * English, that names the file.
 */
class UploadCheckTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/shared/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private final UploadCheck check = new UploadCheck(DataSize.ofKilobytes(64));

    @TempDir
    Path dir;

    @Test
    void acceptsEachKindNamedForWhatItIs() throws IOException {
        assertThat(check.check("身份证.pdf", SampleFiles.PDF))
                .isEqualTo(new CheckedUpload("身份证.pdf", FileKind.PDF, SampleFiles.PDF.length));
        assertThat(check.check("照片.JPG", SampleFiles.JPEG).kind()).isEqualTo(FileKind.JPEG);
        assertThat(check.check("照片.jpeg", SampleFiles.JPEG).kind()).isEqualTo(FileKind.JPEG);
        assertThat(check.check("户口簿.png", SampleFiles.PNG).kind()).isEqualTo(FileKind.PNG);
        assertThat(check.check("营业执照.ofd", SampleFiles.ofd()).kind()).isEqualTo(FileKind.OFD);
        Path onDisk = Files.write(dir.resolve("upload"), SampleFiles.ofd());
        assertThat(check.check("营业执照.ofd", onDisk).kind()).isEqualTo(FileKind.OFD);
    }

    @Test
    void keepsTheNameInNormalFormWithoutSurroundingSpaces() {
        String decomposed = "Re\u0301sume\u0301.pdf"; // as a Mac sends "Résumé.pdf"
        assertThat(check.check("  " + decomposed + " ", SampleFiles.PDF).fileName())
                .isEqualTo("R\u00e9sum\u00e9.pdf");
    }

    @Test
    void refusesWhatIsNoneOfTheKindsWhateverItsName() throws IOException {
        UploadRefusedException exe = refusal("身份证.pdf", SampleFiles.EXE);
        assertThat(exe.reason()).isEqualTo(UploadRefusal.NOT_ALLOWED);
        assertThat(exe.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(zh(exe)).isEqualTo("文件“身份证.pdf”不是PDF、JPG、PNG或OFD文件。");
        assertThat(en(exe)).isEqualTo("The file \"身份证.pdf\" is not a PDF, JPG, PNG or OFD file.");
        byte[] docx = SampleFiles.zip("[Content_Types].xml", "<x/>", "word/document.xml", "<x/>");
        assertThat(refusal("申请表.docx", docx).reason()).isEqualTo(UploadRefusal.NOT_ALLOWED);
        assertThat(refusal("page.html", "<html><script>alert(1)</script>".getBytes())
                        .reason())
                .isEqualTo(UploadRefusal.NOT_ALLOWED);
        assertThat(refusal("假的.ofd", SampleFiles.zip("Doc_0/OFD.xml", "<x/>")).reason())
                .isEqualTo(UploadRefusal.NOT_ALLOWED);
    }

    @Test
    void refusesAFileNamedForAnotherKindThanItIs() throws IOException {
        UploadRefusedException png = refusal("身份证.pdf", SampleFiles.PNG);
        assertThat(png.reason()).isEqualTo(UploadRefusal.DISGUISED);
        assertThat(png.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(zh(png)).isEqualTo("文件“身份证.pdf”的内容是PNG文件，与扩展名不符（可能改过扩展名），请使用正确的扩展名重新上传。");
        assertThat(en(png))
                .isEqualTo("The content of the file \"身份证.pdf\" is a PNG file, which does not match its extension"
                        + " (it may have been renamed). Upload it with the right extension.");
        assertThat(refusal("扫描件.png", SampleFiles.JPEG).reason()).isEqualTo(UploadRefusal.DISGUISED);
        assertThat(refusal("证照.pdf", SampleFiles.ofd()).reason()).isEqualTo(UploadRefusal.DISGUISED);
        assertThat(refusal("没有扩展名", SampleFiles.PDF).reason()).isEqualTo(UploadRefusal.DISGUISED);
        assertThat(refusal("身份证.pdf.exe", SampleFiles.PDF).reason()).isEqualTo(UploadRefusal.DISGUISED);
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        UploadRefusedException empty = refusal("身份证.pdf", new byte[0]);
        assertThat(empty.reason()).isEqualTo(UploadRefusal.EMPTY);
        assertThat(zh(empty)).isEqualTo("文件“身份证.pdf”是空文件，请检查后重新上传。");
        assertThat(en(empty)).isEqualTo("The file \"身份证.pdf\" is empty. Check it and upload it again.");
        Path onDisk = Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(catchThrowableOfType(UploadRefusedException.class, () -> check.check("a.pdf", onDisk))
                        .reason())
                .isEqualTo(UploadRefusal.EMPTY);
    }

    @Test
    void refusesAFileOverTheLimitButNotOneAtIt() throws IOException {
        byte[] atLimit = SampleFiles.concat(SampleFiles.PDF, new byte[64 * 1024 - SampleFiles.PDF.length]);
        assertThat(check.check("大文件.pdf", atLimit).size()).isEqualTo(64 * 1024);
        UploadRefusedException large = refusal("大文件.pdf", SampleFiles.concat(atLimit, new byte[1]));
        assertThat(large.reason()).isEqualTo(UploadRefusal.TOO_LARGE);
        assertThat(large.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(zh(large)).isEqualTo("文件“大文件.pdf”超过 64 KB，不能上传。请缩小文件（如降低扫描分辨率）后重新上传。");
        assertThat(en(large)).startsWith("The file \"大文件.pdf\" is larger than 64 KB and cannot be uploaded.");
        UploadRefusedException megabytes = catchThrowableOfType(
                UploadRefusedException.class,
                () -> new UploadCheck(DataSize.ofMegabytes(20))
                        .checkSize("扫描件.pdf", DataSize.ofMegabytes(20).toBytes() + 1));
        assertThat(zh(megabytes)).startsWith("文件“扫描件.pdf”超过 20 MB，");
    }

    @Test
    void refusesNamesThatAreUnsafeToKeepOrShow() {
        for (String name : new String[] {
            "../../etc/passwd.pdf",
            "C:\\Users\\张三\\身份证.pdf",
            "身份证\u0000.pdf",
            "身份证\n.pdf",
            "\u202Efdp.exe", // shown as "exe.pdf" backwards: right-to-left override
            "身份\u200B证.pdf", // zero-width space
            "..",
            "."
        }) {
            assertThat(refusal(name, SampleFiles.PDF).reason()).as(name).isEqualTo(UploadRefusal.NAME_UNSAFE);
        }
        UploadRefusedException nul = refusal("身份证\u0000.pdf", SampleFiles.PDF);
        assertThat(nul.fileName()).as("shown without the control character").isEqualTo("身份证\uFFFD.pdf");
        assertThat(zh(nul)).isEqualTo("文件“身份证\uFFFD.pdf”的文件名含有不能使用的字符（如“/”“\\”或看不见的控制字符），请改名后重新上传。");
        assertThat(en(refusal("a/b.pdf", SampleFiles.PDF)))
                .isEqualTo("The name of the file \"a/b.pdf\" contains characters that cannot be used (such as \"/\","
                        + " \"\\\" or invisible control characters). Rename the file and upload it again.");
    }

    @Test
    void refusesAMissingOrOverlongName() {
        assertThat(refusal(null, SampleFiles.PDF).reason()).isEqualTo(UploadRefusal.NAME_MISSING);
        UploadRefusedException blank = refusal("  ", SampleFiles.PDF);
        assertThat(blank.reason()).isEqualTo(UploadRefusal.NAME_MISSING);
        assertThat(zh(blank)).isEqualTo("上传的文件没有文件名，请重新选择文件后上传。");
        assertThat(en(blank)).isEqualTo("The uploaded file has no name. Choose the file again and upload it.");
        String longest = "长".repeat(UploadCheck.MAX_NAME_LENGTH - 4) + ".pdf";
        assertThat(check.check(longest, SampleFiles.PDF).fileName()).isEqualTo(longest);
        UploadRefusedException tooLong = refusal("长" + longest, SampleFiles.PDF);
        assertThat(tooLong.reason()).isEqualTo(UploadRefusal.NAME_TOO_LONG);
        assertThat(zh(tooLong)).isEqualTo("文件“" + "长".repeat(40) + "…”的文件名太长：不能超过 100 个字，请改短文件名后重新上传。");
        assertThat(en(tooLong)).contains("it may have at most 100 characters");
    }

    @Test
    void everyReasonHasItsMessageInBothLanguagesAndAnApiCode() {
        for (UploadRefusal reason : UploadRefusal.values()) {
            assertThat(MESSAGES.getMessage(reason.messageKey(), new Object[] {"x.pdf", "y"}, Locale.CHINA))
                    .as(reason.name())
                    .matches(".*\\p{IsHan}.*");
            assertThat(MESSAGES.getMessage(reason.messageKey(), new Object[] {"x.pdf", "y"}, Locale.ENGLISH))
                    .as(reason.name())
                    .doesNotMatch(".*\\p{IsHan}.*");
            assertThat(reason.code()).matches("[a-z-]+");
        }
        UploadRefusedException refused = refusal("a.pdf", SampleFiles.PNG);
        assertThat(refused.problemProperties())
                .containsEntry("reason", "disguised")
                .containsEntry("fileName", "a.pdf");
    }

    private UploadRefusedException refusal(String name, byte[] content) {
        UploadRefusedException refused =
                catchThrowableOfType(UploadRefusedException.class, () -> check.check(name, content));
        assertThat(refused).as("%s is refused", name).isNotNull();
        return refused;
    }

    private static String zh(UploadRefusedException e) {
        return MESSAGES.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    private static String en(UploadRefusedException e) {
        return MESSAGES.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH);
    }
}
