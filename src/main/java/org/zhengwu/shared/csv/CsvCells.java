package org.zhengwu.shared.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV for spreadsheet programs (RFC 4180): every cell quoted, and a cell that a spreadsheet would run as a
 * formula — one starting with =, +, -, @, a tab or a carriage return (OWASP's list) — made plain text with a
 * leading apostrophe. Exports hold what people typed, so any cell may start with anything.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {}

    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /**
     * The value a cell written by {@link #cell} stood for: the apostrophe put before a formula's first character
     * taken off again. (A value that itself began with an apostrophe and a formula character cannot be told apart.)
     */
    public static String value(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** One line, without its line break. */
    public static String row(List<String> values) {
        return values.stream().map(CsvCells::cell).collect(Collectors.joining(","));
    }
}
