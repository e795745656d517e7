package org.zhengwu.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.codes.CodeTable;

/**
 * The choices of a select, a group of radios or a group of checkboxes in {@code forms.html}: each a value to post
 * and a label (with an optional hint) in the reader's language. Templates call it as {@code @choices}; controllers
 * build lists of data (organisations, base items) with {@link Choice#of}.
 */
@Component("choices")
public class FormChoices {

    /** One choice: the value posted, its label, and a hint shown under it (or null). */
    public record Choice(String value, String label, String hint) {
        public static Choice of(String value, String label) {
            return new Choice(value, label, null);
        }
    }

    private final CodeLabels labels;
    private final MessageSource messages;

    FormChoices(CodeLabels labels, MessageSource messages) {
        this.labels = labels;
        this.messages = messages;
    }

    /** Code-table values: their official code posted, their label shown. */
    public List<Choice> codes(CodeTable[] values, Locale locale) {
        return Arrays.stream(values)
                .map(v -> Choice.of(v.code(), labels.label(v, locale)))
                .toList();
    }

    /** Code-table values shown with their code before the label ("01 行政许可"), where editors work by code. */
    public List<Choice> numberedCodes(CodeTable[] values, Locale locale) {
        return Arrays.stream(values)
                .map(v -> Choice.of(v.code(), v.code() + " " + labels.label(v, locale)))
                .toList();
    }

    /**
     * Values named by message keys: an enum constant posts its name, anything else its text; the label is the
     * message {@code prefix + value}, the hint the message {@code prefix + value + ".hint"} when there is one.
     */
    public List<Choice> named(Iterable<?> values, String prefix, Locale locale) {
        List<Choice> choices = new ArrayList<>();
        for (Object value : values) {
            String posted = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
            choices.add(new Choice(
                    posted,
                    messages.getMessage(prefix + posted, null, locale),
                    messages.getMessage(prefix + posted + ".hint", null, null, locale)));
        }
        return choices;
    }

    public List<Choice> named(Object[] values, String prefix, Locale locale) {
        return named(Arrays.asList(values), prefix, locale);
    }
}
