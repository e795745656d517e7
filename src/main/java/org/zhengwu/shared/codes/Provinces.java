package org.zhengwu.shared.codes;

import java.util.Set;

/** The province-level prefixes of GB/T 2260 (including 71 台湾, 81 香港, 82 澳门). */
final class Provinces {

    private static final Set<String> PREFIXES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private Provinces() {}

    static boolean isProvincePrefix(String twoDigits) {
        return PREFIXES.contains(twoDigits);
    }
}
