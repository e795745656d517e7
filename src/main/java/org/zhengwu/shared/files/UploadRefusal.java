package org.zhengwu.shared.files;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Why an upload was refused. Each reason has a message (in {@code i18n/shared}) naming the file as its first argument,
 * and a code that API callers receive as the problem's {@code reason}.
 */
public enum UploadRefusal {
    /** No file name was sent. */
    NAME_MISSING(HttpStatus.UNPROCESSABLE_CONTENT),
    /** A name longer than {@link UploadCheck#MAX_NAME_LENGTH} characters; argument 1 is that limit. */
    NAME_TOO_LONG(HttpStatus.UNPROCESSABLE_CONTENT),
    /** A name with a path separator, a control or an invisible formatting character, or only dots. */
    NAME_UNSAFE(HttpStatus.UNPROCESSABLE_CONTENT),
    /** No content. */
    EMPTY(HttpStatus.UNPROCESSABLE_CONTENT),
    /** More than the upload limit; argument 1 is the limit ("20 MB"). */
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    /** The content is none of the kinds accepted (PDF, JPG, PNG, OFD), whatever the name says. */
    NOT_ALLOWED(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The content is an accepted kind, but not the one the name's extension claims; argument 1 is what it is. */
    DISGUISED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Content that acts when the file is opened (a script in a PDF, say); argument 1 is what was found. */
    ACTIVE_CONTENT(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The virus scanner found malware; argument 1 is the signature's name. */
    INFECTED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The virus scanner gave no answer: nothing is kept unscanned, the uploader is asked to try again later. */
    SCAN_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    UploadRefusal(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The reason as API callers see it ("not-allowed"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "files.upload." + code();
    }
}
