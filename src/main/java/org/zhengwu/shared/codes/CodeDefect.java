package org.zhengwu.shared.codes;

/**
 * Why a code was refused. Each defect has a message in the bundles under {@code code.defect.<NAME>}; the
 * arguments of {@link CodeCheck#arguments()} fill its placeholders.
 */
public enum CodeDefect {
    /** Nothing was entered. */
    BLANK(Kind.FORMAT),
    /** Not the required number of characters; arguments: expected length, actual length. */
    WRONG_LENGTH(Kind.FORMAT),
    /** A character outside the code's alphabet; arguments: position (1-based), the character. */
    ILLEGAL_CHARACTER(Kind.FORMAT),
    /** The date part is not a real calendar date; argument: the date digits. */
    INVALID_DATE(Kind.FORMAT),
    /** The date part lies in the future or implausibly far back; argument: the date. */
    DATE_OUT_OF_RANGE(Kind.FORMAT),
    /** The first two digits are no province-level division; argument: the digits. */
    UNKNOWN_PROVINCE(Kind.FORMAT),
    /** A 6-digit division code whose level digits are inconsistent (e.g. 340010); argument: the code. */
    MALFORMED_DIVISION(Kind.FORMAT),
    /** The division code is not in the register at all; argument: the code. */
    UNKNOWN_DIVISION(Kind.REGISTER),
    /** The division code exists but was not in force on the date asked; arguments: code, date. */
    DIVISION_NOT_EFFECTIVE(Kind.REGISTER),
    /** One segment of a composite code holds a value its code table does not know; arguments: segment, value. */
    INVALID_SEGMENT(Kind.FORMAT),
    /** The check character does not match; arguments: expected, found. */
    CHECK_CHARACTER_MISMATCH(Kind.CHECK);

    /** How bad a defect is: format errors are always refused, check failures may be overridden for legacy codes. */
    public enum Kind {
        FORMAT,
        CHECK,
        REGISTER
    }

    private final Kind kind;

    CodeDefect(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return "code.defect." + name();
    }
}
