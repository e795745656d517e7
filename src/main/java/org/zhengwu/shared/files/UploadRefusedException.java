package org.zhengwu.shared.files;

import java.util.Map;
import org.zhengwu.shared.web.UserFacingException;

/**
 * An upload refused by {@link UploadCheck}. A form puts it on the file's field
 * ({@code binding.rejectValue(field, e.messageKey(), e.arguments(), null)}); left to the error handling it becomes the
 * page or the RFC 9457 problem, with the reason code and the file name as the problem's {@code reason} and
 * {@code fileName}.
 */
public class UploadRefusedException extends UserFacingException {

    private final UploadRefusal reason;
    private final String fileName;

    UploadRefusedException(UploadRefusal reason, String fileName, Object... more) {
        super(reason.status(), reason.messageKey(), arguments(fileName, more));
        this.reason = reason;
        this.fileName = fileName;
    }

    public UploadRefusal reason() {
        return reason;
    }

    /** The name as shown in the message: characters that cannot be shown are replaced, a long name shortened. */
    public String fileName() {
        return fileName;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("reason", reason.code(), "fileName", fileName);
    }

    private static Object[] arguments(String fileName, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = fileName;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }
}
