package org.zhengwu.shared.codes;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@value #ALPHABET}; the last is a MOD 31 check character.
 * Positions 9–17 carry the GB 11714 organisation code, whose own check is reported by
 * {@link #organisationCodeCheckHolds(String)} for information only — real codes fail it and are still legal.
 */
public final class UnifiedSocialCreditCode {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final int LENGTH = 18;

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORGANISATION_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private UnifiedSocialCreditCode() {}

    public static CodeCheck check(String input) {
        if (input == null || input.isBlank()) {
            return CodeCheck.invalid("", CodeDefect.BLANK);
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return CodeCheck.invalid(code, CodeDefect.WRONG_LENGTH, LENGTH, code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return CodeCheck.invalid(code, CodeDefect.ILLEGAL_CHARACTER, i + 1, String.valueOf(code.charAt(i)));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return CodeCheck.invalid(
                    code,
                    CodeDefect.CHECK_CHARACTER_MISMATCH,
                    String.valueOf(expected),
                    String.valueOf(code.charAt(LENGTH - 1)));
        }
        return CodeCheck.valid(code);
    }

    public static boolean isValid(String input) {
        return check(input).isValid();
    }

    /** The check character for the first 17 characters, which must all be in {@link #ALPHABET}. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not in the alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /**
     * Whether the embedded GB 11714 organisation code (positions 9–17) satisfies its own MOD 11 check. Informational
     * only: many legal codes (e.g. {@code 11100000000013338W}) fail it.
     */
    public static boolean organisationCodeCheckHolds(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        String organisationCode = code.substring(8, 17);
        return organisationCode.charAt(8) == organisationCodeCheckCharacter(organisationCode.substring(0, 8));
    }

    /** GB 11714 check character for an 8-character organisation code body. */
    public static char organisationCodeCheckCharacter(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int value = ORGANISATION_CODE_ALPHABET.indexOf(body8.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + body8.charAt(i) + "' is not allowed");
            }
            sum += value * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
