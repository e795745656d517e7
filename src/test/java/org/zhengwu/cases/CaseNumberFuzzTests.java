package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * 办件编号 as typed on the progress page or the workbench: a number is read only when it is one this platform could
 * have issued (20 digits with a real day, and the MOD 37,36 check character recomputed); it then survives printing
 * grouped and reading back, its parts rebuild it, and one changed character or two swapped neighbours are caught.
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
        // ISO/IEC 7064 MOD 37,36: every single substitution and every swap of two different neighbours is caught.
        int at = Math.floorMod(typed.hashCode(), 21);
        String alphabet = at == 20 ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789";
        for (char other : alphabet.toCharArray()) {
            if (other != value.charAt(at)) {
                String changed = value.substring(0, at) + other + value.substring(at + 1);
                assertThat(CaseNumber.parseOrNull(changed)).as(changed).isNull();
            }
        }
        int swap = Math.min(at, 19);
        if (value.charAt(swap) != value.charAt(swap + 1)) {
            String swapped =
                    value.substring(0, swap) + value.charAt(swap + 1) + value.charAt(swap) + value.substring(swap + 2);
            assertThat(CaseNumber.parseOrNull(swapped)).as(swapped).isNull();
        }
    }
}
