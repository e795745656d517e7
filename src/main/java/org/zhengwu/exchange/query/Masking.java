package org.zhengwu.exchange.query;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.zhengwu.exchange.resource.DataType;

/**
 * How a sensitive field not granted in clear is served, by data type (docs/SHARING.md § Masking):
 *
 * <ul>
 *   <li>STRING that is a code (digits and capital letters, 9 characters or more: 公民身份号码, 统一社会信用代码): the first
 *       4 and last 4 characters kept, each other one a star, as the licences' holder codes are masked;
 *   <li>other STRING up to 8 characters (a name): the first character kept, each other one a star;
 *   <li>other STRING (an address): the first 6 characters kept and four stars;
 *   <li>DATE: the year kept, month and day starred (1990-**-**); DATETIME likewise;
 *   <li>INTEGER, DECIMAL, BOOLEAN: nothing (null): a masked number or truth would still tell.
 * </ul>
 */
final class Masking {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{9,}");

    private Masking() {}

    static Object masked(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> maskedText(value.toString());
            case DATE, DATETIME -> {
                String text = value instanceof LocalDate d ? d.toString() : value.toString();
                yield text.length() >= 4 ? text.substring(0, 4) + "-**-**" : "****";
            }
            case INTEGER, DECIMAL, BOOLEAN -> null;
        };
    }

    static String maskedText(String text) {
        int n = text.codePointCount(0, text.length());
        if (n == 0) {
            return text;
        }
        if (CODE.matcher(text).matches()) {
            return text.substring(0, 4) + "*".repeat(n - 8) + text.substring(text.length() - 4);
        }
        if (n <= 8) {
            int first = text.offsetByCodePoints(0, 1);
            return text.substring(0, first) + "*".repeat(n - 1);
        }
        return text.substring(0, text.offsetByCodePoints(0, 6)) + "****";
    }
}
