package org.zhengwu.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One question of an {@link ApplicationForm}: what the applicant sees (labels and hints in both languages) and what
 * is accepted. The rules an editor's definition must meet are {@link ApplicationFormRules}; the check of an
 * applicant's answer is {@link ApplicationFormCheck}.
 *
 * @param key         the field's name in submitted values and in cases, {@code [a-z][a-z0-9_]{0,39}}, unique in the form
 * @param labelZh     the question in Chinese
 * @param labelEn     the question in English
 * @param hintZh      an explanation under the label (the format a pattern expects, where to find a number), or null
 * @param hintEn      the same in English, or null
 * @param type        what is entered
 * @param required    always required (for a {@link FieldType#CHECKBOX}: must be ticked)
 * @param requiredWhen required only when an earlier field has a value; null when not conditional
 * @param shownWhen   asked only when an earlier field has a value (its value is dropped otherwise); null to always ask
 * @param maxLength   for text: at most this many characters (null: {@link #DEFAULT_TEXT_LENGTH} or {@link #DEFAULT_TEXTAREA_LENGTH})
 * @param pattern     for one-line text: a regular expression the whole value must match, of the safe subset
 *                    {@link SafePattern} accepts; null for none
 * @param options     for a choice: its options, in the order shown
 * @param prefill     where the first value comes from, or null
 */
public record FormField(
        String key,
        String labelZh,
        String labelEn,
        String hintZh,
        String hintEn,
        FieldType type,
        boolean required,
        Condition requiredWhen,
        Condition shownWhen,
        Integer maxLength,
        String pattern,
        List<Option> options,
        Prefill prefill) {

    public static final int DEFAULT_TEXT_LENGTH = 200;
    public static final int DEFAULT_TEXTAREA_LENGTH = 2000;
    public static final int MAX_TEXT_LENGTH = 500;
    public static final int MAX_TEXTAREA_LENGTH = 4000;

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A field asked always, with no hint, pattern, options or prefill. */
    public static FormField of(String key, String labelZh, String labelEn, FieldType type, boolean required) {
        return new FormField(key, labelZh, labelEn, null, null, type, required, null, null, null, null, null, null);
    }

    public FormField withHint(String zh, String en) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                zh,
                en,
                type,
                required,
                requiredWhen,
                shownWhen,
                maxLength,
                pattern,
                options,
                prefill);
    }

    public FormField withPrefill(Prefill source) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                hintZh,
                hintEn,
                type,
                required,
                requiredWhen,
                shownWhen,
                maxLength,
                pattern,
                options,
                source);
    }

    public FormField withOptions(List<Option> choices) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                hintZh,
                hintEn,
                type,
                required,
                requiredWhen,
                shownWhen,
                maxLength,
                pattern,
                choices,
                prefill);
    }

    public FormField shownWhen(String field, String value) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                hintZh,
                hintEn,
                type,
                required,
                requiredWhen,
                new Condition(field, value),
                maxLength,
                pattern,
                options,
                prefill);
    }

    public FormField requiredWhen(String field, String value) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                hintZh,
                hintEn,
                type,
                required,
                new Condition(field, value),
                shownWhen,
                maxLength,
                pattern,
                options,
                prefill);
    }

    public FormField withText(Integer length, String regex) {
        return new FormField(
                key,
                labelZh,
                labelEn,
                hintZh,
                hintEn,
                type,
                required,
                requiredWhen,
                shownWhen,
                length,
                regex,
                options,
                prefill);
    }

    /** The label in the reader's language (Chinese where no English one is given). */
    public String label(Locale locale) {
        return inLanguage(labelZh, labelEn, locale);
    }

    /** The hint in the reader's language, or null. */
    public String hint(Locale locale) {
        String hint = inLanguage(hintZh, hintEn, locale);
        return hint == null || hint.isBlank() ? null : hint;
    }

    /** The option with this code. */
    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** The longest value accepted: the editor's limit for text, else what the type allows. */
    public int lengthLimit() {
        if (maxLength != null && type != null && type.freeText()) {
            return maxLength;
        }
        return type == FieldType.TEXTAREA ? DEFAULT_TEXTAREA_LENGTH : DEFAULT_TEXT_LENGTH;
    }

    static String inLanguage(String zh, String en, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && en != null && !en.isBlank() ? en : zh;
    }

    /**
     * "Another field's value is": the field named by its key (an earlier {@link FieldType#CHOICE} or
     * {@link FieldType#CHECKBOX}) has the option code {@code value} ({@code true} or {@code false} for a box).
     */
    public record Condition(String field, String value) {}

    /** One option of a choice: a short code (what is stored) and what is shown. */
    public record Option(String code, String labelZh, String labelEn) {

        public String label(Locale locale) {
            return inLanguage(labelZh, labelEn, locale);
        }
    }
}
