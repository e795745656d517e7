package org.zhengwu.catalog.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.Prefill;

/**
 * The application form editor as the browser posts it: one row of controls per field, in the order asked, with
 * spare blank rows for new fields. A choice's options are one textarea, a line per option
 * ({@code code|中文名称|English name}), which a clerk can type or paste from a spreadsheet. Blank rows and rows ticked
 * for removal are dropped by {@link #compact()} before the form is built, so that rule violations point at the rows
 * the editor sees.
 */
public class FormDefinitionForm {

    /** Separates the parts of an option's line; the full-width bar is what a Chinese keyboard types. */
    private static final Pattern BAR = Pattern.compile("[|｜]");

    private String revision;
    private List<FieldRow> fields = new ArrayList<>();

    static FormDefinitionForm of(ApplicationForm form, String revision) {
        FormDefinitionForm definition = new FormDefinitionForm();
        definition.revision = revision;
        if (form != null) {
            form.fields().forEach(f -> definition.fields.add(FieldRow.of(f)));
        }
        return definition;
    }

    /** Drops blank rows and rows ticked for removal. */
    void compact() {
        fields = new ArrayList<>(
                fields.stream().filter(r -> !r.remove && !r.isBlank()).toList());
    }

    void addSpareRows(int count) {
        for (int i = 0; i < count; i++) {
            fields.add(new FieldRow());
        }
    }

    /** Moves the row at {@code index} one place up ({@code -1}) or down ({@code +1}), where there is room. */
    void move(int index, int by) {
        int other = index + by;
        if (index >= 0 && index < fields.size() && other >= 0 && other < fields.size()) {
            Collections.swap(fields, index, other);
        }
    }

    /**
     * The form the rows describe; the problems of reading them (an option line without its three parts) are added
     * to {@code problems} as violations of the rows' fields.
     */
    ApplicationForm toForm(List<GuideRules.Violation> problems) {
        List<FormField> built = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            built.add(fields.get(i).toField("fields[" + i + "].", problems));
        }
        return new ApplicationForm(built);
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public List<FieldRow> getFields() {
        return fields;
    }

    public void setFields(List<FieldRow> fields) {
        this.fields = fields;
    }

    /** One field as a row of controls; text arrives trimmed, a blank control as null. */
    public static class FieldRow {
        private String key;
        private String labelZh;
        private String labelEn;
        private String hintZh;
        private String hintEn;
        private String type;
        private boolean required;
        private String requiredWhenField;
        private String requiredWhenValue;
        private String shownWhenField;
        private String shownWhenValue;
        private Integer maxLength;
        private String pattern;
        private String options;
        private String prefill;
        private boolean remove;

        static FieldRow of(FormField field) {
            FieldRow row = new FieldRow();
            row.key = field.key();
            row.labelZh = field.labelZh();
            row.labelEn = field.labelEn();
            row.hintZh = field.hintZh();
            row.hintEn = field.hintEn();
            row.type = field.type() == null ? null : field.type().name();
            row.required = field.required();
            if (field.requiredWhen() != null) {
                row.requiredWhenField = field.requiredWhen().field();
                row.requiredWhenValue = field.requiredWhen().value();
            }
            if (field.shownWhen() != null) {
                row.shownWhenField = field.shownWhen().field();
                row.shownWhenValue = field.shownWhen().value();
            }
            row.maxLength = field.maxLength();
            row.pattern = field.pattern();
            row.options = field.options().isEmpty()
                    ? null
                    : String.join(
                            "\n",
                            field.options().stream()
                                    .map(o -> o.code() + "|" + o.labelZh() + "|" + o.labelEn())
                                    .toList());
            row.prefill = field.prefill() == null ? null : field.prefill().name();
            return row;
        }

        boolean isBlank() {
            return key == null
                    && labelZh == null
                    && labelEn == null
                    && hintZh == null
                    && hintEn == null
                    && type == null
                    && !required
                    && requiredWhenField == null
                    && requiredWhenValue == null
                    && shownWhenField == null
                    && shownWhenValue == null
                    && maxLength == null
                    && pattern == null
                    && options == null
                    && prefill == null;
        }

        FormField toField(String path, List<GuideRules.Violation> problems) {
            FieldType fieldType = parse(FieldType.class, type);
            if (type != null && fieldType == null) {
                problems.add(new GuideRules.Violation(path + "type", "validation.choose", List.of()));
            }
            Prefill source = parse(Prefill.class, prefill);
            if (prefill != null && source == null) {
                problems.add(new GuideRules.Violation(path + "prefill", "validation.choose", List.of()));
            }
            return new FormField(
                    key,
                    labelZh,
                    labelEn,
                    hintZh,
                    hintEn,
                    fieldType,
                    required,
                    condition(requiredWhenField, requiredWhenValue),
                    condition(shownWhenField, shownWhenValue),
                    maxLength,
                    pattern,
                    options(path + "options", problems),
                    source);
        }

        private static FormField.Condition condition(String field, String value) {
            return field == null && value == null ? null : new FormField.Condition(field, value);
        }

        private List<FormField.Option> options(String path, List<GuideRules.Violation> problems) {
            List<FormField.Option> parsed = new ArrayList<>();
            if (options == null) {
                return parsed;
            }
            List<String> lines = options.lines().map(String::strip).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isEmpty()) {
                    continue;
                }
                String[] parts = BAR.split(lines.get(i), -1);
                if (parts.length != 3) {
                    problems.add(new GuideRules.Violation(path, "applicationForm.editor.options-line", List.of(i + 1)));
                    continue;
                }
                parsed.add(new FormField.Option(parts[0].strip(), parts[1].strip(), parts[2].strip()));
            }
            return parsed;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name) {
            if (name == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getLabelZh() {
            return labelZh;
        }

        public void setLabelZh(String labelZh) {
            this.labelZh = labelZh;
        }

        public String getLabelEn() {
            return labelEn;
        }

        public void setLabelEn(String labelEn) {
            this.labelEn = labelEn;
        }

        public String getHintZh() {
            return hintZh;
        }

        public void setHintZh(String hintZh) {
            this.hintZh = hintZh;
        }

        public String getHintEn() {
            return hintEn;
        }

        public void setHintEn(String hintEn) {
            this.hintEn = hintEn;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getRequiredWhenField() {
            return requiredWhenField;
        }

        public void setRequiredWhenField(String requiredWhenField) {
            this.requiredWhenField = requiredWhenField;
        }

        public String getRequiredWhenValue() {
            return requiredWhenValue;
        }

        public void setRequiredWhenValue(String requiredWhenValue) {
            this.requiredWhenValue = requiredWhenValue;
        }

        public String getShownWhenField() {
            return shownWhenField;
        }

        public void setShownWhenField(String shownWhenField) {
            this.shownWhenField = shownWhenField;
        }

        public String getShownWhenValue() {
            return shownWhenValue;
        }

        public void setShownWhenValue(String shownWhenValue) {
            this.shownWhenValue = shownWhenValue;
        }

        public Integer getMaxLength() {
            return maxLength;
        }

        public void setMaxLength(Integer maxLength) {
            this.maxLength = maxLength;
        }

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }

        public String getPrefill() {
            return prefill;
        }

        public void setPrefill(String prefill) {
            this.prefill = prefill;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }
}
