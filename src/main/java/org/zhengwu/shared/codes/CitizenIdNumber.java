package org.zhengwu.shared.codes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit division of first registration, birth date {@code YYYYMMDD}, 3-digit
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character. A lower-case {@code x} is
 * normalised to {@code X}. The division part is checked only for a real province prefix: numbers keep the code in
 * force when they were issued, which may since have been abolished.
 */
public final class CitizenIdNumber {

    public static final int LENGTH = 18;
    /** Nobody alive was born before this; an earlier date is a typing error. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1890, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private CitizenIdNumber() {}

    /** Checks the number against today's date in China. */
    public static CodeCheck check(String input, LocalDate today) {
        if (input == null || input.isBlank()) {
            return CodeCheck.invalid("", CodeDefect.BLANK);
        }
        String number = input.strip().toUpperCase(Locale.ROOT);
        if (number.length() != LENGTH) {
            return CodeCheck.invalid(number, CodeDefect.WRONG_LENGTH, LENGTH, number.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(number.charAt(i))) {
                return CodeCheck.invalid(number, CodeDefect.ILLEGAL_CHARACTER, i + 1, String.valueOf(number.charAt(i)));
            }
        }
        char last = number.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            return CodeCheck.invalid(number, CodeDefect.ILLEGAL_CHARACTER, LENGTH, String.valueOf(last));
        }
        String province = number.substring(0, 2);
        if (!Provinces.isProvincePrefix(province)) {
            return CodeCheck.invalid(number, CodeDefect.UNKNOWN_PROVINCE, province);
        }
        String dateDigits = number.substring(6, 14);
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(dateDigits.substring(0, 4)),
                    Integer.parseInt(dateDigits.substring(4, 6)),
                    Integer.parseInt(dateDigits.substring(6, 8)));
        } catch (DateTimeException e) {
            return CodeCheck.invalid(number, CodeDefect.INVALID_DATE, dateDigits);
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH_DATE)) {
            return CodeCheck.invalid(number, CodeDefect.DATE_OUT_OF_RANGE, birth.toString());
        }
        char expected = checkCharacter(number.substring(0, LENGTH - 1));
        if (last != expected) {
            return CodeCheck.invalid(
                    number, CodeDefect.CHECK_CHARACTER_MISMATCH, String.valueOf(expected), String.valueOf(last));
        }
        return CodeCheck.valid(number);
    }

    public static boolean isValid(String input, LocalDate today) {
        return check(input, today).isValid();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("'" + c + "' is not a digit");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date of a valid number. */
    public static LocalDate birthDate(String validNumber) {
        return LocalDate.of(
                Integer.parseInt(validNumber.substring(6, 10)),
                Integer.parseInt(validNumber.substring(10, 12)),
                Integer.parseInt(validNumber.substring(12, 14)));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
