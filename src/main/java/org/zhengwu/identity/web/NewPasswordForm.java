package org.zhengwu.identity.web;

import org.springframework.validation.Errors;
import org.zhengwu.shared.web.TrimmedInput.AsTyped;

/**
 * A new password with its confirmation, as every password form asks for it (first password, change, reset): both kept
 * exactly as typed, and never shown again.
 */
public class NewPasswordForm {

    @AsTyped
    private String password;

    @AsTyped
    private String confirmation;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    /** The confirmation must repeat the password. */
    void rejectUnconfirmed(Errors errors) {
        if (password != null && !password.equals(confirmation)) {
            errors.rejectValue("confirmation", "register.confirmation");
        }
    }
}
