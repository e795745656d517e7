package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** The public portal through real HTTP, as a browser without JavaScript sees it. */
@ZhengwuTest
class PortalHttpTests {

    @LocalServerPort
    int port;

    TestBrowser browser;

    @Autowired
    StaffAccounts accounts;

    @BeforeEach
    void browser() {
        browser = new TestBrowser(port);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<String> resultNames(Document page) {
        return page.select(".result__title a").eachText();
    }

    @Test
    void homePageIsChineseAccessibleAndOffersThemes() {
        TestBrowser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        Document html = home.html();
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(html.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(html.getElementById("main")).isNotNull();
        Element search = html.selectFirst("input[name=q]");
        assertThat(html.select("label[for=" + search.id() + "]")).isNotEmpty();
        assertThat(html.select(".card a").eachText())
                .contains("生育收养", "户籍办理", "就业创业", "社会保险", "婚姻登记", "住房保障", "开办企业", "变更", "注销", "资质认定");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
        String htmx = html.selectFirst("script[src*=htmx]").attr("src");
        assertThat(browser.get(htmx).status()).isEqualTo(200);
    }

    @Test
    void searchForBusinessLicenceFindsSoleTraderRegistration() {
        Document page = browser.get("/search?q=" + q("营业执照")).html();
        assertThat(resultNames(page)).contains("个体工商户设立登记");
        assertThat(page.selectFirst("[role=status]").text()).contains("营业执照");
    }

    @Test
    void searchForDrivingLicenceFindsItsRenewal() {
        assertThat(resultNames(browser.get("/search?q=" + q("驾驶证")).html())).contains("机动车驾驶证换证");
    }

    @Test
    void exactNameMatchesComeFirst() {
        List<String> names = resultNames(browser.get("/search?q=" + q("生育登记")).html());
        assertThat(names).isNotEmpty();
        assertThat(names.get(0)).isEqualTo("生育登记");
        List<String> food =
                resultNames(browser.get("/search?q=" + q("食品经营许可（新办）")).html());
        assertThat(food.get(0)).isEqualTo("食品经营许可（新办）");
    }

    @Test
    void filtersNarrowTheResults() {
        Document all = browser.get("/search?q=" + q("登记")).html();
        Document licences = browser.get("/search?q=" + q("登记") + "&type=01").html();
        assertThat(count(licences)).isLessThan(count(all));
        assertThat(licences.select(".result__meta .tag").eachText()).allMatch(t -> !t.equals("公共服务"));
        Document fullyOnline = browser.get("/search?depth=4").html();
        assertThat(fullyOnline.select(".result")).allMatch(r -> r.text().contains("全程网办"));
    }

    /** The lines of a result and the texts of the options, worked out in Java since issue 13, print as before. */
    @Test
    void resultsShowTypeOnlineTagsResultAndPromisedTimeAndDepthsReadAsAtLeast() {
        Document page = browser.get("/search?q=" + q("营业执照")).html();
        Element soleTrader = page.select(".result").stream()
                .filter(r -> r.selectFirst(".result__title").text().equals("个体工商户设立登记"))
                .findFirst()
                .orElseThrow();
        assertThat(soleTrader.selectFirst(".result__title a").attr("href")).matches("/items/[0-9A-Z]+");
        assertThat(soleTrader.select(".result__meta").get(0).select(".tag").eachText())
                .containsExactly("行政许可", "全程网办");
        assertThat(soleTrader.select(".result__meta").get(1).text()).isEqualTo("办理结果：营业执照 · 当场办结");
        Document many = browser.get("/search?q=" + q("登记")).html();
        List<String> promised = many.select(".result__meta:nth-of-type(2)").eachText();
        assertThat(promised).isNotEmpty().allMatch(t -> t.matches("办理结果：.+ · (当场办结|承诺时限 \\d+ \\S+)"));
        assertThat(many.select("#filter-depth option").eachText()).first().isEqualTo("不限");
        assertThat(many.select("#filter-depth option").eachText().subList(1, 5)).allMatch(t -> t.endsWith("及以上"));
    }

    @Test
    void filtersOfferTheTypesAndDepartmentsOfTheCurrentSearchWithCounts() {
        Document page = browser.get("/search?q=" + q("登记") + "&type=01").html();
        List<String> types = page.select("#filter-type option").eachText();
        assertThat(types).anyMatch(t -> t.matches("行政许可（\\d+）")).anyMatch(t -> t.matches("行政确认（\\d+）"));
        assertThat(page.selectFirst("#filter-type option[selected]").attr("value"))
                .isEqualTo("01");
        List<String> departments = page.select("#filter-org option").eachText();
        assertThat(departments).hasSizeGreaterThan(1).allMatch(t -> t.equals("不限") || t.matches(".+（\\d+）"));
        Document city = browser.get("/search?division=340100").html();
        assertThat(city.select("#filter-division option").eachText()).contains("合肥市 蜀山区", "芜湖市");
        assertThat(browser.get("/search")
                        .html()
                        .select("#filter-division option")
                        .eachText())
                .doesNotContain("合肥市 蜀山区");
    }

    @Test
    void invalidParametersAreNamedOnThePageNotAStackTrace() {
        TestBrowser.Page page = browser.get("/search?type=99&division=340199&page=abc&depth=7");
        assertThat(page.status()).isEqualTo(400);
        String summary = page.html().selectFirst(".error-summary").text();
        assertThat(summary).contains("事项类型", "办理地区", "页码", "网上办理深度").contains("340199");
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.");
        String longQuery = "营".repeat(101);
        assertThat(browser.get("/search?q=" + q(longQuery)).status()).isEqualTo(400);
    }

    @Test
    void guidePageShowsTheCodeMaterialsAndEveryElement() {
        String href = browser.get("/search?q=" + q("个体工商户设立登记"))
                .html()
                .selectFirst(".result__title a")
                .attr("href");
        TestBrowser.Page guide = browser.get(href);
        assertThat(guide.status()).isEqualTo(200);
        Document html = guide.html();
        String code = html.selectFirst("[data-testid=implementation-code]").text();
        assertThat(href).isEqualTo("/items/" + code);
        assertThat(code).hasSize(31);
        assertThat(html.select("h2").eachText())
                .containsSubsequence("受理条件", "申请材料", "办理流程", "办理时限", "收费", "办理地点和方式", "设定依据", "咨询与监督", "事项信息");
        assertThat(html.select("#materials ~ .table-wrap td").eachText()).anyMatch(t -> t.contains("申请书"));
        // 来源渠道 with its note, the note left out where it only repeats the channel.
        assertThat(html.select("#materials ~ .table-wrap td").eachText())
                .contains("申请人自备", "政府部门核发：公安机关")
                .doesNotContain("申请人自备：申请人自备");
        assertThat(html.text()).contains("营业执照", "法定办结时限", "承诺办结时限", "到办事现场次数", "12345");
        Element blankForm = html.selectFirst("a:contains(空白表格)");
        assertThat(blankForm).isNotNull();
        TestBrowser.Page pdf = browser.get(blankForm.attr("href"));
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void printableVersionHasTheGuideWithoutNavigation() {
        String href = browser.get("/search?q=" + q("生育登记"))
                .html()
                .selectFirst(".result__title a")
                .attr("href");
        Document print = browser.get(href + "/print").html();
        assertThat(print.select("nav.site-nav")).isEmpty();
        assertThat(print.select("h2").eachText()).contains("申请材料", "办理流程");
    }

    @Test
    void unknownAndMalformedCodesGetAFriendly404() {
        TestBrowser.Page unknown = browser.get("/items/11340100662167280R3019999900000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html().selectFirst("h1").text()).isEqualTo("页面不存在");
        assertThat(unknown.html().text()).contains("11340100662167280R3019999900000", "请求编号");
        TestBrowser.Page script = browser.get("/items/" + q("<script>alert(1)<b>"));
        assertThat(script.status()).isEqualTo(404);
        assertThat(script.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        // The servlet container itself refuses an encoded slash, before any application code runs.
        TestBrowser.Page slash = browser.get("/items/" + q("a/b"));
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.body()).doesNotContain("Exception");
        TestBrowser.Page malformed = browser.get("/items/not-a-code");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.body()).doesNotContain("Exception");
        assertThat(browser.get("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void regionNavigationShowsTheEntriesThatApplyInADistrict() {
        Document province = browser.follow("/regions").html();
        assertThat(province.select(".card a").eachText()).contains("合肥市", "芜湖市", "宣城市");
        Document hefei = browser.get("/regions/340100").html();
        assertThat(hefei.select(".card a").eachText()).contains("蜀山区", "包河区", "庐江县", "巢湖市");
        Document shushan = browser.get("/regions/340104").html();
        assertThat(shushan.select(".breadcrumbs a").eachText()).contains("安徽省", "合肥市");
        assertThat(shushan.select(".result")).hasSize(10);
        Document later = browser.get("/regions/340104?page=3").html();
        assertThat(later.select(".pagination [aria-current=page]").text()).isEqualTo("3");
        // Entries that apply in 蜀山区: its own, 合肥市's and the province's — never 包河区's.
        String all =
                browser.getJson("/api/v1/items?division=340104&size=50&page=1").body()
                        + browser.getJson("/api/v1/items?division=340104&size=50&page=2")
                                .body()
                        + browser.getJson("/api/v1/items?division=340104&size=50&page=3")
                                .body()
                        + browser.getJson("/api/v1/items?division=340104&size=50&page=4")
                                .body()
                        + browser.getJson("/api/v1/items?division=340104&size=50&page=5")
                                .body()
                        + browser.getJson("/api/v1/items?division=340104&size=50&page=6")
                                .body();
        assertThat(all)
                .contains("\"divisionCode\":\"340104\"", "\"divisionCode\":\"340100\"", "\"divisionCode\":\"340000\"")
                .doesNotContain("\"divisionCode\":\"340111\"");
        assertThat(browser.get("/regions/999999").status()).isEqualTo(404);
    }

    @Test
    void departmentsListTheirServices() {
        Document departments = browser.get("/departments").html();
        Element market = departments.selectFirst(".card a:contains(合肥市市场监督管理局)");
        assertThat(market).isNotNull();
        Document services = browser.get(market.attr("href")).html();
        assertThat(services.select(".result__meta:first-of-type").eachText())
                .isNotEmpty()
                .allMatch(t -> t.contains("合肥市市场监督管理局"));
    }

    @Test
    void englishAndElderFriendlyModesAreRememberedWithoutJavaScript() {
        Document english = browser.get("/?lang=en").html();
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst(".site-header__brand").text()).isEqualTo("Anhui Government Services");
        assertThat(browser.get("/search").html().selectFirst("h1").text()).isEqualTo("Search services");
        browser.get("/?lang=zh-CN");
        Document care = browser.get("/?care=on").html();
        assertThat(care.selectFirst("html").hasClass("care")).isTrue();
        assertThat(browser.get("/departments").html().selectFirst("html").hasClass("care"))
                .isTrue();
        Element toggle = care.selectFirst(".site-header__tools a");
        assertThat(toggle.text()).isEqualTo("退出长者模式");
        assertThat(browser.get(toggle.attr("href")).html().selectFirst("html").hasClass("care"))
                .isFalse();
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(browser.get("/").header("X-Request-Id")).isNotBlank();
        assertThat(browser.get("/search?q=x").header("X-Request-Id")).isNotBlank();
    }

    @Test
    void theHomePageConfirmsASignOutAndOnlyThen() {
        // The plain home page is in the page cache first: the notice must not come from it, nor go into it.
        assertThat(browser.get("/").html().select("[data-testid=signed-out]")).isEmpty();
        TestBrowser staff = new TestBrowser(port);
        staff.signInNewStaff(accounts, null);
        TestBrowser.Page signedOut =
                staff.post("/logout", java.util.Map.of("_csrf", TestBrowser.csrf(staff.get("/account"))));
        assertThat(signedOut.status()).isEqualTo(302);
        Document home = staff.get(staff.relative(signedOut.location())).html();
        assertThat(home.selectFirst("[data-testid=signed-out]").text()).contains("您已安全退出");
        assertThat(browser.get("/?signedOut").html().selectFirst("[data-testid=signed-out]"))
                .isNotNull();
        assertThat(browser.get("/").html().select("[data-testid=signed-out]")).isEmpty();
        browser.get("/?lang=en");
        assertThat(browser.get("/?signedOut")
                        .html()
                        .selectFirst("[data-testid=signed-out]")
                        .text())
                .contains("You have signed out");
        browser.get("/?lang=zh-CN");
    }

    @Test
    void aQueryOfOnlyPunctuationFindsNothingAndSaysWhy() {
        TestBrowser.Page page = browser.get("/search?q=%21%40%23");
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select(".result")).isEmpty();
        assertThat(html.selectFirst("#results .notice").text()).contains("汉字、字母或数字");
        assertThat(browser.get("/search?q=" + q("！ 。、")).html().select(".result"))
                .isEmpty();
        assertThat(browser.getJson("/api/v1/items?q=" + q("!@#")).body()).contains("\"total\":0");
    }

    @Test
    void cachedPagesAreKeptApartByLanguageAndDisplayMode() {
        TestBrowser chinese = new TestBrowser(port);
        TestBrowser english = new TestBrowser(port);
        english.get("/?lang=en");
        TestBrowser elder = new TestBrowser(port);
        elder.get("/?care=on");
        for (String path : List.of("/departments", "/search?q=" + q("登记"), "/regions/340100")) {
            // Each visitor in turn, twice over: the second round is served from the cache.
            for (int round = 0; round < 2; round++) {
                Document zh = chinese.get(path).html();
                Document en = english.get(path).html();
                Document care = elder.get(path).html();
                assertThat(zh.selectFirst("html").attr("lang")).as(path).isEqualTo("zh-CN");
                assertThat(zh.selectFirst("html").hasClass("care")).as(path).isFalse();
                assertThat(en.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
                assertThat(en.selectFirst(".site-header__brand").text())
                        .as(path)
                        .isEqualTo("Anhui Government Services");
                assertThat(care.selectFirst("html").attr("lang")).as(path).isEqualTo("zh-CN");
                assertThat(care.selectFirst("html").hasClass("care")).as(path).isTrue();
            }
        }
    }

    @Test
    void cachedPagesAreKeptAndServedGzippedToBrowsersThatTakeGzip() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (boolean gzipFirst : List.of(true, false)) {
            String path = "/search?q=" + q("登记" + System.nanoTime() + (gzipFirst ? "甲" : "乙"));
            String plainFirst = gzipFirst ? null : plain(path);
            List<java.net.http.HttpResponse<byte[]>> gzipped = new java.util.ArrayList<>();
            for (int round = 0; round < 2; round++) {
                gzipped.add(client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Accept-Encoding", "br;q=1, gzip;q=0.8")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()));
            }
            String plain = gzipFirst ? plain(path) : plainFirst;
            assertThat(plain).contains("<html");
            for (var response : gzipped) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
                assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.equalsIgnoreCase("accept-encoding"));
                assertThat(response.headers().firstValue("Content-Language")).hasValue("zh-CN");
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .as("gzip first: %s", gzipFirst)
                            .isEqualTo(plain);
                }
            }
        }
    }

    @Test
    void aSignedInVisitorsPageNeitherComesFromTheAnonymousCacheNorGoesIntoIt() {
        String path = "/search?q=" + q("婚姻" + System.nanoTime());
        assertThat(browser.get(path).html().select("a[href=/login]")).isNotEmpty();
        TestBrowser staff = new TestBrowser(port);
        staff.signInNewStaff(accounts, null);
        for (int round = 0; round < 2; round++) {
            Document signedIn = staff.get(path).html();
            assertThat(signedIn.select("form[action=/logout]")).isNotEmpty();
            assertThat(signedIn.select("a[href=/login]")).isEmpty();
        }
        assertThat(browser.get(path).html().select("form[action=/logout]")).isEmpty();
    }

    private String plain(String path) {
        TestBrowser.Page page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Encoding")).isNull();
        assertThat(page.header("Content-Language")).isEqualTo("zh-CN");
        return page.body();
    }

    private static int count(Document page) {
        String status = page.selectFirst("[role=status]").text();
        return Integer.parseInt(status.replaceAll(".*?(\\d+) 项.*", "$1"));
    }
}
