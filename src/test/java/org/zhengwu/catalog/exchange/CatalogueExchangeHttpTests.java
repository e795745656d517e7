package org.zhengwu.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The exchange file over HTTP: its codes, an import that loads, one that is refused whole, and who may import. */
@ZhengwuTest
class CatalogueExchangeHttpTests {

    private static final String DEPARTMENT = "11340100662167280R";
    private static final String[] COUNTED = {"catalog_base_item", "catalog_item", "catalog_item_version"};

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestBrowser editor;

    @BeforeEach
    void signIn() {
        editor = new TestBrowser(port);
        editor.signInNewStaff(accounts, null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR);
    }

    private ObjectNode export() {
        TestBrowser.Page page = new TestBrowser(port).get("/api/v1/catalogue/export.json");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("application/json");
        return ExchangeTestFiles.read(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theExportIsPublicInTheDocumentedFormatWithNationalCodes() {
        ObjectNode file = export();
        assertThat(file.get("format").asString()).isEqualTo("zhengwu-catalogue/1");
        assertThat(file.propertyNames()).containsExactly("format", "exportedAt", "baseItems", "entries");
        JsonNode base = file.get("baseItems").get(0);
        assertThat(base.get("itemType").asString()).matches("0[1-9]|10|20");
        assertThat(base.get("exerciseLevels").get(0).asString()).matches("[1-6]");
        JsonNode entry = file.get("entries").get(0);
        assertThat(entry.get("exerciseLevel").asString()).matches("[1-6]");
        JsonNode guide = entry.get("guide");
        // National codes, not the enum names the application uses inside.
        guide.get("serviceObjects").forEach(code -> assertThat(code.asString()).matches("[1-69]"));
        guide.get("onlineDepths").forEach(code -> assertThat(code.asString()).matches("[1-8]"));
        assertThat(guide.get("realNameLevel").asString()).doesNotContain("_");
        // In code order, so that two exports of the same catalogue are the same bytes but for exportedAt.
        List<String> codes = entry.get("implementationCode") == null
                ? List.of()
                : file.get("entries")
                        .valueStream()
                        .map(e -> e.get("implementationCode").asString())
                        .toList();
        assertThat(codes).isSorted();
        ObjectNode again = export();
        file.remove("exportedAt");
        again.remove("exportedAt");
        assertThat(again).isEqualTo(file);
    }

    @Test
    void theSpreadsheetsHoldTheSameValuesAsTheFile() throws Exception {
        ObjectNode file = export();
        TestBrowser anonymous = new TestBrowser(port);
        CsvTable base = sheet(anonymous, "/api/v1/catalogue/base-items.csv");
        assertThat(base.header()).containsExactly("basecode", "name", "itemtype", "exerciselevels");
        assertThat(base.rows()).hasSize(file.get("baseItems").size());
        JsonNode firstBase = file.get("baseItems").get(0);
        CsvTable.Row firstRow = base.rows().get(0);
        assertThat(firstRow.get("basecode")).isEqualTo(firstBase.get("baseCode").asString());
        assertThat(firstRow.get("itemtype")).isEqualTo(firstBase.get("itemType").asString());
        assertThat(firstRow.get("exerciselevels"))
                .isEqualTo(firstBase
                        .get("exerciseLevels")
                        .valueStream()
                        .map(JsonNode::asString)
                        .collect(Collectors.joining("^")));

        CsvTable entries = sheet(anonymous, "/api/v1/catalogue/entries.csv");
        assertThat(entries.header())
                .startsWith("implementationcode", "basecode", "name", "organisationuscc")
                .contains("guide.fee.charged", "guide.serviceobjects", "guide.convenience.ssomobile")
                .noneMatch(column -> column.startsWith("guide.materials"));
        assertThat(entries.rows()).hasSize(file.get("entries").size());
        JsonNode firstEntry = file.get("entries").get(0);
        assertThat(entries.rows().get(0).get("guide.serviceobjects"))
                .isEqualTo(firstEntry
                        .get("guide")
                        .get("serviceObjects")
                        .valueStream()
                        .map(JsonNode::asString)
                        .collect(Collectors.joining("^")));

        CsvTable materials = sheet(anonymous, "/api/v1/catalogue/materials.csv");
        assertThat(materials.header()).startsWith("implementationcode", "position", "name", "source");
        int count = file.get("entries")
                .valueStream()
                .mapToInt(e -> e.get("guide").get("materials").size())
                .sum();
        assertThat(count).isPositive();
        assertThat(materials.rows()).hasSize(count);
        assertThat(materials.rows().get(0).get("implementationcode"))
                .isEqualTo(firstEntry.get("implementationCode").asString());
    }

    /** The sheet as a spreadsheet program reads it (the table reader folds column names to lower case). */
    private static CsvTable sheet(TestBrowser browser, String path) throws Exception {
        TestBrowser.Page page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/csv");
        assertThat(page.body()).startsWith("\uFEFF");
        return CsvTable.read(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** A new base item and an entry of it, made from a demo entry of the same type: a file that imports. */
    private ObjectNode newItemFile(ObjectNode exported) {
        ObjectNode template = (ObjectNode) exported.get("entries").get(0).deepCopy();
        String baseCode = template.get("baseCode").asString();
        String newBase =
                // Below 95000: the editor numbers new base items after the highest one of the type, and other tests
                // create some — a random code at 99998 once pushed the next one past five digits.
                baseCode.substring(0, 2) + (90000 + ThreadLocalRandom.current().nextInt(5000)) + "00000";
        JsonNode templateBase = exported.get("baseItems")
                .valueStream()
                .filter(b -> b.get("baseCode").asString().equals(baseCode))
                .findFirst()
                .orElseThrow();
        ObjectNode base = (ObjectNode) templateBase.deepCopy();
        base.put("baseCode", newBase);
        base.put("name", "交换测试事项" + newBase);
        String implementation = template.get("organisationUscc").asString()
                + template.get("exerciseLevel").asString()
                + newBase;
        template.put("baseCode", newBase);
        template.put("implementationCode", implementation);
        template.put("name", "交换测试事项" + newBase);
        ObjectNode file = ExchangeTestFiles.JSON.createObjectNode();
        file.put("format", "zhengwu-catalogue/1");
        file.putArray("baseItems").add(base);
        file.putArray("entries").add(template);
        return file;
    }

    @Test
    void aValidFileIsLoadedWithItsCodesAndPublishedWhileThePageShowsTheProgress() throws Exception {
        ObjectNode file = newItemFile(export());
        String baseCode = file.get("baseItems").get(0).get("baseCode").asString();
        String implementation =
                file.get("entries").get(0).get("implementationCode").asString();

        String job = ExchangeTestFiles.upload(editor, ExchangeTestFiles.bytes(file));
        Document done = ExchangeTestFiles.finished(editor, job);

        assertThat(done.selectFirst("[data-testid=job-status]").attr("data-state"))
                .isEqualTo("DONE");
        assertThat(done.selectFirst("[data-testid=job-counts]").text())
                .contains("2")
                .contains("2");
        assertThat(done.select("#job-status meta[http-equiv=refresh]")).isEmpty();
        assertThat(done.selectFirst("#job-status").hasAttr("hx-get")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_base_item WHERE base_code = :c")
                        .param("c", baseCode)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("""
                        SELECT v.status FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id
                        WHERE i.implementation_code = :c""").param("c", implementation).query(String.class).list())
                .containsExactly("PUBLISHED");
        assertThat(jdbc.sql("""
                        SELECT action FROM shared_audit_entry WHERE object_id = :c ORDER BY seq""").param("c", implementation).query(String.class).list())
                .contains("catalog.entry.import", "catalog.version.publish");
        // Another editor's job is out of sight only by its unguessable id; an unknown id is not found.
        assertThat(editor.get("/admin/catalog/exchange/jobs/no-such-job").status())
                .isEqualTo(404);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithEachErrorsRowColumnAndReason() throws Exception {
        ObjectNode exported = export();
        ObjectNode file = newItemFile(exported);
        ArrayNode baseItems = (ArrayNode) file.get("baseItems");
        ArrayNode entries = (ArrayNode) file.get("entries");
        ObjectNode good = (ObjectNode) entries.get(0);
        // 1: a base item without its name; 2: the same base code again.
        ObjectNode nameless = (ObjectNode) baseItems.get(0).deepCopy();
        nameless.put("baseCode", nameless.get("baseCode").asString().substring(0, 7) + "99900");
        nameless.remove("name");
        baseItems.add(nameless);
        ObjectNode duplicate = (ObjectNode) baseItems.get(0).deepCopy();
        duplicate.put("name", "重复编码的事项" + duplicate.get("baseCode").asString());
        baseItems.add(duplicate);
        // entries/1: a service object that is no national code.
        ObjectNode badCode = good.deepCopy();
        ((ArrayNode) ((ObjectNode) badCode.get("guide")).putArray("serviceObjects")).add("7");
        entries.add(badCode);
        // entries/2: an organisation that is not registered.
        ObjectNode unknown = good.deepCopy();
        unknown.put("organisationUscc", "91340100MA2XXXXX1X");
        entries.add(unknown);
        // entries/3: a guide that breaks a rule (free of charge but paid online).
        ObjectNode rule = good.deepCopy();
        ObjectNode guide = (ObjectNode) rule.get("guide");
        ((ObjectNode) guide.get("fee")).put("charged", false);
        ((ObjectNode) guide.get("fee")).putNull("basis");
        ((ObjectNode) guide.get("fee")).putArray("items");
        ((ObjectNode) guide.get("convenience")).put("onlinePayment", true);
        entries.add(rule);
        // entries/4: an implementation code already in the catalogue.
        entries.add(exported.get("entries").get(0).deepCopy());
        Map<String, Long> before = counts();

        Document refused =
                ExchangeTestFiles.finished(editor, ExchangeTestFiles.upload(editor, ExchangeTestFiles.bytes(file)));

        assertThat(refused.selectFirst("[data-testid=job-status]").attr("data-state"))
                .isEqualTo("REJECTED");
        List<List<String>> problems = refused.select("[data-testid=import-problems] tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList())
                .toList();
        assertThat(problems).allSatisfy(p -> assertThat(p.get(2)).isNotBlank().doesNotContain("catalog."));
        assertThat(problems).anySatisfy(p -> assertThat(p).containsExactly("/baseItems/1", "name", "此项为必填项。"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).containsExactly("/baseItems/2", "baseCode", "与 /baseItems/0 重复。"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get(0)).isEqualTo("/entries/1");
            assertThat(p.get(1)).startsWith("guide.serviceObjects");
            assertThat(p.get(2)).contains("“7”");
        });
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).containsExactly("/entries/2", "organisationUscc", "该实施主体未登记。"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get(0)).isEqualTo("/entries/3");
            assertThat(p.get(1)).startsWith("guide.convenience");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get(0)).isEqualTo("/entries/4");
            assertThat(p.get(1)).isEqualTo("implementationCode");
        });
        // The valid rows of the same file were not loaded either.
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void problemsAreExplainedInTheReadersLanguage() throws Exception {
        ObjectNode file = newItemFile(export());
        file.put("format", "zhengwu-catalogue/0");
        TestBrowser english = new TestBrowser(port);
        english.signInNewStaff(accounts, null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR);
        String job = ExchangeTestFiles.upload(english, ExchangeTestFiles.bytes(file));
        ExchangeTestFiles.finished(english, job);
        Document page = english.get(job, "Cookie", "ZHENGWU_LANG=en").html();
        assertThat(page.select("[data-testid=import-problems] tbody tr td").eachText())
                .containsExactly(
                        "/format",
                        "format",
                        "Format \"zhengwu-catalogue/0\" is not supported; expected \"zhengwu-catalogue/1\".");
    }

    @Test
    void onlyThePlatformsEditorsImportAndOnlyWithTheFormsToken() {
        TestBrowser department = new TestBrowser(port);
        department.signInNewStaff(accounts, DEPARTMENT, CatalogAccess.CATALOG_EDITOR);
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewStaff(accounts, null, IdentityAccess.ADMIN);
        Map<String, Long> before = counts();
        byte[] content = ExchangeTestFiles.bytes(newItemFile(export()));
        for (TestBrowser refused : List.of(department, administrator)) {
            assertThat(refused.get("/admin/catalog/exchange").status()).isEqualTo(403);
            String csrf = TestBrowser.csrf(refused.get("/account"));
            assertThat(refused.postMultipart(
                                    "/admin/catalog/exchange/import",
                                    Map.of("_csrf", List.of(csrf)),
                                    Map.of("file", new TestBrowser.FilePart("c.json", "application/json", content)))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(new TestBrowser(port).get("/admin/catalog/exchange").status())
                .isEqualTo(302);
        // The editor's own post without the form's token is refused before anything is queued.
        TestBrowser.Page forged = editor.postMultipart(
                "/admin/catalog/exchange/import",
                Map.of(),
                Map.of("file", new TestBrowser.FilePart("c.json", "application/json", content)));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
