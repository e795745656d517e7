package org.zhengwu.cases.lifecycle;

import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/** Someone acted on the case first, or the case is no longer where the action applies: nothing was changed. */
public class CaseConflictException extends UserFacingException {

    public CaseConflictException(String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, messageKey, arguments);
    }
}
