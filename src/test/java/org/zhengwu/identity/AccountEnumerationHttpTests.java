package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Registration and password reset do not tell whether an identity number or a mobile has an account: the same status
 * and the same page whichever is the case, apart from what was typed; what differs is in the message the mobile
 * receives. A username taken is said on the form (see {@link CitizenAccounts#validate}).
 */
@ZhengwuTest
class AccountEnumerationHttpTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    AccountabilityLog log;

    private TestBrowser fromNewAddress() {
        return new TestBrowser(port, "192.0.2." + ADDRESS.incrementAndGet());
    }

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    /** The page's own text, with what was typed (the masked mobile) put back to one placeholder. */
    private static String text(TestBrowser.Page page, String mobile) {
        return page.html().selectFirst("main").text().replace(masked(mobile), "{mobile}");
    }

    private static Map<String, String> form(String idNumber, String mobile) {
        return PublicForms.registration(
                "enum" + idNumber.substring(12) + mobile.substring(7),
                "枚举测试",
                idNumber,
                mobile,
                "Enumeration-Password-6");
    }

    private long accounts(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void registeringWithATakenIdentityNumberLooksLikeRegisteringWithAFreshOne() {
        TestPeople.Citizen owner = TestPeople.register(citizens, "号码主人");
        String freshMobile = TestPeople.newMobile();
        String otherMobile = TestPeople.newMobile();
        Map<String, String> fresh = form(TestPeople.newIdNumber(), freshMobile);
        Map<String, String> taken = form(owner.idNumber(), otherMobile);

        TestBrowser freshBrowser = fromNewAddress();
        TestBrowser takenBrowser = fromNewAddress();
        TestBrowser.Page freshPage = PublicForms.register(freshBrowser, fresh);
        TestBrowser.Page takenPage = PublicForms.register(takenBrowser, taken);

        assertThat(takenPage.status()).isEqualTo(freshPage.status()).isEqualTo(200);
        assertThat(text(takenPage, otherMobile))
                .isEqualTo(text(freshPage, freshMobile))
                .contains("{mobile}");
        assertThat(takenPage.body()).doesNotContain(owner.username()).doesNotContain(owner.realName());

        // The messages differ: a code for the fresh registration, "already has an account" for the other.
        assertThat(PublicForms.lastMessageTo(outbox, freshMobile)).containsPattern("\\d{6}");
        assertThat(PublicForms.lastMessageTo(outbox, otherMobile))
                .contains("身份证号码已有账号")
                .doesNotContainPattern("\\d{6}")
                .doesNotContain(owner.username())
                .doesNotContain(owner.mobile());
        // The owner of the number is told someone tried, and the log holds the attempt against the account.
        assertThat(PublicForms.lastMessageTo(outbox, owner.mobile())).contains("尝试用您的身份证号码注册");
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                "anonymous", "account", owner.username(), "identity.register", null, null),
                        5,
                        0))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome().name()).isEqualTo("DENIED"));

        // The fresh one finishes with its code; the other cannot finish whatever it types, with the same answer as
        // a wrong code.
        String code = PublicForms.lastCodeSentTo(outbox, freshMobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        TestBrowser.Page wrongCode = PublicForms.confirm(freshBrowser, freshPage, wrong);
        TestBrowser.Page guessed = PublicForms.confirm(takenBrowser, takenPage, code);
        assertThat(guessed.status()).isEqualTo(wrongCode.status()).isEqualTo(200);
        assertThat(text(guessed, otherMobile)).isEqualTo(text(wrongCode, freshMobile));
        assertThat(PublicForms.confirm(freshBrowser, freshPage, code).location())
                .contains("/login?registered");
        assertThat(accounts(fresh.get("username"))).isEqualTo(1);
        assertThat(accounts(taken.get("username"))).isZero();
    }

    @Test
    void registeringWithATakenMobileLooksLikeRegisteringWithAFreshOneAndOnlyItsHolderIsTold() {
        TestPeople.Citizen holder = TestPeople.register(citizens, "手机主人");
        String freshMobile = TestPeople.newMobile();
        long holderMessages = PublicForms.messagesTo(outbox, holder.mobile());

        TestBrowser.Page freshPage =
                PublicForms.register(fromNewAddress(), form(TestPeople.newIdNumber(), freshMobile));
        TestBrowser.Page takenPage =
                PublicForms.register(fromNewAddress(), form(TestPeople.newIdNumber(), holder.mobile()));

        assertThat(takenPage.status()).isEqualTo(freshPage.status()).isEqualTo(200);
        assertThat(text(takenPage, holder.mobile())).isEqualTo(text(freshPage, freshMobile));
        assertThat(PublicForms.messagesTo(outbox, holder.mobile())).isEqualTo(holderMessages + 1);
        assertThat(PublicForms.lastMessageTo(outbox, holder.mobile()))
                .contains("此号码已有账号")
                .doesNotContainPattern("\\d{6}");
        assertThat(PublicForms.lastMessageTo(outbox, freshMobile)).containsPattern("\\d{6}");
    }

    @Test
    void aUsernameTakenIsSaidOnTheFormAsThePublicNameItIs() {
        TestPeople.Citizen someone = TestPeople.register(citizens, "用户名主人");
        Map<String, String> form = form(TestPeople.newIdNumber(), TestPeople.newMobile());
        form.put("username", someone.username().toUpperCase(java.util.Locale.ROOT));
        TestBrowser.Page page = PublicForms.register(fromNewAddress(), form);
        assertThat(page.html()
                        .selectFirst(".error-summary a[href=\"#username\"]")
                        .text())
                .contains("该用户名已被使用");
        assertThat(page.html().text())
                .as("nothing else about the account")
                .doesNotContain(someone.realName())
                .doesNotContain(someone.mobile());
        assertThat(PublicForms.messagesTo(outbox, form.get("mobile"))).isZero();
    }

    private TestBrowser.Page askForReset(String identifier) {
        TestBrowser browser = fromNewAddress();
        return browser.post(
                "/password/reset",
                Map.of("identifier", identifier, "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
    }

    @Test
    void aResetForANumberWithoutAnAccountLooksTheSameAndOnlyTheMobileHearsWhy() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "重置枚举");
        String nobody = TestPeople.newMobile();
        TestBrowser.Page known = askForReset(citizen.mobile());
        TestBrowser.Page unknown = askForReset(nobody);
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.html().selectFirst("main").text().replace(nobody, "{typed}"))
                .isEqualTo(known.html().selectFirst("main").text().replace(citizen.mobile(), "{typed}"));
        assertThat(PublicForms.lastMessageTo(outbox, citizen.mobile())).containsPattern("\\d{6}");
        assertThat(PublicForms.lastMessageTo(outbox, nobody)).contains("尚未注册账号").doesNotContainPattern("\\d{6}");
        // An identity number without an account: the same page again, and nothing is sent anywhere.
        String idNumber = TestPeople.newIdNumber();
        TestBrowser.Page unknownNumber = askForReset(idNumber);
        assertThat(unknownNumber.html().selectFirst("main").text().replace(idNumber, "{typed}"))
                .isEqualTo(known.html().selectFirst("main").text().replace(citizen.mobile(), "{typed}"));
    }
}
