package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped list of common and breached passwords, and the rule that refuses them. */
class CommonPasswordsTests {

    private static final Path SHIPPED = Path.of("src/main/resources", CommonPasswords.RESOURCE);

    @Test
    void theShippedListIsWhatTheGeneratorWrites() throws IOException {
        String expected = CommonPasswordList.file();
        String shipped = Files.exists(SHIPPED) ? Files.readString(SHIPPED, StandardCharsets.UTF_8) : "";
        if (!shipped.equals(expected)) {
            Files.writeString(SHIPPED, expected, StandardCharsets.UTF_8);
            fail(SHIPPED + " was out of date and has been rewritten: review it, commit it and run the test again");
        }
        assertThat(CommonPasswords.size())
                .isEqualTo(CommonPasswordList.generate().size());
    }

    @Test
    void theListHoldsTheWellKnownPasswordsAndTheChinesePatterns() {
        assertThat(CommonPasswords.size()).isBetween(5_000, 30_000);
        assertThat(CommonPasswordList.generate())
                .contains(
                        "123456",
                        "password",
                        "woaini1314",
                        "5201314",
                        "aini1314",
                        "1qaz2wsx",
                        "1qaz@wsx",
                        "qwerty",
                        "asdfgh",
                        "zhang1990",
                        "wang@1985",
                        "zhangwei88",
                        "li0315",
                        "p@ssw0rd",
                        "admin@123")
                .allMatch(p -> p.length() >= 6)
                .allMatch(p -> p.equals(p.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void passwordsThatPassEveryOtherRuleAreRefusedWhenCommonWhateverTheirCase() {
        for (String common : new String[] {
            "Woaini1314",
            "WOAINI1314!",
            "1qaz@WSX",
            "1QAZ2wsx",
            "Zhang1990",
            "Zhang@1990!",
            "P@ssw0rd",
            "Aa123456",
            "Qwer1234!",
            "Admin@123",
            "!Li0315!",
            "Zhangwei88"
        }) {
            assertThat(PasswordPolicy.check(common, null, null)).as(common).containsExactly("password.rule.common");
        }
    }

    @Test
    void strongPasswordsAndOnesMerelyContainingACommonOneAreAccepted() {
        for (String strong : new String[] {"Huangshan-Yunhai-47", "Tq7#mV2p!xLw", "Zhang1990-Chaohu-Bridge"}) {
            assertThat(PasswordPolicy.check(strong, null, null)).as(strong).isEmpty();
        }
    }

    @Test
    void onlyTheSymbolsAroundAPasswordAreTakenOff() {
        assertThat(CommonPasswords.undecorated("!!zhang1990@@")).isEqualTo("zhang1990");
        assertThat(CommonPasswords.undecorated("p@ssw0rd")).isEqualTo("p@ssw0rd");
        assertThat(CommonPasswords.undecorated("!!!")).isEmpty();
    }
}
