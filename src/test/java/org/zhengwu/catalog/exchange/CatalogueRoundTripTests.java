package org.zhengwu.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.licence.LicenceType;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The lossless round trip: the demo catalogue exported, imported into a platform with an empty catalogue (its own
 * database, the same registered organisations), and exported there again gives the same bytes but for
 * {@code exportedAt}.
 */
@ZhengwuTest
// A context of its own: only the demo catalogue, untouched by other tests' entries.
@TestPropertySource(properties = "zhengwu.test.context=catalogue-round-trip")
class CatalogueRoundTripTests {

    @LocalServerPort
    int port;

    @Autowired
    LicenceTypes licenceTypes;

    @Test
    void exportImportIntoAnEmptyCatalogueAndExportAgainGivesTheSameBytes() throws Exception {
        TestBrowser.Page demo = new TestBrowser(port).get("/api/v1/catalogue/export.json");
        assertThat(demo.status()).isEqualTo(200);
        byte[] exported = demo.body().getBytes(StandardCharsets.UTF_8);
        assertThat(ExchangeTestFiles.read(exported).get("entries").size()).isGreaterThan(10);
        // The demo's application forms travel with their guides, with every kind of element.
        assertThat(demo.body())
                .contains(
                        "\"applicationForm\" : {",
                        "\"shownWhen\" : {",
                        "\"requiredWhen\" : {",
                        "\"pattern\" : \"[A-Z][0-9]{9}\"",
                        "\"maxLength\" : 20",
                        "\"prefill\" : \"CITIZEN_ID_NUMBER\"",
                        "\"type\" : \"DIVISION\"",
                        "\"code\" : \"catering\"");
        // So does an entry's own process (居住证申领: 承办 → 审批), and it comes back unchanged below.
        assertThat(demo.body()).contains("\"handling\" : {", "\"processKey\" : \"twoStageCase\"");

        try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(ZhengwuApplication.class)
                .run("--server.port=0", "--zhengwu.demo-data.enabled=false")) {
            JdbcClient jdbc = empty.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM catalog_base_item")
                            .query(Long.class)
                            .single())
                    .isZero();
            registerDemoOrganisations(empty.getBean(Organisations.class));
            defineLicenceTypes(empty.getBean(LicenceTypes.class));
            int emptyPort = ((WebServerApplicationContext) empty).getWebServer().getPort();
            TestBrowser editor = new TestBrowser(emptyPort);
            editor.signInNewStaff(
                    empty.getBean(StaffAccounts.class), null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR);

            Document done = ExchangeTestFiles.finished(editor, ExchangeTestFiles.upload(editor, exported));
            assertThat(done.select("[data-testid=import-problems] td").eachText())
                    .isEmpty();
            assertThat(done.selectFirst("[data-testid=job-status]").attr("data-state"))
                    .isEqualTo("DONE");

            byte[] again = new TestBrowser(emptyPort)
                    .get("/api/v1/catalogue/export.json")
                    .body()
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(withoutExportedAt(again)).isEqualTo(withoutExportedAt(exported));
            assertThat(again.length).isEqualTo(exported.length);
        }
    }

    @Test
    void theFourSpreadsheetsImportedIntoAnEmptyCatalogueGiveTheSameJsonExport() throws Exception {
        byte[] exported = new TestBrowser(port)
                .get("/api/v1/catalogue/export.json")
                .body()
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> sheets = ExchangeTestFiles.exportedSheets(port);
        // The demo's guides have steps, fees and the rest: the fourth sheet is not empty.
        assertThat(new String(sheets.get("lists"), StandardCharsets.UTF_8))
                .contains("guide.steps")
                .doesNotContain("guide.applicationForm");
        // An application form is one cell of JSON in the entries sheet (quotes doubled as CSV doubles them).
        assertThat(new String(sheets.get("entries"), StandardCharsets.UTF_8))
                .contains("\"guide.applicationForm\"", "\"{\"\"fields\"\":[{\"\"key\"\":");
        // A BOM is optional on import.
        String entries = new String(sheets.get("entries"), StandardCharsets.UTF_8);
        assertThat(entries).startsWith("\uFEFF");
        sheets.put("entries", entries.substring(1).getBytes(StandardCharsets.UTF_8));

        try (ConfigurableApplicationContext empty = emptyPlatform()) {
            int emptyPort = ((WebServerApplicationContext) empty).getWebServer().getPort();
            TestBrowser editor = new TestBrowser(emptyPort);
            editor.signInNewStaff(
                    empty.getBean(StaffAccounts.class), null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR);

            Document done = ExchangeTestFiles.finished(editor, ExchangeTestFiles.uploadSheets(editor, sheets));
            assertThat(done.select("[data-testid=import-problems] tr").eachText())
                    .isEmpty();
            assertThat(done.selectFirst("[data-testid=job-status]").attr("data-state"))
                    .isEqualTo("DONE");

            byte[] again = new TestBrowser(emptyPort)
                    .get("/api/v1/catalogue/export.json")
                    .body()
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(withoutExportedAt(again)).isEqualTo(withoutExportedAt(exported));
        }
    }

    /** A platform with an empty catalogue and the demo's organisations, in a database of its own. */
    private ConfigurableApplicationContext emptyPlatform() throws Exception {
        ConfigurableApplicationContext empty = new SpringApplicationBuilder(ZhengwuApplication.class)
                .run("--server.port=0", "--zhengwu.demo-data.enabled=false");
        registerDemoOrganisations(empty.getBean(Organisations.class));
        defineLicenceTypes(empty.getBean(LicenceTypes.class));
        return empty;
    }

    /**
     * The licence types the demo catalogue's materials name, as a platform defines them before it imports a catalogue
     * (the catalogue refuses a licence type it does not know).
     */
    private void defineLicenceTypes(LicenceTypes into) {
        for (LicenceType type : licenceTypes.all()) {
            into.define(new LicenceType(
                    type.code(),
                    type.nameZh(),
                    type.nameEn(),
                    type.definingUscc(),
                    type.definingName(),
                    type.holderKind(),
                    type.validityYears(),
                    type.layout(),
                    type.fields(),
                    type.holder(),
                    List.of()));
        }
    }

    /** The exported text with the value of its one timestamp blanked. */
    private static String withoutExportedAt(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        String blanked = text.replaceFirst("\"exportedAt\" : \"[^\"]*\"", "\"exportedAt\" : \"\"");
        assertThat(blanked).isNotEqualTo(text);
        return blanked;
    }

    /** The organisations of the demo province, registered as its loader registers them: basedata, not catalogue. */
    private static void registerDemoOrganisations(Organisations organisations) throws Exception {
        List<OrganisationDraft> drafts = new ArrayList<>();
        try (InputStream in = new ClassPathResource("demo/organisations.csv").getInputStream()) {
            for (CsvTable.Row row : CsvTable.read(in).rows()) {
                drafts.add(new OrganisationDraft(
                        row.get("uscc"),
                        row.get("name"),
                        row.get("division_code"),
                        row.get("exercise_level"),
                        row.get("nature"),
                        row.get("parent_uscc"),
                        row.get("address"),
                        row.get("phone"),
                        Boolean.parseBoolean(row.get("legacy_code"))));
            }
        }
        drafts.forEach(draft -> organisations.register(draft, "test"));
    }
}
