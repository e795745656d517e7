package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 等保 level-3 password rules, case by case, and the shipped list of common and breached passwords. */
class PasswordPolicyTests {

    private static final String USERNAME = "zhangsan";
    private static final String ID_NUMBER = "340102199001010014";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "Hjkmnp1!              | none",
                "Abcdefg1              | none",
                "abcdefg1!             | none",
                "ABCDEFG1!             | none",
                "密码Abc12345           | none",
                "Abc1!                 | password.rule.length",
                "abcdefgh              | password.rule.classes",
                "kmrt4829              | password.rule.classes",
                "ABCD!@#$              | password.rule.classes",
                "Zhangsan-2026         | password.rule.username",
                "xx-ZHANGSAN-1a        | password.rule.username",
                "P340102199001010014a  | password.rule.id-number",
                "Born-19900101         | password.rule.id-number",
                "Tail-010014x          | password.rule.id-number",
                "Abcdef1!              | password.rule.common",
                "Woaini1314            | password.rule.common",
                "1qaz@WSX              | password.rule.common",
                "Zhang1990!            | password.rule.common"
            })
    void eachRuleIsAppliedWithItsOwnMessage(String password, String expectedProblem) {
        if (expectedProblem == null) {
            assertThat(PasswordPolicy.check(password, USERNAME, ID_NUMBER)).isEmpty();
        } else {
            assertThat(PasswordPolicy.check(password, USERNAME, ID_NUMBER)).containsExactly(expectedProblem);
        }
    }

    @ParameterizedTest
    @CsvSource({"''", "1234567"})
    void tooShortOrMissingIsOneProblemOnly(String password) {
        assertThat(PasswordPolicy.check(password, USERNAME, null)).containsExactly("password.rule.length");
        assertThat(PasswordPolicy.check(null, USERNAME, null)).containsExactly("password.rule.length");
    }

    @ParameterizedTest
    @CsvSource({"129"})
    void overlongPasswordsAreRefusedBeforeHashing(int length) {
        assertThat(PasswordPolicy.check("Aa1!".repeat(length / 4 + 1), USERNAME, null))
                .containsExactly("password.rule.too-long");
    }
}
