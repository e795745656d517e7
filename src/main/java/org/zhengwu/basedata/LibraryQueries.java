package org.zhengwu.basedata;

/** The checks every query of a base library applies to its paging and division filter. */
final class LibraryQueries {

    private LibraryQueries() {}

    static void checkPaging(long afterRecordId, int limit, int maxLimit) {
        if (afterRecordId < 0) {
            throw new IllegalArgumentException("afterRecordId must not be negative: " + afterRecordId);
        }
        if (limit < 1 || limit > maxLimit) {
            throw new IllegalArgumentException("limit must be 1 to " + maxLimit + ": " + limit);
        }
    }

    static void checkDivision(String divisionCode) {
        if (divisionCode != null && !divisionCode.matches("[0123456789]{6}")) {
            throw new IllegalArgumentException("a division code is six digits: " + divisionCode);
        }
    }

    /** The lowest and highest code of a division and those below it, by the code's structure. */
    static String[] range(String divisionCode) {
        String prefix;
        if (divisionCode.endsWith("0000")) {
            prefix = divisionCode.substring(0, 2);
        } else if (divisionCode.endsWith("00")) {
            prefix = divisionCode.substring(0, 4);
        } else {
            return new String[] {divisionCode, divisionCode};
        }
        return new String[] {prefix + "0".repeat(6 - prefix.length()), prefix + "9".repeat(6 - prefix.length())};
    }
}
