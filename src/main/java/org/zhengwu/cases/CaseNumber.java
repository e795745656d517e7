package org.zhengwu.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zhengwu.shared.codes.Mod3736;

/**
 * 办件编号, the number printed on the receipt: 行政区划代码 of the organisation (6 digits) + the day of submission in
 * Asia/Shanghai (yyyyMMdd) + a sequence within that division and day (6 digits) + one check character
 * (ISO/IEC 7064 MOD 37,36 over the 20 digits, written 0–9 or A–Z), 21 characters in all, e.g.
 * {@code 34010020261204000123} + check. The check character catches every single mistyped character, so such a
 * number is answered "malformed", never "not found", and most swaps of two neighbours — about one in 200 is a
 * well-formed number too ({@link Mod3736}), answered "not found" (the query code keeps it from showing another
 * person's case). Shown grouped as
 * {@code 340100-20261204-000123-K}; input may be grouped with hyphens or spaces and in lower case. See
 * docs/CASES.md.
 */
public record CaseNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{20}[0-9A-Z]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    public static final int MAX_SEQUENCE = 999_999;

    public CaseNumber {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a case number");
        }
    }

    public static CaseNumber of(String divisionCode, LocalDate day, int sequence) {
        if (divisionCode == null || !divisionCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("division code must be 6 digits");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        String data = divisionCode + DAY.format(day) + String.format(Locale.ROOT, "%06d", sequence);
        return new CaseNumber(data + checkCharacter(data));
    }

    /** Reads what a person typed: null when it is not a well-formed number with a matching check character. */
    public static CaseNumber parseOrNull(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
        return wellFormed(compact) ? new CaseNumber(compact) : null;
    }

    /**
     * The shape, a real calendar day and the check character. The day is checked so that {@link #day()} holds for
     * every number read and a number no day could have issued is malformed, not "not found" (the fuzz test's property;
     * 34010020261399000007I, day 2026-13-99 with a matching check character, used to be taken as well formed).
     */
    private static boolean wellFormed(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value.substring(6, 14), DAY);
        } catch (DateTimeParseException e) {
            return false;
        }
        return checkCharacter(value.substring(0, 20)) == value.charAt(20);
    }

    public static boolean isWellFormed(String typed) {
        return parseOrNull(typed) != null;
    }

    public String divisionCode() {
        return value.substring(0, 6);
    }

    public LocalDate day() {
        return LocalDate.parse(value.substring(6, 14), DAY);
    }

    /** Grouped for reading aloud and printing. */
    public String grouped() {
        return value.substring(0, 6) + "-" + value.substring(6, 14) + "-" + value.substring(14, 20) + "-"
                + value.charAt(20);
    }

    @Override
    public String toString() {
        return value;
    }

    /** ISO/IEC 7064 MOD 37,36, the same check as the GB/T 36904 licence identifiers. */
    static char checkCharacter(String data) {
        return Mod3736.checkCharacter(data);
    }
}
