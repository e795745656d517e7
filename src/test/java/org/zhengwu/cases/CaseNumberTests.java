package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseNumberTests {

    @Test
    void theCheckIsIso7064Mod3736AsTheLicenceIdentifiersUseIt() {
        // The known answer of GB/T 36904 (issue 11): the four data segments of
        // 1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001 check to U, version 002 to S.
        assertThat(CaseNumber.checkCharacter("11100000000013338W01111430000006122244L20230000403001"))
                .isEqualTo('U');
        assertThat(CaseNumber.checkCharacter("11100000000013338W01111430000006122244L20230000403002"))
                .isEqualTo('S');
    }

    @Test
    void aNumberCarriesDivisionDaySequenceAndCheck() {
        CaseNumber number = CaseNumber.of("340100", LocalDate.of(2026, 12, 4), 123);
        assertThat(number.value()).hasSize(21).startsWith("34010020261204000123");
        assertThat(number.divisionCode()).isEqualTo("340100");
        assertThat(number.day()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(number.grouped()).matches("340100-20261204-000123-[0-9A-Z]");
        assertThat(CaseNumber.parseOrNull(number.grouped().toLowerCase())).isEqualTo(number);
        assertThat(CaseNumber.parseOrNull(" " + number.value() + " ")).isEqualTo(number);
    }

    @Test
    void everySingleMistypeAndEveryNeighbourSwapIsCaught() {
        String good = CaseNumber.of("341102", LocalDate.of(2026, 2, 28), 98_765).value();
        String characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < good.length(); i++) {
            for (char c : characters.toCharArray()) {
                if (c == good.charAt(i) || (i < 20 && !Character.isDigit(c))) {
                    continue;
                }
                String typo = good.substring(0, i) + c + good.substring(i + 1);
                assertThat(CaseNumber.isWellFormed(typo)).as(typo).isFalse();
            }
        }
        for (int i = 0; i + 1 < good.length(); i++) {
            if (good.charAt(i) == good.charAt(i + 1)) {
                continue;
            }
            String swapped = good.substring(0, i) + good.charAt(i + 1) + good.charAt(i) + good.substring(i + 2);
            assertThat(CaseNumber.isWellFormed(swapped)).as(swapped).isFalse();
        }
    }

    @Test
    void malformedInputIsRefused() {
        assertThat(CaseNumber.parseOrNull(null)).isNull();
        assertThat(CaseNumber.parseOrNull("")).isNull();
        assertThat(CaseNumber.parseOrNull("3401002026120400012")).isNull();
        assertThat(CaseNumber.parseOrNull("x40100202612040001230")).isNull();
        assertThatThrownBy(() -> CaseNumber.of("34010", LocalDate.of(2026, 1, 5), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumber.of("340100", LocalDate.of(2026, 1, 5), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumber.of("340100", LocalDate.of(2026, 1, 5), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
