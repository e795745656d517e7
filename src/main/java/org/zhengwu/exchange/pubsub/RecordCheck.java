package org.zhengwu.exchange.pubsub;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.zhengwu.exchange.pubsub.ResourceItems.Item;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.codes.DivisionRegister;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * 数据质量: a published change record checked against its resource's info items — no unknown field, each value of
 * its item's type and length, and the item's rules (required, enumeration, pattern, national-code check). Pure: the
 * day and the division register are given.
 */
final class RecordCheck {

    static final int MAX_KEY_LENGTH = 200;
    static final String PREFIX = "exchange.pubsub.reject.";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    enum Operation {
        INSERT,
        UPDATE,
        DELETE
    }

    private RecordCheck() {}

    /** The problems of one record, in the order found; none when it may be accepted. */
    static List<Rejection> check(
            int index, ChangeInput change, Resource resource, LocalDate today, DivisionRegister divisions) {
        List<Rejection> problems = new ArrayList<>();
        if (change == null) {
            problems.add(Rejection.of(index, null, PREFIX + "empty"));
            return problems;
        }
        Operation operation = operation(change.operation());
        if (operation == null) {
            problems.add(Rejection.of(index, "operation", PREFIX + "operation", String.valueOf(change.operation())));
        }
        if (change.version() == null || change.version() < 0) {
            problems.add(Rejection.of(index, "version", PREFIX + "version"));
        }
        String key = change.key();
        if (key == null || key.isBlank()) {
            problems.add(Rejection.of(index, "key", PREFIX + "key.missing"));
        } else if (key.length() > MAX_KEY_LENGTH) {
            problems.add(Rejection.of(index, "key", PREFIX + "length", MAX_KEY_LENGTH));
        } else {
            resource.keyItem().ifPresent(item -> value(index, item, key, today, divisions, problems));
        }
        Map<String, Object> fields = change.fields() == null ? Map.of() : change.fields();
        for (String field : fields.keySet()) {
            if (!resource.items().containsKey(field)) {
                problems.add(Rejection.of(index, field, PREFIX + "unknown-field", field));
            }
        }
        if (operation == Operation.DELETE) {
            return problems;
        }
        for (Item item : resource.items().values()) {
            Object value = fields.get(item.field());
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (item.rules().required()) {
                    problems.add(Rejection.of(index, item.field(), PREFIX + "required"));
                }
                continue;
            }
            if (item.key() && !String.valueOf(value).equals(key)) {
                problems.add(Rejection.of(index, item.field(), PREFIX + "key.differs"));
                continue;
            }
            value(index, item, value, today, divisions, problems);
        }
        return problems;
    }

    static Operation operation(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Operation.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void value(
            int index, Item item, Object value, LocalDate today, DivisionRegister divisions, List<Rejection> problems) {
        String field = item.field();
        String type = item.dataType();
        String text;
        switch (type) {
            case "STRING" -> {
                if (!(value instanceof String s)) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = s;
                if (item.length() != null && text.codePointCount(0, text.length()) > item.length()) {
                    problems.add(Rejection.of(index, field, PREFIX + "length", item.length()));
                    return;
                }
            }
            case "INTEGER" -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = value.toString();
                if (item.length() != null && text.replace("-", "").length() > item.length()) {
                    problems.add(Rejection.of(index, field, PREFIX + "length", item.length()));
                    return;
                }
            }
            case "DECIMAL" -> {
                if (!(value instanceof Number)) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            }
            case "BOOLEAN" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = value.toString();
            }
            case "DATE" -> {
                try {
                    LocalDate.parse((String) value);
                } catch (ClassCastException | DateTimeParseException e) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = (String) value;
            }
            case "DATETIME" -> {
                try {
                    OffsetDateTime.parse((String) value);
                } catch (ClassCastException | DateTimeParseException e) {
                    problems.add(Rejection.of(index, field, PREFIX + "type", type));
                    return;
                }
                text = (String) value;
            }
            default -> {
                problems.add(Rejection.of(index, field, PREFIX + "type", type));
                return;
            }
        }
        ResourceItems.Rules rules = item.rules();
        if (!rules.enumeration().isEmpty() && !rules.enumeration().contains(text)) {
            problems.add(Rejection.of(index, field, PREFIX + "enumeration", String.join(", ", rules.enumeration())));
            return;
        }
        if (rules.pattern() != null && !matches(rules.pattern(), text)) {
            problems.add(Rejection.of(index, field, PREFIX + "pattern"));
            return;
        }
        if (rules.code() != null) {
            CodeCheck check = switch (rules.code()) {
                case "CITIZEN_ID" -> CitizenIdNumber.check(text, today);
                case "USCC" -> UnifiedSocialCreditCode.check(text);
                case "DIVISION" -> DivisionCode.check(text, today, divisions);
                default -> null;
            };
            if (check != null && !check.isValid()) {
                problems.add(new Rejection(index, field, check.defect().messageKey(), List.of(check.argumentArray())));
            }
        }
    }

    /** The whole value matches; a pattern the catalogue could not compile matches nothing. */
    private static boolean matches(String pattern, String text) {
        Pattern compiled = PATTERNS.computeIfAbsent(pattern, p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                return Pattern.compile("(?!)");
            }
        });
        return compiled.matcher(text).matches();
    }
}
