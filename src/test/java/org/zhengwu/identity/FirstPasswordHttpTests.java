package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * A password others may have seen — the initial administrators' generated ones, or one an administrator set — is
 * replaced right after it is given, before an authenticator can be enrolled: whoever saw it on the console cannot
 * enrol first, and it no longer signs in afterwards.
 */
@ZhengwuTest
class FirstPasswordHttpTests {

    static final String NEW_PASSWORD = "Only-I-Know-This-2027";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    private String newStaffWhosePasswordOthersSaw() {
        String username = "first-" + UUID.randomUUID().toString().substring(0, 8);
        long id = staff.create(
                username, "新管理员", TestBrowser.STAFF_PASSWORD, null, Set.of(IdentityAccess.ADMIN), "system");
        staff.requireNewPassword(id);
        return username;
    }

    @Test
    void theFirstPasswordIsReplacedBeforeTheAuthenticatorIsEnrolled() {
        String username = newStaffWhosePasswordOthersSaw();
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.relative(
                        browser.signIn(username, TestBrowser.STAFF_PASSWORD).location()))
                .isEqualTo("/login/new-password");
        assertThat(browser.relative(browser.get("/account/mfa/setup").location()))
                .as("no enrolment before the new password")
                .isEqualTo("/login/new-password");
        assertThat(browser.relative(browser.get("/admin").location())).isIn("/account/mfa/setup", "/login/mfa");

        Page form = browser.get("/login/new-password");
        String csrf = TestBrowser.csrf(form);
        Page same = browser.post(
                "/login/new-password",
                Map.of(
                        "password", TestBrowser.STAFF_PASSWORD,
                        "confirmation", TestBrowser.STAFF_PASSWORD,
                        "_csrf", csrf));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.html().select(".error-summary").text()).isNotBlank();
        Page weak = browser.post(
                "/login/new-password", Map.of("password", "123456", "confirmation", "123456", "_csrf", csrf));
        assertThat(weak.html().select(".error-summary").text()).contains("新密码");

        Page changed = browser.post(
                "/login/new-password", Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD, "_csrf", csrf));
        assertThat(browser.relative(changed.location())).isEqualTo("/account/mfa/setup");
        assertThat(browser.get("/account/mfa/setup").html().select("[data-testid=totp-secret]"))
                .as("enrolment follows")
                .isNotEmpty();
        assertThat(browser.relative(browser.get("/login/new-password").location()))
                .as("once is enough")
                .isEqualTo("/login/mfa");

        assertThat(new TestBrowser(port)
                        .signIn(username, TestBrowser.STAFF_PASSWORD)
                        .location())
                .as("the first password no longer signs in")
                .endsWith("/login?error");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry
                        WHERE actor = :u AND action = 'identity.password.first' AND outcome = 'SUCCESS'""").param("u", username).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void nobodyElseReachesTheFirstPasswordPage() {
        TestBrowser anonymous = new TestBrowser(port);
        assertThat(anonymous.relative(anonymous.get("/login/new-password").location()))
                .isEqualTo("/login");

        // An enrolled member of staff with a current password, half signed in: sent to the code, nothing changed.
        String username = new TestBrowser(port).signInNewStaff(staff, null);
        TestBrowser half = new TestBrowser(port);
        half.signIn(username, TestBrowser.STAFF_PASSWORD);
        String csrf = TestBrowser.csrf(half.get("/login/mfa"));
        Page post = half.post(
                "/login/new-password", Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD, "_csrf", csrf));
        assertThat(half.relative(post.location())).isEqualTo("/login/mfa");
        assertThat(new TestBrowser(port)
                        .signIn(username, TestBrowser.STAFF_PASSWORD)
                        .location())
                .as("the password is unchanged")
                .endsWith("/login/mfa");
    }
}
