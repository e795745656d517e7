package org.zhengwu.cases.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One figure of a statistics table: a count, a percentage or a number of working days, or null where it cannot be
 * given (a rate of nothing, an average of no case). Shown and exported alike: percentages and days with one decimal.
 */
public record Figure(Number value, Kind kind) {

    public enum Kind {
        COUNT,
        PERCENT,
        DAYS
    }

    static Figure count(long value) {
        return new Figure(value, Kind.COUNT);
    }

    /** {@code part} ÷ {@code whole} as a percentage, or no figure when {@code whole} is 0. */
    static Figure percent(long part, long whole) {
        return new Figure(whole == 0 ? null : 100.0 * part / whole, Kind.PERCENT);
    }

    static Figure days(Double value) {
        return new Figure(value, Kind.DAYS);
    }

    public boolean known() {
        return value != null;
    }

    /** The figure as text: a count as it is, the others rounded to one decimal; empty when unknown. */
    public String text() {
        if (value == null) {
            return "";
        }
        // Rounded half up from the double's shortest decimal form, as String.format's "%.1f" does, without parsing a
        // format and looking up the locale's symbols for every cell (a tenth of the page's rendering; issue 10).
        return kind == Kind.COUNT
                ? Long.toString(value.longValue())
                : new BigDecimal(Double.toString(value.doubleValue()))
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString();
    }
}
