package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security baseline every answer carries, walked over the kinds of answer there are: a public page, a signed-in
 * page, an API answer, an error page, a static file, the provider's metadata and a refusal for size. HSTS is not
 * sent here (development configuration, plain HTTP), not even to a request that came through the proxy over HTTPS.
 */
@ZhengwuTest
class SecurityHeadersHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Test
    void aPublicPageCarriesTheBaseline() {
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertBaseline(home);
        assertPagePolicy(home);
    }

    @Test
    void aSignedInPageCarriesTheBaseline() {
        TestBrowser browser = new TestBrowser(port);
        TestPeople.Citizen person = TestPeople.register(citizens, "安全头测试");
        assertThat(browser.signIn(person.username(), TestPeople.PASSWORD).status())
                .isEqualTo(302);
        TestBrowser.Page account = browser.get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.html().text()).contains("安全头测试");
        assertBaseline(account);
        assertPagePolicy(account);
    }

    @Test
    void anApiAnswerCarriesTheBaseline() {
        TestBrowser.Page items = new TestBrowser(port).getJson("/api/v1/items");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.header("Content-Type")).startsWith("application/json");
        assertBaseline(items);
        assertThat(items.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void anErrorPageCarriesTheBaseline() {
        TestBrowser.Page missing = new TestBrowser(port).get("/no-such-page-anywhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertBaseline(missing);
        assertPagePolicy(missing);
        TestBrowser.Page problem = new TestBrowser(port).getJson("/api/v1/no-such-resource");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertBaseline(problem);
    }

    @Test
    void aStaticFileCarriesTheBaseline() {
        TestBrowser browser = new TestBrowser(port);
        Document home = browser.get("/").html();
        String stylesheet = home.selectFirst("link[rel=stylesheet]").attr("href");
        TestBrowser.Page css = browser.get(stylesheet);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertBaseline(css);
        String script = home.selectFirst("script[src]").attr("src");
        TestBrowser.Page js = browser.get(script);
        assertThat(js.status()).isEqualTo(200);
        assertBaseline(js);
    }

    @Test
    void theProvidersAnswersCarryTheBaseline() {
        TestBrowser.Page metadata = new TestBrowser(port).getJson("/.well-known/openid-configuration");
        assertThat(metadata.status()).isEqualTo(200);
        assertBaseline(metadata);
        assertThat(metadata.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void hstsIsNotSentWhereTheConfigurationDoesNotAskForIt() {
        TestBrowser.Page overHttps =
                new TestBrowser(port).get("/", "Accept", "text/html", "X-Forwarded-Proto", "https");
        assertThat(overHttps.status()).isEqualTo(200);
        assertThat(overHttps.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void aFormTooLargeIsRefusedWith413AndAPageInChinese() {
        TestBrowser browser = new TestBrowser(port);
        String csrf = TestBrowser.csrf(browser.get("/login"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("username", "x".repeat(3 * 1024 * 1024));
        fields.put("password", "y");
        TestBrowser.Page refused = browser.post("/login", fields);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.html().text()).contains("提交的表单内容过大", "2 MB");
        assertBaseline(refused);
    }

    @Test
    void aFormTooLargeSentToTheApiIsRefusedWith413AsAProblem() {
        TestBrowser browser = new TestBrowser(port);
        TestPeople.Citizen person = TestPeople.register(citizens, "表单过大");
        browser.signIn(person.username(), TestPeople.PASSWORD);
        TestBrowser.Page refused =
                browser.request("POST", "/api/v1/cases", Map.of("note", "z".repeat(3 * 1024 * 1024)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains("2 MB");
        assertBaseline(refused);
    }

    private static void assertBaseline(TestBrowser.Page page) {
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.header("Permissions-Policy"))
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        assertThat(page.header("Content-Security-Policy"))
                .as("every answer has a policy")
                .isNotBlank()
                .doesNotContain("unsafe-inline", "unsafe-eval")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isNull();
    }

    /** A page's own policy: scripts from this site only, no plugins, not framed anywhere. */
    private static void assertPagePolicy(TestBrowser.Page page) {
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
