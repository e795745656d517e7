package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.support.LockWaits;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * What someone else registered between a form's check and its save is a field error on the form, with everything
 * typed still there — not a server error.
 */
@ZhengwuTest
class FormConflictsHttpTests {

    private static final String ANOTHER_ACCOUNT = """
            INSERT INTO identity_account (username, display_name, password_hash, account_type, password_changed_at,
                                          subject_id)
            VALUES (?, '另一位', 'x', 'STAFF', CURRENT_TIMESTAMP, gen_random_uuid())""";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Test
    void aUsernameRegisteredMeanwhileIsNamedOnTheRegistrationForm() throws Exception {
        TestBrowser browser = new TestBrowser(port);
        String id = TestPeople.newIdNumber();
        String username = "racer" + id.substring(12);
        String mobile = TestPeople.newMobile();
        TestBrowser.Page codePage = PublicForms.register(
                browser, PublicForms.registration(username, "赛跑者", id, mobile, "Racing-Password-1"));
        Map<String, String> code = new HashMap<>(
                Map.of("code", PublicForms.lastCodeSentTo(outbox, mobile), "_csrf", TestBrowser.csrf(codePage)));
        // The name was free when the form was checked; another account takes it while the code is being confirmed.
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "identity_account",
                ANOTHER_ACCOUNT,
                new Object[] {username},
                () -> browser.post("/register/confirm", code));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.selectFirst(".error-summary a[href=\"#username\"]").text())
                .contains("该用户名已被使用");
        assertThat(html.selectFirst("#idNumber").attr("value")).isEqualTo(id);
        assertThat(html.selectFirst("#mobile").attr("value")).isEqualTo(mobile);
    }

    @Test
    void aUsernameTakenMeanwhileIsNamedOnTheNewStaffForm() throws Exception {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewStaff(staff, null, IdentityAccess.ADMIN);
        Element form = administrator.get("/admin/accounts/new").html().selectFirst("form[action=/admin/accounts/new]");
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        fields.put("username", List.of(username));
        fields.put("displayName", List.of("新同事"));
        fields.put("roles", List.of("CATALOG_EDITOR"));
        fields.put("password", List.of("Initial-Password-1"));
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "identity_account",
                ANOTHER_ACCOUNT,
                new Object[] {username},
                () -> administrator.postMulti("/admin/accounts/new", fields));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.html()
                        .selectFirst(".error-summary a[href=\"#username\"]")
                        .text())
                .contains("该用户名已被使用");
        assertThat(page.html().selectFirst("#displayName").attr("value")).isEqualTo("新同事");
        assertThat(jdbc.sql("SELECT display_name FROM identity_account WHERE username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo("另一位");
    }

    @Test
    void anEnterpriseRegisteredMeanwhileIsNamedOnItsCode() throws Exception {
        TestPeople.Citizen person = TestPeople.register(citizens, "竞争登记");
        TestPeople.Citizen other = TestPeople.register(citizens, "另一法人");
        jdbc.sql("UPDATE identity_account SET real_name_level = 3 WHERE username = :u")
                .param("u", person.username())
                .update();
        long otherId = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", other.username())
                .query(Long.class)
                .single();
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(person.username(), TestPeople.PASSWORD);
        String code = TestPeople.newCreditCode();
        Map<String, String> form =
                Map.of("uscc", code, "name", "竞争公司", "_csrf", TestBrowser.csrf(browser.get("/account/enterprises")));
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "identity_enterprise",
                """
                        INSERT INTO identity_enterprise (uscc, name, representative_id, created_at)
                        VALUES (?, '别人登记的公司', ?, CURRENT_TIMESTAMP)""",
                new Object[] {code, otherId},
                () -> browser.post("/account/enterprises", form));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.html().selectFirst(".error-summary a[href=\"#uscc\"]").text())
                .contains("该企业已登记");
        assertThat(page.html().selectFirst("#name").attr("value")).isEqualTo("竞争公司");
    }
}
