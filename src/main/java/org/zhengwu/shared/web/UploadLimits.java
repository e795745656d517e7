package org.zhengwu.shared.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Recognises a request refused for its size and says what the limits are. The servlet container refuses such a
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

    /** The limits in megabytes, as the message shows them. */
    Object[] arguments() {
        return new Object[] {maxFile.toMegabytes(), maxRequest.toMegabytes()};
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
