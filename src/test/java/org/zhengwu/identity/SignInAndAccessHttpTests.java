package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** Staff sign-in, roles on administration pages, CSRF and the monitoring endpoints. */
@ZhengwuTest
class SignInAndAccessHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestBrowser browser;

    @BeforeEach
    void browser() {
        browser = new TestBrowser(port);
    }

    @Test
    void administrationNeedsSignInAndTheRightPasswordGetsIn() {
        TestBrowser.Page anonymous = browser.get("/admin/catalog");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        TestBrowser.Page wrong = browser.signIn("admin", "wrong-password");
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error")
                        .html()
                        .selectFirst(".error-summary")
                        .text())
                .contains("用户名或密码不正确");
        TestBrowser.Page unknownUser = browser.signIn("nobody-" + UUID.randomUUID(), "whatever");
        assertThat(unknownUser.location()).isEqualTo(wrong.location());
        TestBrowser.Page right = browser.signInStaff("admin", ZhengwuTest.ADMIN_PASSWORD);
        assertThat(right.status()).isEqualTo(302);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/admin/catalog").status()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() {
        String hash = jdbc.sql("SELECT password_hash FROM identity_account WHERE username = 'admin'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(ZhengwuTest.ADMIN_PASSWORD);
    }

    @Test
    void anEditorCannotPublishAndAReviewerCannotEdit() {
        browser.signInNewStaff(accounts, null, CatalogAccess.CATALOG_EDITOR);
        assertThat(browser.get("/admin/catalog").status()).isEqualTo(200);
        assertThat(browser.get("/admin/organisations").status()).isEqualTo(403);
        String csrf = browser.get("/admin/catalog").html().selectFirst("input[name=_csrf]") == null
                ? browser.get("/admin/catalog/new")
                        .html()
                        .selectFirst("input[name=_csrf]")
                        .attr("value")
                : browser.get("/admin/catalog")
                        .html()
                        .selectFirst("input[name=_csrf]")
                        .attr("value");
        TestBrowser.Page publish = browser.post("/admin/catalog/versions/1/publish", Map.of("_csrf", csrf));
        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.html().selectFirst("h1").text()).isEqualTo("没有权限");

        TestBrowser reviewerBrowser = new TestBrowser(port);
        reviewerBrowser.signInNewStaff(accounts, null, CatalogAccess.CATALOG_REVIEWER);
        assertThat(reviewerBrowser.get("/admin/catalog/new").status()).isEqualTo(403);
        assertThat(reviewerBrowser.get("/admin/catalog").status()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        browser.signInNewAdministrator(accounts);
        TestBrowser.Page forged = browser.post("/admin/catalog/base-items/new", Map.of("name", "伪造", "type", "01"));
        assertThat(forged.status()).isEqualTo(403);
        TestBrowser.Page login = new TestBrowser(port)
                .post("/login", Map.of("username", "admin", "password", ZhengwuTest.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signInNewAdministrator(accounts);
        String csrf = browser.get("/admin")
                .html()
                .selectFirst("form[action=/logout] input[name=_csrf]")
                .attr("value");
        assertThat(browser.post("/logout", Map.of("_csrf", csrf)).location()).endsWith("/?signedOut");
        assertThat(browser.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void healthIsPublicTheRestOfActuatorIsForAdministrators() {
        TestBrowser.Page health = browser.getJson("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db");
        assertThat(browser.getJson("/actuator/metrics").status()).isEqualTo(401);
        browser.signInNewAdministrator(accounts);
        assertThat(browser.getJson("/actuator/metrics").status()).isEqualTo(200);
        assertThat(browser.getJson("/actuator/health").body()).contains("db");
    }
}
