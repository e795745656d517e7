package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.zhengwu.support.FuzzMessages;

/**
 * The regular expressions an editor may give a text field (the seed files hold the pattern, a line feed, then a
 * value): checking a pattern never fails and either refuses it with a readable reason, or accepts one that Java
 * compiles and whose bounded match of any value never fails and, when it decides, agrees with Java's own matching.
 * Seeds: {@code SafePatternFuzzTestsInputs}.
 */
class SafePatternFuzzTests {

    private static final int MAX_LENGTH = 50;
    private static final Set<String> REASONS = Set.of(
            "applicationForm.rule.pattern-too-long",
            "applicationForm.rule.pattern-syntax",
            "applicationForm.rule.pattern-construct",
            "applicationForm.rule.pattern-nested",
            "applicationForm.rule.pattern-repeat",
            "applicationForm.rule.pattern-slow");

    @FuzzTest
    void checkedPatternsMatchBoundedAndRight(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String pattern = newline < 0 ? text : text.substring(0, newline);
        String value = newline < 0 ? "" : text.substring(newline + 1);

        Optional<SafePattern.Refusal> refusal = SafePattern.check(pattern, MAX_LENGTH);
        if (refusal.isPresent()) {
            assertThat(refusal.get().messageKey()).isIn(REASONS);
            FuzzMessages.assertMessage(
                    "catalog", refusal.get().messageKey(), refusal.get().arguments());
            return;
        }
        Pattern compiled = SafePattern.compile(pattern);
        SafePattern.Outcome outcome = SafePattern.matches(compiled, value);
        if (outcome != SafePattern.Outcome.TOO_SLOW) {
            assertThat(outcome == SafePattern.Outcome.MATCH)
                    .as("%s matches %s", pattern, value)
                    .isEqualTo(compiled.matcher(value).matches());
        }
    }
}
