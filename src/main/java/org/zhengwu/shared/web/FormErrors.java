package org.zhengwu.shared.web;

import java.util.Collection;
import org.springframework.validation.Errors;
import org.zhengwu.shared.codes.CodeCheck;

/**
 * How rules that live outside a form (a service's policy, a code check, a conflict found while saving) report into
 * the form's {@link Errors}: as errors of the field they concern, with a message key from the bundles and its
 * arguments, so that the page names the field and the reason in the reader's language like any other problem.
 */
public final class FormErrors {

    private FormErrors() {}

    /** One problem of a field. */
    public static void reject(Errors errors, String field, String messageKey, Object... arguments) {
        errors.rejectValue(field, messageKey, arguments, null);
    }

    /** One problem, unless the field already has one: one round names every field, each with its first problem. */
    public static void rejectUnlessMarked(Errors errors, String field, String messageKey, Object... arguments) {
        if (!errors.hasFieldErrors(field)) {
            reject(errors, field, messageKey, arguments);
        }
    }

    /** Every problem of a list of message keys (a password policy's broken rules), each as its own message. */
    public static void rejectEach(Errors errors, String field, Collection<String> messageKeys) {
        messageKeys.forEach(key -> reject(errors, field, key));
    }

    /**
     * The defect of a national code (统一社会信用代码, 公民身份号码, 行政区划代码), if it has one.
     *
     * @return whether the code is valid
     */
    public static boolean rejectIfInvalid(Errors errors, String field, CodeCheck check) {
        if (!check.isValid()) {
            reject(errors, field, check.defect().messageKey(), check.argumentArray());
        }
        return check.isValid();
    }
}
