package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.zhengwu.support.FuzzMessages;

/**
 * 统一社会信用代码 as typed: any text is either a valid code that recomputes its own check character and survives a
 * second check unchanged, or a refusal with a specific, readable reason. Seeds: {@code UnifiedSocialCreditCodeFuzzTestsInputs}.
 */
class UnifiedSocialCreditCodeFuzzTests {

    private static final Set<CodeDefect> DEFECTS = Set.of(
            CodeDefect.BLANK,
            CodeDefect.WRONG_LENGTH,
            CodeDefect.ILLEGAL_CHARACTER,
            CodeDefect.CHECK_CHARACTER_MISMATCH);

    @FuzzTest
    void checkIsTotalAndExact(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        CodeCheck check = UnifiedSocialCreditCode.check(typed);
        if (check.isValid()) {
            String code = check.normalised();
            assertThat(code).isEqualTo(typed.strip().toUpperCase(Locale.ROOT));
            assertThat(code).hasSize(UnifiedSocialCreditCode.LENGTH);
            assertThat(code.chars()).allMatch(c -> UnifiedSocialCreditCode.ALPHABET.indexOf(c) >= 0);
            assertThat(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17)))
                    .isEqualTo(code.charAt(17));
            assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(check);
            // MOD 31 over a prime modulus with weights prime to it: every single changed character is caught.
            int at = Math.floorMod(typed.hashCode(), UnifiedSocialCreditCode.LENGTH);
            for (char other : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
                if (other != code.charAt(at)) {
                    String changed = code.substring(0, at) + other + code.substring(at + 1);
                    assertThat(UnifiedSocialCreditCode.isValid(changed))
                            .as(changed)
                            .isFalse();
                }
            }
            return;
        }
        assertThat(check.defect()).isIn(DEFECTS);
        FuzzMessages.assertMessage("shared", check.defect().messageKey(), check.arguments());
        switch (check.defect()) {
            case ILLEGAL_CHARACTER -> {
                int position = (Integer) check.arguments().get(0);
                assertThat(String.valueOf(check.normalised().charAt(position - 1)))
                        .isEqualTo(check.arguments().get(1));
                assertThat(UnifiedSocialCreditCode.ALPHABET)
                        .doesNotContain((String) check.arguments().get(1));
            }
            case CHECK_CHARACTER_MISMATCH -> {
                String fixed =
                        check.normalised().substring(0, 17) + check.arguments().get(0);
                assertThat(UnifiedSocialCreditCode.isValid(fixed)).as(fixed).isTrue();
                assertThat(check.isCheckFailureOnly()).isTrue();
            }
            case WRONG_LENGTH -> assertThat(check.arguments().get(1)).isNotEqualTo(UnifiedSocialCreditCode.LENGTH);
            default -> assertThat(typed).isBlank();
        }
    }
}
