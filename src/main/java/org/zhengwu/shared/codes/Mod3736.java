package org.zhengwu.shared.codes;

/**
 * ISO/IEC 7064 MOD 37,36, the hybrid check-character system over digits and capital letters (0–9 → 0–9, A–Z →
 * 10–35) that GB/T 36904 uses for 电子证照标识 and this platform uses for 办件编号. It catches every single mistyped
 * character and most swaps of two neighbours, not all: about one in 200 passes (CaseNumberFuzzTests found
 * 910000202402090000423, which with its 1 and 0 swapped is 901000202402090000423, also well formed).
 */
public final class Mod3736 {

    private static final String CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Mod3736() {}

    /** The check character of {@code data} (digits and capital letters only). */
    public static char checkCharacter(String data) {
        int p = 36;
        for (int i = 0; i < data.length(); i++) {
            int a = CHARACTERS.indexOf(data.charAt(i));
            if (a < 0) {
                throw new IllegalArgumentException("not a data character: " + data.charAt(i));
            }
            int s = (p + a) % 36;
            if (s == 0) {
                s = 36;
            }
            p = (2 * s) % 37;
        }
        return CHARACTERS.charAt((37 - p) % 36);
    }
}
