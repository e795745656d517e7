package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules an application form's definition must meet before it is saved, imported or published, in the manner of
 * {@link GuideRules} (which runs them on a guide's form under {@code applicationForm.}). Each broken rule names the
 * element as a path of the form ({@code fields[2].options[0].code}) and a message key with its values.
 */
public final class ApplicationFormRules {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    public static final Pattern OPTION_CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    public static final int MAX_LABEL = GuideRules.MAX_NAME;
    public static final int MAX_HINT = 500;
    public static final int MAX_OPTIONS = 100;

    private final List<GuideRules.Violation> violations = new ArrayList<>();

    private ApplicationFormRules() {}

    public static List<GuideRules.Violation> check(ApplicationForm form) {
        ApplicationFormRules rules = new ApplicationFormRules();
        rules.checkForm(form);
        return List.copyOf(rules.violations);
    }

    private void checkForm(ApplicationForm form) {
        List<FormField> fields = form.fields();
        if (fields.size() > ApplicationForm.MAX_FIELDS) {
            add("fields", "applicationForm.rule.too-many-fields", ApplicationForm.MAX_FIELDS, fields.size());
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key() != null) {
                positions.putIfAbsent(fields.get(i).key(), i);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            checkField(fields, i, positions);
        }
    }

    private void checkField(List<FormField> fields, int index, Map<String, Integer> positions) {
        FormField field = fields.get(index);
        String path = "fields[" + index + "].";
        if (blank(field.key())) {
            add(path + "key", "validation.required");
        } else if (!KEY.matcher(field.key()).matches()) {
            add(path + "key", "applicationForm.rule.key");
        } else if (positions.get(field.key()) < index) {
            add(path + "key", "applicationForm.rule.key-repeated", positions.get(field.key()) + 1);
        }
        text(path + "labelZh", field.labelZh(), MAX_LABEL, true);
        text(path + "labelEn", field.labelEn(), MAX_LABEL, true);
        text(path + "hintZh", field.hintZh(), MAX_HINT, false);
        text(path + "hintEn", field.hintEn(), MAX_HINT, false);
        FieldType type = field.type();
        if (type == null) {
            add(path + "type", "validation.choose");
        }
        if (field.required() && field.requiredWhen() != null) {
            add(path + "required", "applicationForm.rule.required-and-conditional");
        }
        condition(path + "requiredWhen", field.requiredWhen(), fields, index, positions);
        condition(path + "shownWhen", field.shownWhen(), fields, index, positions);
        if (type != null) {
            checkText(path, field, type);
            checkOptions(path, field, type);
        }
        if (field.prefill() != null && type != null && field.prefill().fieldType() != type) {
            add(path + "prefill", "applicationForm.rule.prefill-type");
        }
    }

    private void checkText(String path, FormField field, FieldType type) {
        if (field.maxLength() != null) {
            if (!type.freeText()) {
                add(path + "maxLength", "applicationForm.rule.length-for-text");
            } else {
                int limit = type == FieldType.TEXT ? FormField.MAX_TEXT_LENGTH : FormField.MAX_TEXTAREA_LENGTH;
                if (field.maxLength() < 1 || field.maxLength() > limit) {
                    add(path + "maxLength", "validation.range", 1, limit);
                }
            }
        }
        if (field.pattern() != null && !field.pattern().isEmpty()) {
            if (type != FieldType.TEXT) {
                add(path + "pattern", "applicationForm.rule.pattern-for-text");
            } else {
                int length = field.maxLength() == null
                        ? FormField.DEFAULT_TEXT_LENGTH
                        : Math.max(1, Math.min(field.maxLength(), FormField.MAX_TEXT_LENGTH));
                SafePattern.check(field.pattern(), length)
                        .ifPresent(r -> violations.add(
                                new GuideRules.Violation(path + "pattern", r.messageKey(), r.arguments())));
            }
        }
    }

    private void checkOptions(String path, FormField field, FieldType type) {
        List<FormField.Option> options = field.options();
        if (type != FieldType.CHOICE) {
            if (!options.isEmpty()) {
                add(path + "options", "applicationForm.rule.options-for-choice");
            }
            return;
        }
        if (options.size() < 2) {
            add(path + "options", "applicationForm.rule.options");
        } else if (options.size() > MAX_OPTIONS) {
            add(path + "options", "applicationForm.rule.too-many-options", MAX_OPTIONS);
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int j = 0; j < options.size(); j++) {
            FormField.Option option = options.get(j);
            String at = path + "options[" + j + "].";
            if (blank(option.code()) || !OPTION_CODE.matcher(option.code()).matches()) {
                add(at + "code", "applicationForm.rule.option-code", j + 1, option.code() == null ? "" : option.code());
            } else {
                Integer first = codes.putIfAbsent(option.code(), j);
                if (first != null) {
                    add(at + "code", "applicationForm.rule.option-code-repeated", j + 1, option.code(), first + 1);
                }
            }
            if (blank(option.labelZh()) || option.labelZh().strip().length() > MAX_LABEL) {
                add(at + "labelZh", "applicationForm.rule.option-label", j + 1, MAX_LABEL);
            }
            if (blank(option.labelEn()) || option.labelEn().strip().length() > MAX_LABEL) {
                add(at + "labelEn", "applicationForm.rule.option-label", j + 1, MAX_LABEL);
            }
        }
    }

    /** A condition names an earlier closed field (a choice or a box) and one of its values. */
    private void condition(
            String path,
            FormField.Condition condition,
            List<FormField> fields,
            int index,
            Map<String, Integer> positions) {
        if (condition == null) {
            return;
        }
        if (blank(condition.field())) {
            add(path + ".field", "validation.required");
            return;
        }
        Integer named = positions.get(condition.field());
        if (named == null) {
            add(path + ".field", "applicationForm.rule.condition-unknown", condition.field());
            return;
        }
        if (named >= index) {
            add(
                    path + ".field",
                    named == index ? "applicationForm.rule.condition-self" : "applicationForm.rule.condition-later",
                    condition.field());
            return;
        }
        FormField other = fields.get(named);
        if (other.type() == null || !other.type().closed()) {
            add(path + ".field", "applicationForm.rule.condition-closed", condition.field());
            return;
        }
        List<String> values = other.type() == FieldType.CHECKBOX
                ? List.of("true", "false")
                : other.options().stream()
                        .filter(o -> o.code() != null)
                        .map(FormField.Option::code)
                        .toList();
        if (blank(condition.value())) {
            add(path + ".value", "validation.required");
        } else if (!values.contains(condition.value())) {
            add(path + ".value", "applicationForm.rule.condition-value", condition.value(), String.join("、", values));
        }
    }

    private void text(String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                add(field, "validation.required");
            }
        } else if (value.strip().length() > max) {
            add(field, "validation.too-long", max);
        }
    }

    private void add(String field, String key, Object... arguments) {
        violations.add(new GuideRules.Violation(field, key, List.of(arguments)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
