package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.zhengwu.support.FuzzMessages;

/**
 * 公民身份号码 as typed: either valid (a real province, a real birth date in range, the MOD 11-2 check character
 * recomputed) and stable under a second check, or refused with a specific, readable reason. Seeds:
 * {@code CitizenIdNumberFuzzTestsInputs}.
 */
class CitizenIdNumberFuzzTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final Set<CodeDefect> DEFECTS = Set.of(
            CodeDefect.BLANK,
            CodeDefect.WRONG_LENGTH,
            CodeDefect.ILLEGAL_CHARACTER,
            CodeDefect.UNKNOWN_PROVINCE,
            CodeDefect.INVALID_DATE,
            CodeDefect.DATE_OUT_OF_RANGE,
            CodeDefect.CHECK_CHARACTER_MISMATCH);

    @FuzzTest
    void checkIsTotalAndExact(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        CodeCheck check = CitizenIdNumber.check(typed, TODAY);
        if (check.isValid()) {
            String number = check.normalised();
            assertThat(number).isEqualTo(typed.strip().toUpperCase(Locale.ROOT));
            assertThat(number).matches("[0-9]{17}[0-9X]");
            assertThat(Provinces.isProvincePrefix(number.substring(0, 2))).isTrue();
            assertThat(CitizenIdNumber.checkCharacter(number.substring(0, 17))).isEqualTo(number.charAt(17));
            LocalDate birth = CitizenIdNumber.birthDate(number);
            assertThat(birth).isBetween(CitizenIdNumber.EARLIEST_BIRTH_DATE, TODAY);
            assertThat(CitizenIdNumber.check(number, TODAY)).isEqualTo(check);
            // MOD 11-2 catches every single changed digit.
            int at = Math.floorMod(typed.hashCode(), 17);
            for (char other = '0'; other <= '9'; other++) {
                if (other != number.charAt(at)) {
                    String changed = number.substring(0, at) + other + number.substring(at + 1);
                    assertThat(CitizenIdNumber.isValid(changed, TODAY))
                            .as(changed)
                            .isFalse();
                }
            }
            return;
        }
        assertThat(check.defect()).isIn(DEFECTS);
        FuzzMessages.assertMessage("shared", check.defect().messageKey(), check.arguments());
        switch (check.defect()) {
            case CHECK_CHARACTER_MISMATCH -> {
                String fixed =
                        check.normalised().substring(0, 17) + check.arguments().get(0);
                assertThat(CitizenIdNumber.isValid(fixed, TODAY)).as(fixed).isTrue();
            }
            case ILLEGAL_CHARACTER -> {
                int position = (Integer) check.arguments().get(0);
                assertThat(String.valueOf(check.normalised().charAt(position - 1)))
                        .isEqualTo(check.arguments().get(1));
            }
            case WRONG_LENGTH -> assertThat(check.arguments().get(1)).isNotEqualTo(CitizenIdNumber.LENGTH);
            case BLANK -> assertThat(typed).isBlank();
            default -> assertThat(check.normalised()).hasSize(CitizenIdNumber.LENGTH);
        }
    }
}
