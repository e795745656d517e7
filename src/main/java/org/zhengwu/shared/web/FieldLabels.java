package org.zhengwu.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names a form field in words for an error summary, so that "此项为必填项" reads "办理结果：此项为必填项" there. A
 * property path like {@code guide.materials[2].name} is looked up as {@code field.materials.name} with the row
 * number (3) as its argument; the form prefix {@code guide.} is ignored. Where one name means different things on
 * different forms, the form's own key {@code field.<form>.<path>} (e.g. {@code field.enterprise.name}) comes first.
 * Templates call it as {@code @fieldLabels}.
 */
@Component("fieldLabels")
public class FieldLabels {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final MessageSource messages;

    FieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The field's name followed by a separator, or an empty string when the field has no name in the bundles. */
    public String prefix(String path, Locale locale) {
        return prefix(null, path, locale);
    }

    /** As {@link #prefix(String, Locale)}, looking first for the name the form gives the field. */
    public String prefix(String form, String path, Locale locale) {
        String field = path.startsWith("guide.") ? path.substring("guide.".length()) : path;
        List<Object> rows = new ArrayList<>();
        Matcher matcher = INDEX.matcher(field);
        while (matcher.find()) {
            rows.add(Integer.parseInt(matcher.group(1)) + 1);
        }
        String key = INDEX.matcher(field).replaceAll("");
        String label = form == null ? "" : messages.getMessage("field." + form + "." + key, rows.toArray(), "", locale);
        if (label.isEmpty()) {
            label = messages.getMessage("field." + key, rows.toArray(), "", locale);
        }
        return label.isEmpty() ? "" : label + messages.getMessage("field.separator", null, "：", locale);
    }
}
