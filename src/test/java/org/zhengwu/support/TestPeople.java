package org.zhengwu.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/** Fictional citizens for tests: valid, unique identity numbers and mobiles that no demo person has. */
public final class TestPeople {

    /** The password every test citizen registers with. */
    public static final String PASSWORD = "Citizen-Password-7";

    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    /** A registered citizen. */
    public record Citizen(String username, String realName, String idNumber, String mobile) {}

    private TestPeople() {}

    /** A valid 公民身份号码 born in 合肥 on a date no demo person has, with its check character. */
    public static String newIdNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 18_000);
        String first17 =
                String.format(Locale.ROOT, "340104%s%03d", birth.toString().replace("-", ""), n % 1000);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    /** A valid 统一社会信用代码 of an enterprise registered in 合肥, with both check characters right. */
    public static String newCreditCode() {
        String body = String.format(Locale.ROOT, "%08d", SEQUENCE.incrementAndGet() % 100_000_000);
        String first17 = "91340100" + body + UnifiedSocialCreditCode.organisationCodeCheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static String newMobile() {
        return String.format(Locale.ROOT, "139%08d", SEQUENCE.incrementAndGet() % 100_000_000);
    }

    /** Registers a citizen at level L1 (their name and number are not in the population library). */
    public static Citizen register(CitizenAccounts citizens, String realName) {
        String username = "citizen" + SEQUENCE.incrementAndGet();
        Citizen citizen = new Citizen(username, realName, newIdNumber(), newMobile());
        citizens.register(new CitizenAccounts.Registration(
                username, realName, citizen.idNumber(), citizen.mobile(), null, PASSWORD, PASSWORD));
        return citizen;
    }
}
