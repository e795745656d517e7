package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Passwords on the shipped list of common and breached ones are refused wherever a password is chosen — registration,
 * change, reset — with the reason named, whatever their case; a strong one is accepted.
 */
@ZhengwuTest
class CommonPasswordHttpTests {

    private static final String REASON = "该密码过于常见或已在泄露数据中出现";

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    private static String passwordError(Document page) {
        return page.selectFirst("#password").parent().select(".error-message").text();
    }

    @Test
    void registrationRefusesACommonPasswordAndAcceptsAStrongOne() {
        String id = TestPeople.newIdNumber();
        Map<String, String> form =
                PublicForms.registration("common" + id.substring(12), "常见密码", id, TestPeople.newMobile(), "Woaini1314");
        TestBrowser browser = new TestBrowser(port);
        Document refused = PublicForms.register(browser, form).html();
        assertThat(passwordError(refused)).contains(REASON);
        assertThat(refused.select("form[action=/register/confirm]")).isEmpty();

        form.put("password", "Chaohu-Lake-Sunrise-58");
        form.put("confirmation", "Chaohu-Lake-Sunrise-58");
        assertThat(PublicForms.registerWithCode(browser, outbox, form).location())
                .contains("/login?registered");
    }

    @Test
    void aPasswordChangeRefusesACommonPasswordWhateverItsCase() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "修改常见");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        String csrf = TestBrowser.csrf(browser.get("/account/password"));
        for (String common : new String[] {"1qaz@WSX", "Zhang1990!", "P@ssw0rd"}) {
            Document refused = browser.post(
                            "/account/password",
                            Map.of(
                                    "current", TestPeople.PASSWORD,
                                    "password", common,
                                    "confirmation", common,
                                    "_csrf", csrf))
                    .html();
            assertThat(passwordError(refused)).as(common).contains(REASON);
        }
        TestBrowser.Page changed = browser.post(
                "/account/password",
                Map.of(
                        "current",
                        TestPeople.PASSWORD,
                        "password",
                        "Huangshan-Pines-2031",
                        "confirmation",
                        "Huangshan-Pines-2031",
                        "_csrf",
                        csrf));
        assertThat(changed.location()).endsWith("/account");
    }

    @Test
    void aResetRefusesACommonPasswordWithTheReasonAndAcceptsAStrongOne() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "重置常见");
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page asked = browser.post(
                "/password/reset",
                Map.of("identifier", citizen.username(), "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
        String code = PublicForms.lastCodeSentTo(outbox, citizen.mobile());
        Map<String, String> reset = new HashMap<>(Map.of(
                "identifier",
                citizen.username(),
                "code",
                code,
                "password",
                "Aa123456",
                "confirmation",
                "Aa123456",
                "_csrf",
                TestBrowser.csrf(asked)));
        Document refused = browser.post("/password/reset/confirm", reset).html();
        assertThat(passwordError(refused)).contains(REASON);

        reset.put("password", "Yellow-Mountain-Tea-9");
        reset.put("confirmation", "Yellow-Mountain-Tea-9");
        assertThat(browser.post("/password/reset/confirm", reset).location()).endsWith("/login?reset");
        assertThat(new TestBrowser(port)
                        .signIn(citizen.username(), "Yellow-Mountain-Tea-9")
                        .location())
                .endsWith("/account");
    }
}
