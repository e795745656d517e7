package org.zhengwu.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API under /api/v1 and its OpenAPI description, through real HTTP. */
@ZhengwuTest
class ApiHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    TestBrowser client;

    @BeforeEach
    void client() {
        client = new TestBrowser(port);
    }

    private JsonNode json(String path, int expectedStatus) {
        TestBrowser.Page page = client.getJson(path);
        assertThat(page.status()).as(path + " -> " + page.body()).isEqualTo(expectedStatus);
        return JSON.readTree(page.body());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void searchReturnsTotalAndItemsWithPaging() {
        JsonNode first = json("/api/v1/items?q=" + q("营业执照") + "&size=5", 200);
        assertThat(first.get("total").asLong()).isGreaterThan(5);
        assertThat(first.get("items")).hasSize(5);
        JsonNode second = json("/api/v1/items?q=" + q("营业执照") + "&size=5&page=2", 200);
        assertThat(second.get("items").get(0).get("implementationCode").asString())
                .isNotEqualTo(
                        first.get("items").get(0).get("implementationCode").asString());
        JsonNode all = json("/api/v1/items?q=" + q("营业执照") + "&size=50", 200);
        assertThat(all.get("items").findValuesAsString("name")).contains("个体工商户设立登记");
    }

    @Test
    void filtersByTypeAndDivision() {
        JsonNode penalties = json("/api/v1/items?type=02&size=50", 200);
        assertThat(penalties.get("total").asLong()).isPositive();
        penalties
                .get("items")
                .forEach(i -> assertThat(i.get("type").get("code").asString()).isEqualTo("02"));
        JsonNode baohe = json("/api/v1/items?division=340111&size=50", 200);
        baohe.get("items")
                .forEach(i -> assertThat(i.get("divisionCode").asString()).isIn("340000", "340100", "340111"));
    }

    @ParameterizedTest
    @CsvSource({
        "type=99,               type",
        "type=abc,              type",
        "division=3401,         division",
        "division=349999,       division",
        "object=7,              object",
        "depth=0,               depth",
        "theme=X01,             theme",
        "page=0,                page",
        "page=abc,              page",
        "size=51,               size",
        "org=ABC,               org",
    })
    void badParametersAre400ProblemsNamingTheParameter(String query, String parameter) {
        TestBrowser.Page page = client.getJson("/api/v1/items?" + query);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(page.body());
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        TestBrowser.Page chinese = client.getJson("/api/v1/items?type=99");
        assertThat(JSON.readTree(chinese.body()).get("detail").asString()).contains("不是有效的选项");
        TestBrowser.Page english =
                client.get("/api/v1/items?type=99", "Accept", "application/json", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(JSON.readTree(english.body()).get("detail").asString()).contains("is not a valid choice");
    }

    @Test
    void itemDetailIsThePublishedGuide() {
        String code = json("/api/v1/items?q=" + q("机动车驾驶证换证") + "&size=1", 200)
                .get("items")
                .get(0)
                .get("implementationCode")
                .asString();
        JsonNode item = json("/api/v1/items/" + code, 200);
        assertThat(item.get("name").asString()).isEqualTo("机动车驾驶证换证");
        assertThat(item.get("versionNo").asInt()).isEqualTo(1);
        assertThat(item.get("guide").get("materials").size()).isPositive();
        assertThat(item.get("guide")
                        .get("statutoryLimit")
                        .get("unit")
                        .get("label")
                        .asString())
                .isNotBlank();
        assertThat(item.get("page").asString()).isEqualTo("/items/" + code);
    }

    @Test
    void unknownItemIs404AndMalformedIs400() {
        JsonNode unknown = json("/api/v1/items/11340100662167280R3019999900000", 404);
        assertThat(unknown.get("type").asString()).endsWith("/not-found");
        JsonNode malformed = json("/api/v1/items/ABC", 400);
        assertThat(malformed.get("parameter").asString()).isEqualTo("implementationCode");
        JsonNode badLevel = json("/api/v1/items/11340100662167280R8010000100000", 400);
        assertThat(badLevel.get("detail").asString()).contains("行使层级");
    }

    @Test
    void divisionsResolveCurrentAndAbolishedCodes() {
        JsonNode shushan = json("/api/v1/divisions/340104", 200);
        assertThat(shushan.get("name").asString()).isEqualTo("蜀山区");
        assertThat(shushan.get("inForce").asBoolean()).isTrue();
        assertThat(shushan.get("path").findValuesAsString("name")).containsExactly("安徽省", "合肥市", "蜀山区");
        assertThat(shushan.get("history").findValuesAsString("name")).containsExactly("西市区", "蜀山区");
        JsonNode lujiangOld = json("/api/v1/divisions/341421", 200);
        assertThat(lujiangOld.get("inForce").asBoolean()).isFalse();
        assertThat(lujiangOld.get("effectiveTo").asString()).isEqualTo("2011-08-22");
        assertThat(json("/api/v1/divisions/341421?date=2010-01-01", 200)
                        .get("inForce")
                        .asBoolean())
                .isTrue();
        assertThat(json("/api/v1/divisions/340100", 200).get("children").findValuesAsString("name"))
                .contains("蜀山区", "巢湖市");
        assertThat(json("/api/v1/divisions/340199", 404).get("status").asInt()).isEqualTo(404);
        assertThat(json("/api/v1/divisions/34010X", 400).get("parameter").asString())
                .isEqualTo("code");
        assertThat(json("/api/v1/divisions/340104?date=2010-13-01", 400)
                        .get("parameter")
                        .asString())
                .isEqualTo("date");
    }

    @Test
    void aDivisionAskedForBeforeItExistedIsNotFound() {
        JsonNode before = json("/api/v1/divisions/340104?date=1900-01-01", 404);
        assertThat(before.get("status").asInt()).isEqualTo(404);
        assertThat(before.get("detail").asString()).contains("340104", "1900-01-01");
        assertThat(client.getJson("/api/v1/divisions/340104?date=1980-01-01").status())
                .isEqualTo(200);
    }

    @Test
    void organisationsByCreditCode() {
        JsonNode market = json("/api/v1/organisations/11340100662167280R", 200);
        assertThat(market.get("name").asString()).isEqualTo("合肥市市场监督管理局");
        assertThat(market.get("exerciseLevel").get("label").asString()).isEqualTo("市级");
        JsonNode legacy = json("/api/v1/organisations/12340100MB1A5028C3", 200);
        assertThat(legacy.get("legacyCode").asBoolean()).isTrue();
        JsonNode badCheck = json("/api/v1/organisations/12340100MB1A5028C4", 400);
        assertThat(badCheck.get("detail").asString()).contains("校验码");
        assertThat(json("/api/v1/organisations/12340100MB1A5028C", 400)
                        .get("detail")
                        .asString())
                .contains("18");
        assertThat(json("/api/v1/organisations/12340100IB1A5028C3", 400)
                        .get("detail")
                        .asString())
                .contains("I");
        assertThat(json("/api/v1/organisations/91350100M000100Y43", 404)
                        .get("status")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        JsonNode docs = json("/v3/api-docs", 200);
        List<String> paths = List.copyOf(docs.get("paths").propertyNames());
        assertThat(paths)
                .contains(
                        "/api/v1/items",
                        "/api/v1/items/{implementationCode}",
                        "/api/v1/divisions/{code}",
                        "/api/v1/organisations/{uscc}",
                        "/api/v1/code-tables",
                        "/api/v1/code-tables/{table}");
        assertThat(client.follow("/swagger-ui.html").status()).isEqualTo(200);
    }

    @Test
    void theExportHoldsTheSamePublishedVersionsAsTheApi() {
        TestBrowser.Page export = client.get("/api/v1/items/export.csv", "Accept", "text/csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        String[] lines = export.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF实施编码,基本编码,事项名称");
        long total = json("/api/v1/items?size=1", 200).get("total").asLong();
        assertThat(lines.length - 1L).isEqualTo(total);
        String line = java.util.Arrays.stream(lines)
                .filter(l -> l.contains("\"机动车驾驶证换证\""))
                .findFirst()
                .orElseThrow();
        String code = line.substring(1, 32);
        JsonNode item = json("/api/v1/items/" + code, 200);
        assertThat(line)
                .contains(
                        "\"" + item.get("versionNo").asInt() + "\"",
                        "\"" + item.get("baseCode").asString() + "\"");
    }

    @Test
    void anUploadOverTheRequestLimitIsA413ProblemDetail() {
        TestBrowser.Page refused = client.postMultipart(
                "/api/v1/items",
                Map.of("q", List.of("x")),
                Map.of("file", new TestBrowser.FilePart("big.csv", "text/csv", new byte[21 * 1024 * 1024])));
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).isEqualTo("文件“big.csv”超过 20 MB，不能上传。请缩小文件（如降低扫描分辨率）后重新上传。");
        assertThat(problem.get("reason").asString()).isEqualTo("too-large");
        assertThat(problem.get("fileName").asString()).isEqualTo("big.csv");
        client.get("/?lang=en"); // the language cookie
        TestBrowser.Page english = client.postMultipart(
                "/api/v1/items",
                Map.of("q", List.of("x")),
                Map.of("file", new TestBrowser.FilePart("big.csv", "text/csv", new byte[21 * 1024 * 1024])));
        assertThat(JSON.readTree(english.body()).get("detail").asString())
                .startsWith("The file \"big.csv\" is larger than 20 MB and cannot be uploaded.");
    }

    @Test
    void apiIsReadOnlyForAnonymousCallers() {
        TestBrowser.Page post = client.post("/api/v1/items", Map.of("q", "x"));
        assertThat(post.status()).isIn(403, 405);
    }
}
