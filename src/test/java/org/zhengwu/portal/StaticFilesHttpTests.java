package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * Styles and scripts under addresses that carry a hash of their content, kept by browsers for a year; the plain
 * addresses still answer, briefly cached; nothing else is a static file.
 */
@ZhengwuTest
class StaticFilesHttpTests {

    private static final String HASH = "-[0-9a-f]{32}";

    @LocalServerPort
    int port;

    @Test
    void pagesLinkTheirStylesAndScriptsByContentHash() {
        TestBrowser browser = new TestBrowser(port);
        Document home = browser.get("/").html();
        assertThat(home.select("link[rel=stylesheet]").eachAttr("href"))
                .hasSize(2)
                .allMatch(href -> href.matches("/css/(zhengwu|print)" + HASH + "\\.css"));
        assertThat(home.select("script[src]").eachAttr("src"))
                .anyMatch(src -> src.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min" + HASH + "\\.js"))
                .anyMatch(src -> src.matches("/js/session" + HASH + "\\.js"));
        for (String address : List.of("/", "/search", "/nowhere", "/items/1")) {
            assertThat(browser.get(address)
                            .html()
                            .select("link[rel=stylesheet]")
                            .eachAttr("href"))
                    .as("%s, its error pages included", address)
                    .allMatch(href -> href.matches("/css/[a-z]+" + HASH + "\\.css"));
        }
        TestBrowser.Page forbidden = new TestBrowser(port).post("/items/1", Map.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).as("no session id in any link").doesNotContain(";ZHENGWU_SESSION", "jsessionid");
        assertThat(forbidden.html().select("link[rel=stylesheet]").eachAttr("href"))
                .allMatch(href -> href.matches("/css/[a-z]+" + HASH + "\\.css"));
    }

    @Test
    void aHashedAddressIsKeptForAYearThePlainOneForAnHour() {
        TestBrowser browser = new TestBrowser(port);
        Document home = browser.get("/").html();
        String styles = home.selectFirst("link[rel=stylesheet]").attr("href");
        String htmx = home.selectFirst("script[src*=htmx]").attr("src");
        for (String hashed : List.of(styles, htmx)) {
            TestBrowser.Page file = browser.get(hashed);
            assertThat(file.status()).as(hashed).isEqualTo(200);
            assertThat(file.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
            assertThat(file.header("ETag")).isNotBlank();
            assertThat(file.header("Pragma")).isNull();
        }
        TestBrowser.Page plain = browser.get("/css/zhengwu.css");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Cache-Control")).isEqualTo("max-age=3600, public");
        assertThat(plain.body()).isEqualTo(browser.get(styles).body());
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").body())
                .as("a web jar without its version")
                .isEqualTo(browser.get(htmx).body());
        assertThat(browser.get(styles.replaceAll(HASH, "-00000000000000000000000000000000"))
                        .status())
                .as("a hash that is not the content's")
                .isEqualTo(404);
    }

    @Test
    void onlyStylesScriptsAndWebJarsAreStaticFiles() {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.get("/js/zhengwu.css").status())
                .as("a style under /js")
                .isEqualTo(404);
        assertThat(browser.get("/css/session.js").status()).isEqualTo(404);
        assertThat(browser.get("/bench/1k.txt").status())
                .as("not the production profile")
                .isEqualTo(200);
        TestBrowser.Page missing = browser.get("/nothing-here.css");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type"))
                .as("the page not found is a page, whatever the address ends in")
                .startsWith("text/html");
        assertThat(browser.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theLayoutNamesNoWebJarVersion() throws IOException {
        String layout = Files.readString(Path.of("src/main/resources/templates/layout.html"));
        assertThat(layout)
                .contains("@{/webjars/htmx.org/dist/htmx.min.js}")
                .doesNotContainPattern("webjars/[^/]+/[0-9]");
    }
}
