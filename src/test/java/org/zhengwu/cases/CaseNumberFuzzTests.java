package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * 办件编号 as typed on the progress page or the workbench: a number is read only when it is one this platform could
 * have issued (20 digits with a real day, and the MOD 37,36 check character recomputed); it then survives printing
 * grouped and reading back, its parts rebuild it, and one changed character is caught.
 * Anything else is "malformed" (null), never an exception. Seeds: {@code CaseNumberFuzzTestsInputs}.
 */
class CaseNumberFuzzTests {

    @FuzzTest
    void parseIsTotalAndRoundTrips(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        CaseNumber number = CaseNumber.parseOrNull(typed);
        assertThat(CaseNumber.isWellFormed(typed)).isEqualTo(number != null);
        if (number == null) {
            String compact = typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
            assertThatIllegalArgumentException().isThrownBy(() -> new CaseNumber(compact));
            return;
        }
        String value = number.value();
        assertThat(value)
                .isEqualTo(typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT))
                .matches("[0-9]{20}[0-9A-Z]");
        assertThat(CaseNumber.checkCharacter(value.substring(0, 20))).isEqualTo(value.charAt(20));
        assertThat(CaseNumber.parseOrNull(number.grouped())).isEqualTo(number);
        assertThat(CaseNumber.parseOrNull(number.grouped().toLowerCase(Locale.ROOT)))
                .isEqualTo(number);
        int sequence = Integer.parseInt(value.substring(14, 20));
        if (sequence >= 1) {
            assertThat(CaseNumber.of(number.divisionCode(), number.day(), sequence))
                    .isEqualTo(number);
        }
        // ISO/IEC 7064 MOD 37,36: every single substitution is caught. (Not every swap of two neighbours: the fuzzer
        // found 910000-20240209-000042-3, whose 10 swapped to 01 gives 901000-20240209-000042-3, also well formed;
        // about one neighbour swap in 200 passes. Seed valid-neighbour-swap-not-caught-regression.)
        int at = Math.floorMod(typed.hashCode(), 21);
        String alphabet = at == 20 ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789";
        for (char other : alphabet.toCharArray()) {
            if (other != value.charAt(at)) {
                String changed = value.substring(0, at) + other + value.substring(at + 1);
                assertThat(CaseNumber.parseOrNull(changed)).as(changed).isNull();
            }
        }
    }
}
