package org.zhengwu.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.codes.CodeTable;

/**
 * Shows a code-table value as its official code with the label in the caller's language. Labels in the two languages
 * we ship are remembered: the bundles do not change while the application runs, and an API page of results asks for
 * dozens of them on every request. Other locales (a language cookie can name any) are looked up each time, so that
 * callers cannot grow the memory without bound.
 */
@Component
public class CodeLabels {

    /** A code with its label, as the API returns code-table values. */
    public record CodeLabel(String code, String label) {}

    private record Key(CodeTable value, Locale locale) {}

    private static final Set<Locale> SHIPPED = Set.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MessageSource messages;
    private final Map<Key, CodeLabel> known = new ConcurrentHashMap<>();

    CodeLabels(MessageSource messages) {
        this.messages = messages;
    }

    public CodeLabel of(CodeTable value, Locale locale) {
        if (!SHIPPED.contains(locale)) {
            return lookUp(value, locale);
        }
        return known.computeIfAbsent(new Key(value, locale), key -> lookUp(value, locale));
    }

    private CodeLabel lookUp(CodeTable value, Locale locale) {
        return new CodeLabel(value.code(), messages.getMessage(value.messageKey(), null, value.code(), locale));
    }

    public String label(CodeTable value, Locale locale) {
        return of(value, locale).label();
    }
}
