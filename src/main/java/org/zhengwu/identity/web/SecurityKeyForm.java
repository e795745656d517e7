package org.zhengwu.identity.web;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.validation.Validator;
import org.zhengwu.identity.account.SecurityKeys;

/**
 * What a page posts after the browser has talked to a security key: the browser's answer as JSON (filled in by
 * {@code /js/webauthn.js}), and, when a key is registered, the name its owner gives it. Without JavaScript, or in a
 * browser without WebAuthn, the answer arrives empty (null, as every blank field) and the page says what to do instead.
 * A refused form goes to the next page as a flash attribute, so through the session store: serialisable.
 */
public class SecurityKeyForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A new key's name: required, and short enough for the list. */
    static final Validator REGISTRATION = Validator.forInstanceOf(SecurityKeyForm.class, (form, errors) -> {
        if (form.label == null) {
            errors.rejectValue("label", "validation.required");
        } else if (form.label.codePointCount(0, form.label.length()) > SecurityKeys.LABEL_LENGTH) {
            errors.rejectValue("label", "mfa.key.label.long", new Object[] {SecurityKeys.LABEL_LENGTH}, null);
        } else if (form.label.codePoints().anyMatch(Character::isISOControl)) {
            errors.rejectValue("label", "mfa.key.label.control");
        }
    });

    private String label;

    private String credential;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
