package org.zhengwu.shared.web;

import org.springframework.http.HttpStatus;

/** A request parameter that cannot be used; the problem detail names it in {@code parameter}. */
public class BadParameterException extends UserFacingException {

    private final String parameter;

    public BadParameterException(String parameter, String messageKey, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, messageKey, arguments);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
