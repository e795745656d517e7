package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
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
 * Text posted in a form arrives trimmed and a blank field as nothing — except passwords, which are kept exactly as
 * typed — and query parameters are left as sent.
 */
@ZhengwuTest
class TrimmedInputHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    private TestBrowser.Page register(TestBrowser browser, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", TestBrowser.csrf(browser.get("/register")));
        return browser.post("/register", form);
    }

    @Test
    void aCreditCodeTypedWithSurroundingSpacesIsAcceptedAndStoredWithout() {
        TestPeople.Citizen person = TestPeople.register(citizens, "空格测试");
        jdbc.sql("UPDATE identity_account SET real_name_level = 3 WHERE username = :u")
                .param("u", person.username())
                .update();
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(person.username(), TestPeople.PASSWORD);
        String code = TestPeople.newCreditCode();
        TestBrowser.Page registered = browser.post(
                "/account/enterprises",
                Map.of(
                        "uscc",
                        "  " + code + " \t",
                        "name",
                        "  前后有空格的公司  ",
                        "_csrf",
                        TestBrowser.csrf(browser.get("/account/enterprises"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT name FROM identity_enterprise WHERE uscc = :uscc")
                        .param("uscc", code)
                        .query(String.class)
                        .single())
                .isEqualTo("前后有空格的公司");
    }

    @Test
    void aPasswordIsKeptAsTypedLeadingSpaceIncludedWhileTheOtherFieldsAreTrimmed() {
        String id = TestPeople.newIdNumber();
        String username = "spaced" + id.substring(12);
        String password = " Leading-Space-Pw1";
        String mobile = TestPeople.newMobile();
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page codePage = register(
                browser,
                Map.of(
                        "username",
                        "  " + username + "  ",
                        "realName",
                        " 空格密码 ",
                        "idNumber",
                        " " + id + " ",
                        "mobile",
                        " " + mobile,
                        "email",
                        "   ",
                        "password",
                        password,
                        "confirmation",
                        password));
        assertThat(codePage.status()).as(codePage.body()).isEqualTo(200);
        TestBrowser.Page registered =
                PublicForms.confirm(browser, codePage, " " + PublicForms.lastCodeSentTo(outbox, mobile) + " ");
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql(
                        "SELECT display_name, email_cipher FROM identity_account WHERE username = :u")
                .param("u", username)
                .query()
                .singleRow();
        assertThat(row.get("display_name")).isEqualTo("空格密码");
        assertThat(row.get("email_cipher"))
                .as("a blank optional field is stored as nothing")
                .isNull();

        assertThat(new TestBrowser(port).signIn(username, password).location()).endsWith("/account");
        assertThat(new TestBrowser(port).signIn(username, password.strip()).location())
                .as("the password without its space is another password")
                .endsWith("/login?error");
    }

    @Test
    void aPasswordOfSpacesIsNotTakenForNoPassword() {
        String id = TestPeople.newIdNumber();
        TestBrowser.Page refused = register(
                new TestBrowser(port),
                Map.of(
                        "username", "blankpw" + id.substring(12),
                        "realName", "空白密码",
                        "idNumber", id,
                        "mobile", TestPeople.newMobile(),
                        "email", "",
                        "password", "          ",
                        "confirmation", "         "));
        assertThat(refused.status()).isEqualTo(200);
        String summary = refused.html().selectFirst(".error-summary").text();
        // Ten spaces are a password of ten characters (of one class), not a missing one; nine are another.
        assertThat(summary).contains("密码须包含", "两次输入的密码不一致");
    }

    @Test
    void queryParametersAreLeftAsSentSoThatTheirPresenceStillCounts() {
        assertThat(new TestBrowser(port).get("/?signedOut").html().select("[data-testid=signed-out]"))
                .isNotEmpty();
        assertThat(new TestBrowser(port).get("/themes?audience=%20").status()).isEqualTo(400);
    }
}
