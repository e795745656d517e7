package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "11100000000013338W", "91340100MA2N0Q0D4W", " 91350100m000100y43 "})
    void acceptsValidCodes(String code) {
        CodeCheck check = UnifiedSocialCreditCode.check(code);
        assertThat(check.isValid()).as(code).isTrue();
        assertThat(check.normalised()).isEqualTo(code.strip().toUpperCase());
    }

    @Test
    void rejectsWrongCheckCharacterAndNamesTheExpectedOne() {
        CodeCheck check = UnifiedSocialCreditCode.check("91350100M000100Y44");
        assertThat(check.defect()).isEqualTo(CodeDefect.CHECK_CHARACTER_MISMATCH);
        assertThat(check.isCheckFailureOnly()).isTrue();
        assertThat(check.arguments()).containsExactly("3", "4");
    }

    @ParameterizedTest
    @CsvSource({
        "'',                     BLANK",
        "'   ',                  BLANK",
        "91350100M000100Y4,      WRONG_LENGTH",
        "91350100M000100Y433,    WRONG_LENGTH",
        "91350100I000100Y43,     ILLEGAL_CHARACTER",
        "91350100O000100Y43,     ILLEGAL_CHARACTER",
        "91350100S000100Y43,     ILLEGAL_CHARACTER",
        "91350100V000100Y43,     ILLEGAL_CHARACTER",
        "91350100Z000100Y43,     ILLEGAL_CHARACTER",
        "91350100-000100Y43,     ILLEGAL_CHARACTER",
        "９1350100M000100Y43,    ILLEGAL_CHARACTER",
    })
    void rejectsMalformedCodesAsFormatErrors(String code, CodeDefect defect) {
        CodeCheck check = UnifiedSocialCreditCode.check(code);
        assertThat(check.defect()).as(code).isEqualTo(defect);
        assertThat(check.isCheckFailureOnly()).isFalse();
        assertThat(defect.kind()).isEqualTo(CodeDefect.Kind.FORMAT);
    }

    @Test
    void nullIsBlank() {
        assertThat(UnifiedSocialCreditCode.check(null).defect()).isEqualTo(CodeDefect.BLANK);
    }

    @Test
    void illegalCharacterReportsItsPosition() {
        CodeCheck check = UnifiedSocialCreditCode.check("91350100I000100Y43");
        assertThat(check.arguments()).containsExactly(9, "I");
    }

    @Test
    void lengthErrorReportsExpectedAndActual() {
        assertThat(UnifiedSocialCreditCode.check("9135").arguments()).containsExactly(18, 4);
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        Random random = new Random(32100);
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int n = 0; n < 200; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String code = body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString());
            assertThat(UnifiedSocialCreditCode.isValid(code)).as(code).isTrue();
            for (int position = 0; position < 18; position++) {
                for (int k = 0; k < alphabet.length(); k++) {
                    char replacement = alphabet.charAt(k);
                    if (replacement == code.charAt(position)) {
                        continue;
                    }
                    String altered = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(UnifiedSocialCreditCode.isValid(altered))
                            .as(altered)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void checkCharacterWrapsThirtyOneToZero() {
        // Find a body whose weighted sum is divisible by 31: its check character must be '0', not out of range.
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        Random random = new Random(7);
        boolean seen = false;
        for (int n = 0; n < 20_000 && !seen; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            char check = UnifiedSocialCreditCode.checkCharacter(body.toString());
            assertThat(alphabet.indexOf(check)).isBetween(0, 30);
            seen = check == '0';
        }
        assertThat(seen).isTrue();
    }

    @Test
    void organisationCodeCheckIsInformationalOnly() {
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckHolds("91350100M000100Y43"))
                .isTrue();
        // Codes issued since 2015 ("MA…") need not carry a GB 11714 check, yet the credit code itself is valid.
        assertThat(UnifiedSocialCreditCode.isValid("91340100MA2N0Q0D4W")).isTrue();
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckHolds("91340100MA2N0Q0D4W"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"D2143569, X", "00000001, 9", "12345678, 8", "M0001000, 6", "M000100Y, 4"})
    void organisationCodeCheckCharacter(String body, char check) {
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckCharacter(body)).isEqualTo(check);
    }

    @Test
    void checkCharacterRefusesBadInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("123"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9135010OM000100Y4"));
    }
}
