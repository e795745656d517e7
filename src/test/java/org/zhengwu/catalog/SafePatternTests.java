package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subset of regular expressions editors may use, and the bound on the work of matching one. */
class SafePatternTests {

    private static Optional<String> refusal(String pattern) {
        return SafePattern.check(pattern, FormField.DEFAULT_TEXT_LENGTH).map(SafePattern.Refusal::messageKey);
    }

    @Test
    void theUsualFormatsOfAdministrativeFormsAreAccepted() {
        for (String pattern : List.of(
                "[A-Z][0-9]{9}",
                "[\\p{IsHan}·]{2,20}",
                "([01][0-9]|2[0-3]):[0-5][0-9]",
                "https?://\\S+",
                "J[0-9]{6}-[0-9]{4}-[0-9]{6}",
                "(?:粤|皖)[A-Z][A-Z0-9]{5,6}",
                "\\d{6}",
                "[^<>]*",
                "^[a-z]+$",
                "\\u4e00.+?",
                "a{2,}",
                "\\(\\d{3,4}\\)-?\\d{7,8}")) {
            assertThat(refusal(pattern)).as(pattern).isEmpty();
        }
    }

    @Test
    void constructsOutsideTheSubsetAreRefusedByName() {
        for (String pattern : List.of(
                "(a)\\1",
                "(?=a)b",
                "(?!a)b",
                "(?<=a)b",
                "(?<name>a)",
                "(?>a+)",
                "(?i)abc",
                "a++",
                "a*+",
                "[a-z&&[^e]]",
                "[[a-z]]",
                "\\bword",
                "\\Qa\\E",
                "\\p{Punct}",
                "\\x41",
                "\\k<a>")) {
            assertThat(refusal(pattern)).as(pattern).contains("applicationForm.rule.pattern-construct");
        }
    }

    @Test
    void repeatingWhatRepeatsOrAlternatesIsRefused() {
        for (String pattern : List.of(
                "(a+)+",
                "(a*)*b",
                "(a|aa)*",
                "(?:a|b)+c",
                "((ab)*c)*",
                "(\\d+\\.)+\\d",
                "a**",
                "a{2}{3}",
                "(x+x+)+y")) {
            assertThat(refusal(pattern)).as(pattern).contains("applicationForm.rule.pattern-nested");
        }
        assertThat(refusal("(ab)+c")).isEmpty();
        assertThat(refusal("(a|b)c")).isEmpty();
    }

    @Test
    void malformedPatternsNameTheirPosition() {
        for (String pattern : List.of("[a-z", "(ab", "ab)", "*a", "a{2,1}", "a{x}", "[]", "[z-a]", "a|?", "\\")) {
            assertThat(refusal(pattern)).as(pattern).contains("applicationForm.rule.pattern-syntax");
        }
        SafePattern.Refusal refusal = SafePattern.check("ab)", 10).orElseThrow();
        assertThat(refusal.arguments()).containsExactly(3);
        assertThat(refusal("a{1001}")).contains("applicationForm.rule.pattern-repeat");
        assertThat(refusal("a".repeat(201))).contains("applicationForm.rule.pattern-too-long");
    }

    @Test
    void aPatternThatBacktracksPolynomiallyIsRefusedAsTooSlow() {
        assertThat(refusal("\\d*\\d*\\d*\\d*x")).contains("applicationForm.rule.pattern-slow");
        assertThat(refusal(".*.*.*=.*")).contains("applicationForm.rule.pattern-slow");
        // Two in a row stay within the budget on the longest answer allowed.
        assertThat(refusal("\\d*\\d*x")).isEmpty();
    }

    @Test
    void matchingStopsAtTheBudgetWhateverThePattern() {
        long start = System.nanoTime();
        SafePattern.Outcome outcome =
                SafePattern.matches(java.util.regex.Pattern.compile("(a|aa)+b"), "a".repeat(5000));
        assertThat(outcome).isEqualTo(SafePattern.Outcome.TOO_SLOW);
        assertThat(SafePattern.matches(java.util.regex.Pattern.compile("(x+x+)+y"), "x".repeat(100)))
                .isEqualTo(SafePattern.Outcome.TOO_SLOW);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(SafePattern.matches(java.util.regex.Pattern.compile("[0-9]+"), "12345"))
                .isEqualTo(SafePattern.Outcome.MATCH);
        assertThat(SafePattern.matches(java.util.regex.Pattern.compile("[0-9]+"), "12a45"))
                .isEqualTo(SafePattern.Outcome.MISMATCH);
    }
}
