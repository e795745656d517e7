package org.zhengwu.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.SubjectNature;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.MaterialType;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.SpecialProcedureKind;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The code tables under /api/v1/code-tables, through real HTTP, in both languages. */
@ZhengwuTest
class CodeTablesHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENGLISH = "en-GB,en;q=0.9";

    /** Every table the API must serve, in the listing's order, with the enum whose codes it must give. */
    private static final Map<String, Class<? extends CodeTable>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("item-type", ItemType.class);
        EXPECTED.put("exercise-level", ExerciseLevel.class);
        EXPECTED.put("service-object", ServiceObject.class);
        EXPECTED.put("online-depth", OnlineDepth.class);
        EXPECTED.put("online-level", OnlineLevel.class);
        EXPECTED.put("power-source", PowerSource.class);
        EXPECTED.put("case-kind", CaseKind.class);
        EXPECTED.put("subject-nature", SubjectNature.class);
        EXPECTED.put("result-type", ResultType.class);
        EXPECTED.put("material-form", MaterialForm.class);
        EXPECTED.put("material-type", MaterialType.class);
        EXPECTED.put("material-source", MaterialSource.class);
        EXPECTED.put("handling-channel", HandlingChannel.class);
        EXPECTED.put("general-scope", GeneralScope.class);
        EXPECTED.put("limit-unit", LimitUnit.class);
        EXPECTED.put("special-procedure-kind", SpecialProcedureKind.class);
        EXPECTED.put("service-theme", ServiceTheme.class);
        EXPECTED.put("real-name-level", RealNameLevel.class);
        EXPECTED.put("penalty-kind", PenaltyKind.class);
        EXPECTED.put("compulsion-kind", CompulsionKind.class);
    }

    @LocalServerPort
    int port;

    TestBrowser client;

    @BeforeEach
    void client() {
        client = new TestBrowser(port);
    }

    private TestBrowser.Page get(String path, String language) {
        return language == null
                ? client.getJson(path)
                : client.get(path, "Accept", "application/json", "Accept-Language", language);
    }

    private JsonNode json(String path, String language, int expectedStatus) {
        TestBrowser.Page page = get(path, language);
        assertThat(page.status()).as(path + " -> " + page.body()).isEqualTo(expectedStatus);
        return JSON.readTree(page.body());
    }

    private static List<JsonNode> elements(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array, String field) {
        return elements(array).stream().map(e -> e.get(field).asString()).toList();
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static Stream<Arguments> tables() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theListingNamesEveryTableWithItsTitlesAndSource() throws IOException {
        JsonNode tables = json("/api/v1/code-tables", null, 200);
        assertThat(strings(tables, "name")).containsExactlyElementsOf(EXPECTED.keySet());
        String standards = Files.readString(Path.of("docs/STANDARDS.md"), StandardCharsets.UTF_8);
        for (JsonNode table : elements(tables)) {
            String name = table.get("name").asString();
            String zh = table.get("title").get("zh").asString();
            String en = table.get("title").get("en").asString();
            assertThat(hasHan(zh)).as(name + " zh title " + zh).isTrue();
            assertThat(hasHan(en)).as(name + " en title " + en).isFalse();
            assertThat(en).as(name).isNotBlank().doesNotContain("catalog.code-table");
            assertThat(table.get("href").asString()).isEqualTo("/api/v1/code-tables/" + name);
            String source = table.get("source").asString();
            assertThat(source).startsWith("docs/STANDARDS.md § ");
            String heading = source.substring("docs/STANDARDS.md § ".length());
            assertThat(standards.lines().filter(l -> l.matches("#{2,4} .*")).map(l -> l.replaceFirst("#+ ", "")))
                    .as(name + ": the section its source names")
                    .contains(heading);
        }
        assertThat(json("/api/v1/code-tables", ENGLISH, 200)).isEqualTo(tables);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void eachTableGivesExactlyItsCodesInOrderInTheReadersLanguage(String name, Class<? extends CodeTable> type) {
        List<String> codes =
                Stream.of(type.getEnumConstants()).map(CodeTable::code).toList();
        JsonNode chinese = json("/api/v1/code-tables/" + name, null, 200);
        JsonNode english = json("/api/v1/code-tables/" + name, ENGLISH, 200);
        assertThat(strings(chinese, "code")).containsExactlyElementsOf(codes);
        assertThat(strings(english, "code")).containsExactlyElementsOf(codes);
        for (JsonNode entry : elements(chinese)) {
            assertThat(entry.propertyNames()).containsExactlyInAnyOrder("code", "label");
            String label = entry.get("label").asString();
            assertThat(hasHan(label)).as(name + " " + entry).isTrue();
        }
        List<String> englishLabels = strings(english, "label");
        for (int i = 0; i < codes.size(); i++) {
            String label = englishLabels.get(i);
            assertThat(label).as(name + " " + codes.get(i)).isNotBlank().isNotEqualTo(codes.get(i));
            assertThat(hasHan(label))
                    .as(name + " " + codes.get(i) + " " + label)
                    .isFalse();
        }
    }

    @Test
    void theNationalTablesCarryTheNationalMeanings() {
        assertThat(label("item-type", "01", null)).isEqualTo("行政许可");
        assertThat(label("item-type", "20", null)).isEqualTo("公共服务");
        assertThat(label("item-type", "01", ENGLISH)).isEqualTo("Licence");
        assertThat(label("service-object", "6", null)).isEqualTo("行政机关");
        assertThat(label("online-depth", "4", null)).isEqualTo("互联网受理");
        assertThat(label("online-level", "4", null)).isEqualTo("Ⅳ级 全程网办");
        assertThat(label("power-source", "1", null)).isEqualTo("法定本级行使");
        assertThat(label("exercise-level", "6", null)).isEqualTo("村（社区）级");
        assertThat(strings(json("/api/v1/code-tables/item-type", null, 200), "code"))
                .doesNotContain("00");
    }

    private String label(String table, String code, String language) {
        List<String> found = new ArrayList<>();
        for (JsonNode entry : elements(json("/api/v1/code-tables/" + table, language, 200))) {
            if (entry.get("code").asString().equals(code)) {
                found.add(entry.get("label").asString());
            }
        }
        assertThat(found).as(table + " " + code).hasSize(1);
        return found.get(0);
    }

    @Test
    void anUnknownTableIsA404ProblemInTheReadersLanguage() {
        TestBrowser.Page chinese = get("/api/v1/code-tables/no-such-table", null);
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(chinese.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("type").asString()).endsWith("/not-found");
        assertThat(problem.get("detail").asString()).contains("没有名为“no-such-table”的代码表", "item-type");
        assertThat(problem.get("requestId").asString()).isNotBlank();

        JsonNode english =
                JSON.readTree(get("/api/v1/code-tables/no-such-table", ENGLISH).body());
        assertThat(english.get("detail").asString()).contains("no code table named \"no-such-table\"", "item-type");

        assertThat(get("/api/v1/code-tables/Item-Type", null).status()).isEqualTo(404);
        assertThat(get("/api/v1/code-tables/ItemType", null).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentNamesTheTables() {
        JsonNode docs = json("/v3/api-docs", null, 200);
        assertThat(docs.get("paths").propertyNames()).contains("/api/v1/code-tables", "/api/v1/code-tables/{table}");
        JsonNode parameter =
                elements(docs.get("paths")
                                .get("/api/v1/code-tables/{table}")
                                .get("get")
                                .get("parameters"))
                        .stream()
                        .filter(p -> p.get("name").asString().equals("table"))
                        .findFirst()
                        .orElseThrow();
        assertThat(parameter.get("in").asString()).isEqualTo("path");
        assertThat(elements(parameter.get("schema").get("enum")).stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyElementsOf(EXPECTED.keySet());
    }
}
