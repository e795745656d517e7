package org.zhengwu.identity.web;

import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;

/**
 * A code typed to prove something: the one sent to a mobile, the authenticator's, a recovery code. The form only
 * asks for one; whether it is right is for the handler to find out, and it says so on the field {@code code}.
 */
public class OneTimeCodeForm {

    static final Validator RULES = Validator.forInstanceOf(
            OneTimeCodeForm.class,
            (form, errors) -> ValidationUtils.rejectIfEmpty(errors, "code", "validation.required"));

    private String code;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
