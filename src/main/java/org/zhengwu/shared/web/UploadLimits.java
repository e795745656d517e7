package org.zhengwu.shared.web;

import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.zhengwu.shared.files.UploadCheck;
import org.zhengwu.shared.files.UploadRefusal;

/**
 * Recognises a request refused for its size and says what the limits are — naming the file when one file was over
 * the limit per file, in the words {@link UploadCheck} uses for the same refusal (the container's limit per file is
 * the upload limit, {@code zhengwu.files.upload-limit}). The servlet container refuses such a
 * request as soon as anything reads a parameter — usually the CSRF check, before any controller — and wraps the
 * cause in {@link InvalidParameterException}; Spring's multipart parsing reports it as
 * {@link MaxUploadSizeExceededException}.
 */
@Component
class UploadLimits {

    static final String MESSAGE_KEY = "error.upload.request-too-large";

    private final DataSize maxFile;
    private final DataSize maxRequest;

    /** The limits the container enforces: Spring Boot's multipart settings ({@code spring.servlet.multipart.*}). */
    UploadLimits(MultipartProperties multipart) {
        this.maxFile = multipart.getMaxFileSize();
        this.maxRequest = multipart.getMaxRequestSize();
    }

    /** A message key and its arguments, and for a problem detail what {@code UploadRefusedException} gives it. */
    record Refusal(String messageKey, Object[] arguments, Map<String, Object> problemProperties) {}

    /** What to tell the sender of a request the container refused for its size. */
    Refusal refusal(Throwable failure) {
        String fileName = oversizedFile(failure);
        if (fileName != null) {
            String shown = UploadCheck.shownName(fileName);
            return new Refusal(
                    UploadRefusal.TOO_LARGE.messageKey(),
                    new Object[] {shown, UploadCheck.shown(maxFile.toBytes())},
                    Map.of("reason", UploadRefusal.TOO_LARGE.code(), "fileName", shown));
        }
        return new Refusal(MESSAGE_KEY, new Object[] {maxFile.toMegabytes(), maxRequest.toMegabytes()}, Map.of());
    }

    /** The name of the file over the limit per file, if that is what the container refused. */
    private static String oversizedFile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSizeLimitExceededException file
                    && file.getFileName() != null
                    && !file.getFileName().isBlank()) {
                return file.getFileName();
            }
        }
        return null;
    }

    static boolean exceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException || t instanceof SizeException) {
                return true;
            }
        }
        return false;
    }

    static boolean unreadableParameters(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }
}
