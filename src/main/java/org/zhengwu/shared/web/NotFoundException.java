package org.zhengwu.shared.web;

import org.springframework.http.HttpStatus;

public class NotFoundException extends UserFacingException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(HttpStatus.NOT_FOUND, messageKey, arguments);
    }
}
