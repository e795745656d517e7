package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LicenceIdentifierTests {

    private static final String VECTOR = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void theIssuesVectorIsValidAndItsSecondVersionEndsInS() {
        LicenceIdentifier identifier = LicenceIdentifier.parse(VECTOR).orElseThrow();
        assertThat(identifier.typeCode()).isEqualTo("11100000000013338W011");
        assertThat(identifier.issuerCode()).isEqualTo("11430000006122244L");
        assertThat(identifier.number()).isEqualTo("20230000403");
        assertThat(identifier.version()).isEqualTo(1);
        assertThat(identifier.value()).isEqualTo(VECTOR);
        assertThat(identifier.withVersion(2).value())
                .isEqualTo("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S");
    }

    @Test
    void readsWhatIsTypedWithBlanksAndLowerCase() {
        assertThat(LicenceIdentifier.parse("  " + VECTOR.toLowerCase() + "\n")).isPresent();
    }

    @Test
    void aWrongCheckCharacterOrABrokenStructureIsMalformed() {
        assertThat(LicenceIdentifier.parse(VECTOR.substring(0, VECTOR.length() - 1) + "V"))
                .isEmpty();
        assertThat(LicenceIdentifier.parse(VECTOR.replace("1.2.156.3005.2.", "1.2.156.3005.3.")))
                .isEmpty();
        assertThat(LicenceIdentifier.parse(VECTOR.replace(".001.", ".01."))).isEmpty();
        assertThat(LicenceIdentifier.parse(VECTOR.replace(".001.", ".000."))).isEmpty();
        assertThat(LicenceIdentifier.parse(VECTOR.replace("W011", "W01"))).isEmpty();
        assertThat(LicenceIdentifier.parse(VECTOR + ".")).isEmpty();
        assertThat(LicenceIdentifier.parse("")).isEmpty();
        assertThat(LicenceIdentifier.parse(null)).isEmpty();
        assertThat(LicenceIdentifier.parse("1.2.156.3005.2.11100000000013338W011.11430000006122244I.20230000403.001.U"))
                .as("I is not a character of a 统一社会信用代码")
                .isEmpty();
    }

    /**
     * Every single mistyped character of a generated identifier is caught. Swaps of two neighbours are caught but for
     * a rare few: MOD 37,36 over 36 characters misses the swap of two neighbours {@code a b} when the running value
     * before them makes both orders end alike (e.g. {@code 23} ↔ {@code 32} once in about 500 swaps here).
     */
    @Test
    void everySingleMistypeAndNearlyEveryNeighbourSwapOfGeneratedIdentifiersIsCaught() {
        Random random = new Random(36904);
        int swaps = 0;
        int swapsMissed = 0;
        for (int n = 0; n < 200; n++) {
            LicenceIdentifier generated = new LicenceIdentifier(
                    "11100000000013338W" + String.format("%03d", random.nextInt(1000)),
                    "1143000000612224" + (char) ('0' + random.nextInt(10)) + "L",
                    Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000L, 36)
                            .toUpperCase(),
                    1 + random.nextInt(999));
            String value = generated.value();
            assertThat(LicenceIdentifier.parse(value)).contains(generated);
            int dataStart = LicenceIdentifier.PREFIX.length();
            for (int i = dataStart; i < value.length(); i++) {
                if (value.charAt(i) == '.') {
                    continue;
                }
                for (char c : ALPHABET.toCharArray()) {
                    if (c == value.charAt(i)) {
                        continue;
                    }
                    String typo = value.substring(0, i) + c + value.substring(i + 1);
                    assertThat(LicenceIdentifier.parse(typo)).as(typo).isEmpty();
                }
                if (i + 1 < value.length() && value.charAt(i + 1) != '.' && value.charAt(i + 1) != value.charAt(i)) {
                    String swapped =
                            value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
                    swaps++;
                    if (LicenceIdentifier.parse(swapped).isPresent()) {
                        swapsMissed++;
                    }
                }
            }
        }
        assertThat(swaps).isGreaterThan(5_000);
        assertThat((double) swapsMissed / swaps).isLessThan(0.01);
    }

    @Test
    void refusesToBuildAnIdentifierFromBadParts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LicenceIdentifier("11100000000013338W01", "11430000006122244L", "1", 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LicenceIdentifier("11100000000013338W011", "1143000000612224", "1", 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LicenceIdentifier("11100000000013338W011", "11430000006122244L", "a-1", 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LicenceIdentifier("11100000000013338W011", "11430000006122244L", "1", 1000));
    }
}
