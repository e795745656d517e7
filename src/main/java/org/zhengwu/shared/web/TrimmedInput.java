package org.zhengwu.shared.web;

import java.beans.PropertyEditorSupport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every form's text arrives trimmed, and a field left blank arrives as null: one rule in one place, so that forms,
 * validators and services do not each strip and test for blanks. It applies to form-backing objects (the model
 * attributes forms are bound to), nested rows included. Query and path parameters are left as sent: their presence
 * can carry meaning ({@code ?signedOut}) and their own readers parse them (the search, the API).
 *
 * <p>A field marked {@link AsTyped} keeps exactly what was typed. Passwords are: a leading or trailing space is part
 * of the password, and trimming it would set a password other than the one the person will type next time.
 */
@ControllerAdvice
public class TrimmedInput {

    /** A text field of a form that is bound exactly as typed (passwords). Only fields of the form class itself. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface AsTyped {}

    @InitBinder
    void trim(WebDataBinder binder) {
        Class<?> form = formClass(binder);
        if (form == null) {
            return;
        }
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        for (Class<?> type = form; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(AsTyped.class)) {
                    // An editor for one property path wins over the one for its type.
                    binder.registerCustomEditor(String.class, field.getName(), new AsTypedEditor());
                }
            }
        }
    }

    /** The class of the form being bound, or null when the binder converts a query or path parameter. */
    private static Class<?> formClass(WebDataBinder binder) {
        if (binder.getTarget() != null) {
            return binder.getTarget().getClass();
        }
        // A model attribute that is still to be constructed has its type but no target yet.
        return binder.getTargetType() == null ? null : binder.getTargetType().resolve();
    }

    private static final class AsTypedEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(text);
        }
    }
}
