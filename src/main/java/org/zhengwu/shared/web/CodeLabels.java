package org.zhengwu.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.codes.CodeTable;

/** Shows a code-table value as its official code with the label in the caller's language. */
@Component
public class CodeLabels {

    /** A code with its label, as the API returns code-table values. */
    public record CodeLabel(String code, String label) {
    }

    private final MessageSource messages;

    CodeLabels(MessageSource messages) {
        this.messages = messages;
    }

    public CodeLabel of(CodeTable value, Locale locale) {
        return new CodeLabel(value.code(), label(value, locale));
    }

    public String label(CodeTable value, Locale locale) {
        return messages.getMessage(value.messageKey(), null, value.code(), locale);
    }
}
