package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "340102199001010014", "34010419800229001X", "340104202611220016"})
    void acceptsValidNumbers(String number) {
        assertThat(CitizenIdNumber.check(number, TODAY).isValid()).as(number).isTrue();
    }

    @Test
    void normalisesLowerCaseX() {
        CodeCheck check = CitizenIdNumber.check(" 11010519491231002x", TODAY);
        assertThat(check.isValid()).isTrue();
        assertThat(check.normalised()).isEqualTo("11010519491231002X");
    }

    @Test
    void rejectsWrongCheckCharacter() {
        CodeCheck check = CitizenIdNumber.check("110105194912310021", TODAY);
        assertThat(check.defect()).isEqualTo(CodeDefect.CHECK_CHARACTER_MISMATCH);
        assertThat(check.arguments()).containsExactly("X", "1");
    }

    @ParameterizedTest
    @CsvSource({
        "'',                  BLANK",
        "11010519491231002,   WRONG_LENGTH",
        "110105491231002,     WRONG_LENGTH",
        "1101051949123100200, WRONG_LENGTH",
        "1101051949123100A2X, WRONG_LENGTH",
        "11010519491231A02X,  ILLEGAL_CHARACTER",
        "110105194912310Y2X,  ILLEGAL_CHARACTER",
        "11010519491231002Y,  ILLEGAL_CHARACTER",
        "X10105194912310021,  ILLEGAL_CHARACTER",
        "990105194912310021,  UNKNOWN_PROVINCE",
        "000105194912310021,  UNKNOWN_PROVINCE",
        "110105194902300021,  INVALID_DATE",
        "110105190002290021,  INVALID_DATE",
        "110105194913010021,  INVALID_DATE",
        "110105194900010021,  INVALID_DATE",
        "340102202611230019,  DATE_OUT_OF_RANGE",
        "340102188912310019,  DATE_OUT_OF_RANGE",
    })
    void rejectsMalformedNumbers(String number, CodeDefect defect) {
        assertThat(CitizenIdNumber.check(number, TODAY).defect()).as(number).isEqualTo(defect);
    }

    @Test
    void leapDayOnlyInLeapYears() {
        String body = "34010420000229001";
        assertThat(CitizenIdNumber.check(body + CitizenIdNumber.checkCharacter(body), TODAY)
                        .isValid())
                .isTrue();
        String notLeap = "34010419000229001";
        assertThat(CitizenIdNumber.check(notLeap + CitizenIdNumber.checkCharacter(notLeap), TODAY)
                        .defect())
                .isEqualTo(CodeDefect.INVALID_DATE);
    }

    @Test
    void everySingleDigitSubstitutionIsDetected() {
        Random random = new Random(11643);
        for (int n = 0; n < 300; n++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
            String body = "340104" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String number = body + CitizenIdNumber.checkCharacter(body);
            assertThat(CitizenIdNumber.check(number, TODAY).isValid())
                    .as(number)
                    .isTrue();
            assertThat(CitizenIdNumber.birthDate(number)).isEqualTo(birth);
            for (int position = 14; position < 18; position++) {
                for (char d : "0123456789X".toCharArray()) {
                    if (d == number.charAt(position) || (d == 'X' && position != 17)) {
                        continue;
                    }
                    String altered = number.substring(0, position) + d + number.substring(position + 1);
                    assertThat(CitizenIdNumber.check(altered, TODAY).isValid())
                            .as(altered)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void bornTodayIsValidBornTomorrowIsNot() {
        String today = "340104" + "20261122" + "001";
        String tomorrow = "340104" + "20261123" + "001";
        assertThat(CitizenIdNumber.check(today + CitizenIdNumber.checkCharacter(today), TODAY)
                        .isValid())
                .isTrue();
        assertThat(CitizenIdNumber.check(tomorrow + CitizenIdNumber.checkCharacter(tomorrow), TODAY)
                        .defect())
                .isEqualTo(CodeDefect.DATE_OUT_OF_RANGE);
    }
}
