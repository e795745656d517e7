package org.zhengwu.shared.web;

import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpStatus;
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
 * {@link MaxUploadSizeExceededException}. A form without files over Tomcat's limit for form bodies
 * ({@code server.tomcat.max-http-form-post-size}) is refused the same way, with the error code 413 and no cause.
 */
@Component
class UploadLimits {

    static final String MESSAGE_KEY = "error.upload.request-too-large";
    static final String FORM_MESSAGE_KEY = "error.form.too-large";

    private final DataSize maxFile;
    private final DataSize maxRequest;
    private final DataSize maxForm;

    /**
     * The limits the container enforces: Spring Boot's multipart settings ({@code spring.servlet.multipart.*}) and
     * Tomcat's limit on a form sent as {@code application/x-www-form-urlencoded}.
     */
    UploadLimits(MultipartProperties multipart, @Value("${server.tomcat.max-http-form-post-size}") DataSize maxForm) {
        this.maxFile = multipart.getMaxFileSize();
        this.maxRequest = multipart.getMaxRequestSize();
        this.maxForm = maxForm;
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
        if (multipart(failure)) {
            return new Refusal(MESSAGE_KEY, new Object[] {maxFile.toMegabytes(), maxRequest.toMegabytes()}, Map.of());
        }
        return new Refusal(FORM_MESSAGE_KEY, new Object[] {UploadCheck.shown(maxForm.toBytes())}, Map.of());
    }

    private static boolean multipart(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException || t instanceof SizeException) {
                return true;
            }
        }
        return false;
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
            if (t instanceof MaxUploadSizeExceededException
                    || t instanceof SizeException
                    || (t instanceof InvalidParameterException refused
                            && refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())) {
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
